/**
 * 10 000 random and malformed :8765 frames: valid messages with fields swapped for hostile values, random
 * JSON, broken text, huge and deeply nested frames. Nothing may escape (the engine logs no error, which is
 * where its last-resort guard would report), every request with a `_seq` is answered, and memory stays flat.
 */
import { strict as assert } from 'node:assert';
import v8 from 'node:v8';
import vm from 'node:vm';
import { seededRandom } from '@audioviz/shared-types';
import { createEngine } from '../../src/engine';
import { RecordingHost, sender } from '../recording-host';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const rnd = seededRandom(20261126);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const HOSTILE: readonly unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -1e308,
  0.5,
  4096,
  '',
  'main',
  'x'.repeat(5000),
  '../../etc',
  '__proto__',
  [],
  [1, 2, 3, 4, 5],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: {} } },
  'block_1',
  'block_99999',
  NaN,
];

const VALID: readonly Record<string, unknown>[] = [
  { type: 'ping' },
  {
    type: 'audio_state',
    bands: [0.1, 0.2, 0.3, 0.4, 0.5],
    amplitude: 0.5,
    is_beat: true,
    beat_intensity: 1,
    bpm: 128,
  },
  {
    type: 'audio_state',
    zone: 'main',
    bands: [1, 1, 1, 1, 1],
    amplitude: 1,
    is_beat: false,
    beat_intensity: 0,
    bpm: 0,
    spectrum: [0.5, 0.5],
  },
  {
    type: 'batch_update',
    zone: 'main',
    entities: [{ id: 'block_0', x: 0.5, y: 0.5, z: 0.5, scale: 1, material: 'minecraft:glass' }],
  },
  { type: 'get_zones' },
  { type: 'get_zone', zone: 'main' },
  {
    type: 'set_zone_config',
    zone: 'main',
    config: { rotation: 30, size: { x: 5, y: 5, z: 5 }, entity_count: 40 },
  },
  { type: 'init_pool', zone: 'main', count: 32 },
  { type: 'cleanup_zone', zone: 'main' },
  { type: 'set_visible', zone: 'main', visible: false, entities: ['block_1'] },
  { type: 'set_entity_glow', zone: 'main', glow: true },
  { type: 'set_entity_brightness', zone: 'main', brightness: 7 },
  { type: 'set_pattern', pattern: 'circle', transition_s: 1 },
  { type: 'trigger_effect', effect: 'explode', intensity: 1, duration: 500 },
  { type: 'list_patterns' },
  { type: 'load_script', name: 'x', source: 'module.exports = 1' },
  { type: 'dj_info', dj_name: 'n', dj_id: 'n', bpm: 120, is_active: true },
  { type: 'auth', token: 't' },
];

function mutate(message: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = { ...message };
  const keys = Object.keys(copy);
  const r = rnd();
  if (r < 0.4) copy[pick(keys)] = pick(HOSTILE);
  else if (r < 0.55) delete copy[pick(keys)];
  else if (r < 0.65)
    copy['type'] = pick(['', 'PING', 'audio-state', 'zone', 'error', 'toString', '__proto__']);
  else if (r < 0.75) copy[`extra_${Math.floor(rnd() * 5)}`] = pick(HOSTILE);
  if (rnd() < 0.5) copy['_seq'] = Math.floor(rnd() * 1e6);
  return copy;
}

function randomJson(depth: number): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.3) return pick(HOSTILE);
  if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomJson(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 3; i++)
    o[pick(['type', 'zone', 'bands', '_seq', 'x', 'entities'])] = randomJson(depth + 1);
  return o;
}

function frame(): string {
  const r = rnd();
  if (r < 0.6) return JSON.stringify(mutate(pick(VALID)));
  if (r < 0.8) return JSON.stringify(randomJson(0));
  if (r < 0.9) {
    const text = JSON.stringify(pick(VALID));
    return text.slice(0, Math.floor(rnd() * text.length));
  }
  if (r < 0.95) return '['.repeat(5000) + ']'.repeat(5000);
  if (r < 0.97)
    return JSON.stringify({
      type: 'batch_update',
      zone: 'main',
      entities: new Array(2000).fill({ id: 'block_1', x: 0, y: 0, z: 0 }),
    });
  return String.fromCharCode(...Array.from({ length: 50 }, () => Math.floor(rnd() * 0xffff)));
}

/** A frame that parses to an object with a numeric `_seq` must be answered (with a reply or an error). */
function expectsReply(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as { _seq?: unknown })._seq === 'number'
    );
  } catch {
    return false;
  }
}

describe('protocol fuzz', () => {
  it('survives 10 000 random and malformed messages with flat memory', () => {
    const host = new RecordingHost();
    const engine = createEngine(host, { queueCapacity: 200 });
    engine.clientConnected('fuzz', true);
    engine.command(sender(), ['zone', 'create', 'main', 'small_stage']);
    engine.command(sender(), ['pool', 'init', 'main', '64']);
    let heapAfterWarmUp = 0;
    let seqSent = 0;
    let seqAnswered = 0;
    for (let i = 0; i < 10_000; i++) {
      const text = frame();
      if (expectsReply(text)) seqSent++;
      engine.enqueue('fuzz', text);
      if (i % 50 === 49) {
        // Until the queue is empty: a drain stops after each load_script (one script per tick).
        do {
          host.time += 50;
          host.apply(engine.tick());
        } while (engine.status().queueLength > 0);
        seqAnswered += host.take('fuzz').filter((m) => typeof m['_seq'] === 'number').length;
      }
      if (i === 1999) {
        gc();
        heapAfterWarmUp = process.memoryUsage().heapUsed;
      }
    }
    host.time += 50;
    host.apply(engine.tick());
    seqAnswered += host.take('fuzz').filter((m) => typeof m['_seq'] === 'number').length;
    gc();
    const growth = process.memoryUsage().heapUsed - heapAfterWarmUp;
    assert.deepEqual(host.logged('', 'error'), [], 'no exception reached the last-resort guard');
    assert.equal(seqAnswered, seqSent, 'every request with a _seq is answered');
    assert.ok(growth < 8 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(1)} MB over 8 000 messages`);
    assert.equal(engine.status().queueLength, 0);
    assert.ok(host.logs.length < 500, `log stays bounded: ${host.logs.length} lines`);
  });
});
