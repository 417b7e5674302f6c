/** Starts a hub on ephemeral loopback ports with a fake clock and no log output. */
import { FakeClock, seededRandom } from '@audioviz/shared-types';
import { silentLogger, startHub, type HubConfig, type RunningHub } from '../../src/index';
import type { HubDependencies } from '../../src/hub';
import { TestClient } from './ws-client';

export interface TestHub {
  readonly hub: RunningHub;
  readonly clock: FakeClock;
  dj(): Promise<TestClient>;
  browser(): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startTestHub(
  settings: Partial<HubConfig> = {},
  deps: HubDependencies = {},
): Promise<TestHub> {
  const clock = new FakeClock(1_700_000_000_000);
  const hub = await startHub(
    { host: '127.0.0.1', djPort: 0, browserPort: 0, httpPort: 0, noAuth: true, ...settings },
    { clock, random: seededRandom(7), logger: silentLogger, createEngine: null, ...deps },
  );
  return {
    hub,
    clock,
    dj: () => TestClient.open(`ws://127.0.0.1:${hub.ports.dj}`),
    browser: () => TestClient.open(`ws://127.0.0.1:${hub.ports.browser}`),
    close: () => hub.close(),
  };
}

/** A valid `dj_audio_frame` with every band at `level`. */
export function frame(seq: number, level = 0.5, beat = false): Record<string, unknown> {
  return {
    type: 'dj_audio_frame',
    seq,
    ts: seq / 60,
    bands: [level, level, level, level, level],
    peak: level,
    beat,
    beat_i: beat ? 1 : 0,
    bpm: 128,
    tempo_conf: 0.9,
    beat_phase: 0.25,
    i_bass: level,
    i_kick: beat,
  };
}

/** Connects a DJ with `dj_auth` and waits for `auth_success`. */
export async function connectDj(t: TestHub, djId: string, key = 'any-key'): Promise<TestClient> {
  const dj = await t.dj();
  dj.send({ type: 'dj_auth', dj_id: djId, dj_key: key, dj_name: `DJ ${djId}` });
  await dj.next('auth_success');
  return dj;
}
