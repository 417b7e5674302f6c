/** `audioviz-agent run`: capture → analysis → hub relay or direct plugin link, with a live view. */
import {
  NETWORK_PRESETS,
  systemClock,
  systemRandom,
  type Clock,
  type PresetName,
} from '@audioviz/shared-types';
import { AudioAnalyzer, FramePacer, createAnalysisResult, type AnalysisResult } from '../analysis';
import { openSource } from '../sources/open-source';
import type { PcmFormat } from '../sources/pcm';
import { parseSourceSpec } from '../sources/source-spec';
import { DJRelay } from '../transport/dj-relay';
import { VizClient } from '../transport/viz-client';
import type { LinkEvents, TypedEmitter } from '../transport/link-events';
import { UsageError, type Settings } from './cli-options';
import { MeterView, renderMeters } from './meter-view';

/** Frames per second sent on either link (docs/protocol.md: ~60 fps). */
const FRAME_RATE = 60;
const REDRAW_MS = 100;
/** A beat stays lit in the view this long, ms. */
const BEAT_FLASH_MS = 120;

export interface RunEnvironment {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WritableStream;
  /** Registers a stop request (SIGINT/SIGTERM). */
  readonly onStopSignal: (stop: () => void) => void;
  readonly clock?: Clock;
}

/** The parts of the settings `run` needs, checked. @throws UsageError */
function plugUrl(text: string): { host: string; port: number; secure: boolean } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--minecraft: "${text}" is not an address like ws://host:8765`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new UsageError('--minecraft must start with ws:// or wss://');
  return {
    host: url.hostname,
    port: url.port === '' ? 8765 : Number(url.port),
    secure: url.protocol === 'wss:',
  };
}

/** Runs until stopped; returns the exit code. @throws UsageError, AudioInputError */
export async function runCommand(s: Settings, env: RunEnvironment): Promise<number> {
  const clock = env.clock ?? systemClock;
  if (s.source === undefined) throw new UsageError('run needs --source (e.g. --source synth:drums:128)');
  if ((s.hub === undefined) === (s.minecraft === undefined))
    throw new UsageError('run needs exactly one of --hub ws://host:9000 or --minecraft ws://host:8765');
  if (s.hub !== undefined && (s['dj-id'] === undefined || s['dj-key'] === undefined))
    throw new UsageError('--hub needs --dj-id and --dj-key (or AUDIOVIZ_DJ_ID / AUDIOVIZ_DJ_KEY)');
  if (s.hub !== undefined && !/^wss?:\/\//.test(String(s.hub)))
    throw new UsageError('--hub must start with ws:// or wss://');
  const network = NETWORK_PRESETS[(s.network as keyof typeof NETWORK_PRESETS | undefined) ?? 'lan'];
  const connectTimeout = (s['connect-timeout'] as number | undefined) ?? network.connectTimeoutMs;

  const source = await openSource(
    parseSourceSpec(String(s.source)),
    {
      format: (s.format as PcmFormat | undefined) ?? 's16le',
      sampleRate: (s.rate as number | undefined) ?? 48000,
      channels: (s.channels as number | undefined) ?? 2,
      stdin: env.stdin,
    },
    clock,
  );
  const analyzer = new AudioAnalyzer({
    sampleRate: source.sampleRate,
    preset: (s.preset as PresetName | undefined) ?? 'auto',
    lookaheadMs: (s.lookahead as number | undefined) ?? 0,
    spectrumBands: (s['spectrum-bands'] as number | undefined) ?? 32,
  });

  const quiet = s.quiet === true || !env.stdout.isTTY;
  const view = quiet ? null : new MeterView(env.stdout);
  const log = (line: string) => {
    const stamped = `${new Date(clock.now()).toISOString()} ${line}`;
    if (view !== null) view.log(stamped);
    else env.stderr.write(`${stamped}\n`);
  };
  let state = 'connecting';
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));

  let link: DJRelay | VizClient;
  if (s.hub !== undefined) {
    const relay = new DJRelay(
      {
        vjServerUrl: String(s.hub),
        djId: String(s['dj-id']),
        djKey: String(s['dj-key']),
        djName: String(s['dj-name'] ?? s['dj-id']),
        directMode: s.direct === true,
        reconnectInterval: network.reconnectIntervalMs,
        heartbeatInterval: network.heartbeatIntervalMs,
        maxConnectAttempts: (s['max-connect-attempts'] as number | undefined) ?? 3,
        connectTimeout,
        ...(s.zone !== undefined ? { zone: String(s.zone) } : {}),
      },
      { clock, random: systemRandom },
    );
    relay.on('preset', (preset, smoothing) => {
      analyzer.setPreset(preset, smoothing);
      log(`preset ${preset} (from the hub)`);
    });
    relay.on('status', (active) => log(active ? 'you are live' : 'you are queued'));
    relay.on('minecraft', (up) => log(`direct link to the plugin ${up ? 'up' : 'down'}`));
    relay.on('debug', (text) => log(`debug: ${text}`));
    link = relay;
  } else {
    const target = plugUrl(String(s.minecraft));
    link = new VizClient(
      {
        ...target,
        connectTimeout,
        autoReconnect: s['auto-reconnect'] === true,
        maxReconnectAttempts: (s['max-reconnect-attempts'] as number | undefined) ?? 10,
        ...(s.token !== undefined ? { token: String(s.token) } : {}),
        ...(s.zone !== undefined ? { zone: String(s.zone) } : {}),
      },
      { clock, random: systemRandom },
    );
  }
  const target = s.hub ?? s.minecraft;
  // DJRelay's event map extends the common one; the CLI listens to the common part.
  const events = link as unknown as TypedEmitter<LinkEvents>;
  events.on('connected', () => {
    state = 'connected';
    log(`connected to ${target}`);
  });
  events.on('disconnected', ({ code, reason }) => {
    state = 'disconnected';
    log(`disconnected (${code}${reason ? ` ${reason}` : ''})`);
  });
  events.on('reconnecting', ({ attempt, delayMs }) => {
    state = `retry ${attempt}`;
    log(`reconnecting in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt})`);
  });
  events.on('warning', (text) => log(text));
  events.on('auth_failed', ({ reason }) => {
    env.stderr.write(
      `Authentication refused by ${target}: ${reason}. Check the id and key (or token) and try again.\n`,
    );
    finish(3);
  });
  events.on('reconnect_failed', ({ attempts }) => {
    env.stderr.write(
      `Could not reach ${target}${attempts > 0 ? ` after ${attempts} attempts` : ''}. Is it running and reachable? ` +
        'Check the address, firewall, or try --network wan.\n',
    );
    finish(1);
  });

  const result = createAnalysisResult(analyzer.options.spectrumBands);
  const pacer = new FramePacer(FRAME_RATE);
  let audioTimeS = 0;
  let framesSent = 0;
  let beatLitUntil = 0;
  const onHop = (r: AnalysisResult) => {
    if (r.beat) beatLitUntil = clock.now() + BEAT_FLASH_MS;
    const fields = pacer.offer(r);
    if (fields !== null && link.sendFrame({ ...fields, amplitude: r.amplitude })) framesSent++;
  };
  source.start(
    (samples) => {
      analyzer.push(samples, audioTimeS, result, onHop);
      audioTimeS += samples.length / source.sampleRate;
    },
    (error) => {
      if (error !== undefined) {
        env.stderr.write(`Audio input failed: ${error.message}\n`);
        finish(1);
      } else {
        log('end of input');
        finish(0);
      }
    },
  );

  let fps = 0;
  let lastCount = 0;
  let lastCountAt = clock.now();
  let redraw = clock.setTimeout(function tick() {
    const now = clock.now();
    if (now - lastCountAt >= 1000) {
      fps = ((framesSent - lastCount) * 1000) / (now - lastCountAt);
      lastCount = framesSent;
      lastCountAt = now;
    }
    view?.draw(
      renderMeters(result, { state, latencyMs: link.latencyMs, framesPerSecond: fps }, now < beatLitUntil),
    );
    redraw = clock.setTimeout(tick, REDRAW_MS);
  }, REDRAW_MS);
  const duration = s.duration as number | undefined;
  if (duration !== undefined) clock.setTimeout(() => finish(0), duration * 1000);
  env.onStopSignal(() => finish(0));

  log(`source ${source.label}, ${source.sampleRate} Hz; sending to ${target}`);
  link.connect();
  const code = await finished;
  clock.clearTimeout(redraw);
  source.stop();
  link.close();
  return code;
}
