/**
 * `/dj`: the remote DJ page. A DJ with only a browser logs in, shares tab or microphone audio, the agent's
 * own analysis runs in the page, and `dj_audio_frame`s go to the hub's :9000 as the CLI agent's do.
 */
import { DJ_RELAY_POLICY, systemClock, type McavPresetSettings } from '@audioviz/shared-types';
import { createPageLink } from '../net/page-link';
import { mountBandMeters } from '../ui/band-meters';
import { byId, el } from '../ui/dom';
import { mountStatusIndicator } from '../ui/status-indicator';
import { toast } from '../ui/toast';
import { createFrameAnalyzer, type FrameAnalyzer } from './analysis-bridge';
import { startCapture, type AudioCapture, type CaptureSource } from './audio-capture';
import { authMessage, DjLink, type DjCredentials, type DjLinkState } from './dj-link';
import { mountLoginForm } from './login-form';

const ROLE_TEXT: Record<DjLinkState['role'], string> = {
  connecting: 'Connecting…',
  pending: 'Waiting for the operator to approve…',
  queued: 'In the queue',
  live: 'LIVE',
  refused: 'Refused',
};

const meters = mountBandMeters(byId('meters'));
const role = byId('dj-role');
const figures = byId('link-figures');
const sourceCard = byId('source');
const tabButton = el(
  'button',
  { type: 'button', 'data-testid': 'share-tab', disabled: true },
  'Share tab audio',
);
const micButton = el(
  'button',
  { type: 'button', 'data-testid': 'share-mic', disabled: true },
  'Microphone / line in',
);
const stopButton = el(
  'button',
  { type: 'button', class: 'danger', 'data-testid': 'stop-audio', disabled: true },
  'Stop',
);
const sourceLabel = el('p', { class: 'link-figures', 'data-testid': 'audio-source' }, 'No audio shared yet.');
sourceCard.append(el('div', { class: 'row' }, tabButton, micButton, stopButton), sourceLabel);

let link: DjLink | null = null;
let capture: AudioCapture | null = null;

const login = mountLoginForm(byId('login'), (credentials) => void connect(credentials));

async function connect(credentials: DjCredentials): Promise<void> {
  login.enable(false);
  link?.leave();
  const statusHost = byId('link-status');
  statusHost.textContent = '';
  const service = await createPageLink('dj', {
    handshake: () => authMessage(credentials),
    // A DJ's link follows the DJ relay row: 5 s × 1.5 up to 30 s, unlimited after a loss.
    backoff: DJ_RELAY_POLICY.backoff,
  });
  link = new DjLink(service, systemClock);
  service.connect();
  mountStatusIndicator(statusHost, service, 'Hub');
  link.subscribe(showLink);
}

function showLink(state: DjLinkState): void {
  role.dataset['role'] = state.role;
  role.textContent =
    state.role === 'queued' && state.queuePosition !== null
      ? `In the queue (#${state.queuePosition + 1})`
      : state.role === 'refused'
        ? `Refused: ${state.refusal ?? ''}`
        : ROLE_TEXT[state.role];
  const accepted = state.role === 'live' || state.role === 'queued';
  tabButton.disabled = micButton.disabled = !accepted || capture !== null;
  if (state.role === 'refused') login.enable(true);
  figures.textContent =
    `${state.framesSent} frames sent` +
    (state.framesDropped > 0 ? ` · ${state.framesDropped} not sent` : '') +
    ` · latency ${state.latencyMs === null ? '—' : `${state.latencyMs.toFixed(0)} ms`}`;
  figures.dataset['framesSent'] = String(state.framesSent);
}

async function share(source: CaptureSource): Promise<void> {
  if (link === null || capture !== null) return;
  tabButton.disabled = micButton.disabled = true;
  let analyzer: FrameAnalyzer | null = null;
  let analysisPreset: McavPresetSettings | null = null;
  try {
    capture = await startCapture(source, (samples, sampleRate) => {
      analyzer ??= createFrameAnalyzer(
        sampleRate,
        () => systemClock.now() / 1000,
        (frame) => {
          meters.update(frame.bands, frame.beat, frame.bpm);
          // The link of the moment: a DJ who logs in again keeps sharing into the new session.
          link?.sendFrame(frame);
        },
      );
      const preset = link?.state.preset ?? null;
      if (preset !== null && preset !== analysisPreset) {
        analyzer.setPreset(preset);
        analysisPreset = preset;
      }
      analyzer.push(samples);
    });
    sourceLabel.textContent = `Sharing: ${capture.label} (${capture.sampleRate} Hz)`;
    stopButton.disabled = false;
  } catch (error) {
    capture = null;
    toast(`Could not capture audio: ${(error as Error).message}`, 'error');
    if (link !== null) showLink(link.state);
  }
}

tabButton.addEventListener('click', () => void share('tab'));
micButton.addEventListener('click', () => void share('microphone'));
stopButton.addEventListener('click', () => {
  capture?.stop();
  capture = null;
  stopButton.disabled = true;
  sourceLabel.textContent = 'No audio shared.';
  if (link !== null) showLink(link.state);
});
window.addEventListener('pagehide', () => link?.leave());
