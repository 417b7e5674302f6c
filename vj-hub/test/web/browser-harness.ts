/**
 * What the browser tests share: a real hub on loopback (ephemeral ports, in-process), a freshly built web UI,
 * Debian's headless Chromium driven by playwright-core, screenshots under .artifacts/web/, and a DJ client
 * that speaks :9000 like the CLI agent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { silentLogger, startHub, type HubConfig, type RunningHub } from '../../src/index';
import { launchChromium as launchHeadlessChromium } from '../../../tools/chromium.cjs';

const HUB_DIR = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve(HUB_DIR, '..');
export const PUBLIC_DIR = path.join(HUB_DIR, 'public');

let built = false;
/** Builds vj-hub/public/ from the current sources, once per test run. */
export function buildWebUi(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(HUB_DIR, 'web', 'build.mjs')], { cwd: HUB_DIR, stdio: 'pipe' });
  built = true;
}

/**
 * Headless Chromium (tools/chromium.cjs). `fakeAudioFile` gives the page a fake microphone playing that WAV file
 * in a loop, with media prompts accepted.
 */
export function launchChromium({ fakeAudioFile }: { fakeAudioFile?: string } = {}): Promise<Browser> {
  return launchHeadlessChromium(
    fakeAudioFile === undefined
      ? []
      : [
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-audio-capture=${fakeAudioFile}`,
        ],
  );
}

/** The zone every test hub starts with (the preview engine reads it from its zones document). */
export const TEST_ZONE = {
  name: 'stage',
  world: 'world',
  origin: { x: 0, y: 64, z: 0 },
  size: { x: 12, y: 10, z: 12 },
  rotation: 0,
  entityCount: 64,
};

/**
 * A hub on loopback with no auth (ephemeral ports unless given) serving the built web UI, its preview engine
 * (the real one from `@audioviz/scripts`) holding one zone. Pass the same `dataDir` to restart a hub.
 */
export async function startTestHub(settings: Partial<HubConfig> = {}): Promise<RunningHub> {
  const dataDir = settings.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-web-'));
  const zonesFile = path.join(dataDir, 'engine-zones.json');
  if (!fs.existsSync(zonesFile))
    fs.writeFileSync(zonesFile, JSON.stringify({ version: 1, zones: [TEST_ZONE] }));
  const hub = await startHub(
    {
      host: '127.0.0.1',
      djPort: 0,
      browserPort: 0,
      httpPort: 0,
      noAuth: true,
      publicDir: PUBLIC_DIR,
      dataDir,
      ...settings,
    },
    { logger: silentLogger },
  );
  return {
    ...hub,
    async close() {
      await hub.close();
      if (settings.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where a screenshot goes (gitignored, kept as a test artifact). */
export function artifact(name: string): string {
  const dir = path.join(ROOT, '.artifacts', 'web');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * Collects console errors, uncaught page errors, and the warnings of messages the page dropped as
 * malformed (a real hub must never send one).
 */
export function collectErrors(page: Page, { expectMalformed = false } = {}): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (
      m.type() === 'error' ||
      (!expectMalformed && m.type() === 'warning' && m.text().startsWith('Ignored a'))
    )
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Polls `probe` every 50 ms until it returns a truthy value; fails after `timeoutMs` naming `what`. */
export async function eventually<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Compares two PNG screenshots of the same size, decoded by the page itself: pixels that differ between
 * them, and bright pixels of each (a channel above 110: lit blocks; the grid and zone outlines stay darker).
 */
export async function comparePngs(
  page: Page,
  a: Buffer,
  b: Buffer,
): Promise<{ changed: number; litA: number; litB: number; total: number }> {
  return page.evaluate(
    async ([a64, b64]) => {
      const load = async (b: string): Promise<Uint8ClampedArray> => {
        const img = new Image();
        img.src = `data:image/png;base64,${b}`;
        await img.decode();
        const canvas = new OffscreenCanvas(img.width, img.height);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = await Promise.all([load(a64), load(b64)]);
      const distance = (p: Uint8ClampedArray, q: Uint8ClampedArray, i: number): number =>
        Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!);
      let changed = 0;
      let litA = 0;
      let litB = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (distance(pa, pb, i) > 30) changed++;
        if (Math.max(pa[i]!, pa[i + 1]!, pa[i + 2]!) > 110) litA++;
        if (Math.max(pb[i]!, pb[i + 1]!, pb[i + 2]!) > 110) litB++;
      }
      return { changed, litA, litB, total: pa.length / 4 };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/** A DJ on :9000 speaking like the CLI agent (only what the tests need). */
export class TestDj {
  readonly received: Array<Record<string, unknown>> = [];
  private seq = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.received.push(JSON.parse(String(data)) as Record<string, unknown>));
  }

  /** Connects and sends `first` (a `dj_auth` or `code_auth`). */
  static async connect(port: number, first: Record<string, unknown>): Promise<TestDj> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const dj = new TestDj(socket);
    socket.send(JSON.stringify(first));
    return dj;
  }

  /** Waits for a message of `type`. */
  waitFor(type: string): Promise<Record<string, unknown>> {
    return eventually(`${type} from the hub`, () => this.received.find((m) => m['type'] === type)) as Promise<
      Record<string, unknown>
    >;
  }

  /** Sends one audio frame with these band levels. */
  frame(bands: number[], beat = false): void {
    this.socket.send(
      JSON.stringify({
        type: 'dj_audio_frame',
        seq: this.seq++,
        ts: Date.now() / 1000,
        bands,
        peak: Math.max(...bands),
        beat,
        beat_i: beat ? 1 : 0,
        bpm: 128,
        tempo_conf: 0.9,
        beat_phase: 0,
        i_bass: bands[0],
        i_kick: beat,
      }),
    );
  }

  close(): void {
    this.socket.close();
  }
}
