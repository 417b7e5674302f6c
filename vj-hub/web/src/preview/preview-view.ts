/**
 * A preview wired to a hub link: zones from `vj_state`/`zones`, entities from `state`, and the
 * FPS / BPM / latency readout. The /preview page and the panel's embedded preview both mount this.
 */
import type { ZoneInfo } from '@audioviz/shared-types';
import type { InboundMessage, WebSocketService } from '../net/websocket-service';
import { el } from '../ui/dom';
import { PreviewScene, type PreviewFrame } from './preview-scene';

/** How often the readout refreshes, ms (a display rate, not protocol timing). */
const READOUT_MS = 500;

export function mountPreview(host: HTMLElement, service: WebSocketService): PreviewScene {
  const stage = el('div', { class: 'preview-stage', 'data-testid': 'preview-canvas' });
  const fps = el('span', { 'data-testid': 'preview-fps' }, '—');
  const bpm = el('span', { 'data-testid': 'preview-bpm' }, '—');
  const latency = el('span', { 'data-testid': 'preview-latency' }, '—');
  const entities = el('span', { 'data-testid': 'preview-entities' }, '0');
  const readout = el(
    'div',
    { class: 'readout' },
    el('span', {}, 'FPS ', fps),
    el('span', {}, 'BPM ', bpm),
    el('span', { title: 'hub engine latency / link round trip' }, 'Latency ', latency),
    el('span', {}, 'Blocks ', entities),
  );
  host.append(stage, readout);
  // `?autorotate=off` holds the camera still (a fixed projector view, and the browser tests).
  const scene = new PreviewScene(
    stage,
    new URLSearchParams(window.location.search).get('autorotate') !== 'off',
  );

  let lastState: InboundMessage | null = null;
  service.on('message', (message) => {
    if (message.type === 'vj_state' || message.type === 'zones') {
      const zones = message['zones'];
      if (Array.isArray(zones)) scene.setZones(zones as ZoneInfo[]);
    } else if (message.type === 'state' && isFrame(message)) {
      lastState = message;
      scene.applyFrame(message);
    }
  });

  let framesAt = scene.frames;
  let sampledAt = performance.now();
  window.setInterval(() => {
    const now = performance.now();
    fps.textContent = (((scene.frames - framesAt) * 1000) / Math.max(1, now - sampledAt)).toFixed(0);
    framesAt = scene.frames;
    sampledAt = now;
    const hubBpm = Number(lastState?.['bpm'] ?? 0);
    bpm.textContent = hubBpm > 0 ? hubBpm.toFixed(0) : '—';
    const engine = lastState?.['latency_ms'];
    const rtt = service.latencyMs;
    latency.textContent = `${typeof engine === 'number' ? engine.toFixed(0) : '—'} / ${rtt === null ? '—' : rtt.toFixed(0)} ms`;
    entities.textContent = String(scene.visibleEntities);
  }, READOUT_MS);

  scene.start();
  return scene;
}

function isFrame(message: InboundMessage): message is InboundMessage & PreviewFrame {
  const entities = message['entities'];
  return typeof entities === 'object' && entities !== null && !Array.isArray(entities);
}
