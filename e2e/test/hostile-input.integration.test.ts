/**
 * The real standalone server and hub against input they did not write: the traffic of MCAV's VJ server (its
 * init sequence and `batch_update` stream, with Bukkit material names, entities that only hide, hot levels, no
 * `bpm`, its zone `main`), then fuzz on :8765, :9000 and :8766. After each, the server still ticks, still answers
 * a fresh client, a zone it refills reaches a joined Minecraft client, and no fault escapes into the logs. `AUDIOVIZ_FUZZ_SEED` and
 * `AUDIOVIZ_FUZZ_COUNT` change the run; the bench (`npm run bench -- --only fuzz`) runs it longer.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { stopAll } from '../src/child-process';
import { browserMessage, djMessage, frames, pluginMessage } from '../src/fuzz/messages';
import { flood } from '../src/fuzz/flood';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { SeqSocket, type Message } from '../src/seq-socket';
import { DJ_ID, DJ_KEY, ShowStack } from '../src/show-stack';
import { finishServerSuite, prepareServerSuite } from '../src/server-build';

const SEED = Number(process.env['AUDIOVIZ_FUZZ_SEED'] ?? 20261206);
const COUNT = Number(process.env['AUDIOVIZ_FUZZ_COUNT'] ?? 1500);
/** Entities in the zone: enough to see a frame, light on a 2-core machine. */
const ENTITIES = 32;
/** Scales no pattern produces: seeing them at the client proves the batch itself arrived. */
const MARKER_SCALES = [1.234, 0.567];
/** How long an MCAV-shaped stream goes on at most while waiting for the player to see it. */
const STREAM_TIMEOUT_MS = 20_000;

describe('hostile and foreign input against the real server and hub', function () {
  this.timeout(180_000);
  let workDir = '';
  let stack: ShowStack;
  let viewer: MinecraftViewer;
  let clean = false;

  const pluginUrl = (): string => `ws://127.0.0.1:${stack.server!.socketPort}`;

  /** MCAV's VJ server's frame: every entity at a marker scale, some with Bukkit materials, some only hiding. */
  const mcavBatch = (frame: number): Message => ({
    type: 'batch_update',
    zone: 'main',
    entities: Array.from({ length: ENTITIES }, (_, i) =>
      i % 8 === 7
        ? { id: `block_${i}`, scale: 0 }
        : {
            id: `block_${i}`,
            x: (i % 4) / 4 + 0.1,
            y: ((frame + i) % 10) / 10,
            z: 0.5,
            scale: MARKER_SCALES[frame % 2],
            band: i % 5,
            brightness: 15,
            interpolation: 2,
            ...(i % 3 === 0 ? { material: 'SEA_LANTERN' } : {}),
          },
    ),
    bands: [0.8, 0.6, 0.4, 0.3, 0.2],
    amplitude: 4.2,
    is_beat: frame % 15 === 0,
    beat_intensity: frame % 15 === 0 ? 3 : 0,
  });

  /** Streams MCAV-shaped batches at ~30 Hz and resolves with the client's updates carrying a marker scale. */
  async function streamAndWatch(socket: SeqSocket, frameCount: number, want: number): Promise<Set<number>> {
    const from = Date.now();
    const marked = (): Set<number> => {
      const seen = new Set<number>();
      for (const u of viewer.updatesBetween(from))
        if (u.scale !== undefined && MARKER_SCALES.some((s) => Math.abs(u.scale!.x - s) < 0.01))
          seen.add(u.entityId);
      return seen;
    };
    // At least `frameCount` frames; then on, as MCAV streams, until `want` entities show a batch's scale or the
    // time is up (a busy machine may still be spawning the refilled pool when the first frames arrive).
    const deadline = from + STREAM_TIMEOUT_MS;
    for (let f = 0; f < frameCount || (marked().size < want && Date.now() < deadline); f++) {
      socket.send(mcavBatch(f));
      await new Promise((r) => setTimeout(r, 33));
    }
    await new Promise((r) => setTimeout(r, 500));
    return marked();
  }

  /**
   * A fresh :8765 client is greeted and answered, a zone it empties and refills reaches the player as new
   * entities, and its frames are applied in full. (Marker scales on screen are not asked for here: the fuzz may
   * have started effects, a freeze or a strobe, that rightly hold the zone for up to a minute.)
   */
  async function expectServerAlive(what: string): Promise<void> {
    const { socket, greeting } = await SeqSocket.connect(pluginUrl());
    try {
      assert.equal(greeting.type, 'connected', `${what}: greeting ${JSON.stringify(greeting)}`);
      assert.equal((await socket.request({ type: 'ping' })).type, 'pong', `${what}: no pong`);
      const zones = await socket.request({ type: 'get_zones' });
      assert.equal(zones.type, 'zones', `${what}: ${JSON.stringify(zones)}`);
      assert.equal((await socket.request({ type: 'cleanup_zone', zone: 'main' })).type, 'zone_cleaned');
      const refilledAt = Date.now();
      const pool = await socket.request({ type: 'init_pool', zone: 'main', count: ENTITIES });
      assert.equal(pool.type, 'pool_initialized', `${what}: ${JSON.stringify(pool)}`);
      await viewer.waitFor(
        () =>
          [...viewer.displays.values()].filter((e) => e.t >= refilledAt).length >= ENTITIES
            ? true
            : undefined,
        10_000,
        `${what}: the player seeing the ${ENTITIES} new entities`,
      );
      const applied = await socket.request(mcavBatch(0));
      assert.deepEqual(
        [applied.type, applied['updated']],
        ['batch_updated', ENTITIES],
        `${what}: ${JSON.stringify(applied)}`,
      );
    } finally {
      socket.close();
    }
  }

  /** Stack traces and uncaught errors: a fault caught and reported in one line is fine, one that escaped is not. */
  function expectNoEscapedFaults(what: string): void {
    // Java prints stack frames as lines of their own, the hub's JSON log lines carry them escaped ("\n    at").
    const escaped = /^\s+at [\w$.<>]+\(|\\n\s+at |Exception in thread|Uncaught|unhandled/i;
    for (const part of [stack.server!.process, stack.hub!.process]) {
      // The whole log file: the process keeps only its last lines in memory.
      const lines = fs
        .readFileSync(part.logFile, 'utf8')
        .split('\n')
        .filter((l) => escaped.test(l));
      assert.deepEqual(
        lines.slice(0, 5),
        [],
        `${what}: ${part.name} printed a fault that escaped (${part.logFile})`,
      );
    }
  }

  before(async function () {
    this.timeout(900_000); // may build the server jar first
    const prepared = await prepareServerSuite(this, 'hostile');
    workDir = prepared.workDir;
    const jdk = prepared.jdk;
    stack = await ShowStack.prepare(workDir, jdk);
    await stack.startServer({ 'engine.max_entities_per_zone': String(ENTITIES) });
    await stack.startHub();
    viewer = await MinecraftViewer.join({
      port: stack.server!.port,
      username: 'Witness',
      logDir: stack.logDir,
    });
    // A player who just joined is sent the entities once its chunks are in: on a busy machine, seconds later.
    await viewer.waitForDisplays(
      ENTITIES,
      60_000,
      `the player seeing the default show's ${ENTITIES} entities`,
    );
    clean = true;
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') clean = false;
  });

  after(async function () {
    this.timeout(60_000);
    await stack?.stop();
    await stopAll();
    finishServerSuite(workDir, clean);
  });

  it('answers MCAV’s VJ server’s init sequence and puts its batch_update stream on screen', async () => {
    const { socket } = await SeqSocket.connect(pluginUrl());
    try {
      const answers: Record<string, Message> = {};
      for (const request of [
        { type: 'ping' },
        { type: 'get_zones' },
        { type: 'get_zone', zone: 'main' },
        { type: 'init_pool', zone: 'main', count: ENTITIES, material: 'SEA_LANTERN' },
        { type: 'get_renderer_capabilities', zone: 'main' },
        { type: 'get_stages' },
        { type: 'set_pattern', pattern: 'spectrum', zones: ['main'] },
        { type: 'update_entity', zone: 'main', id: 'block_0', scale: 0.5, material: 'GLOWSTONE' },
      ])
        answers[request.type] = await socket.request(request);
      assert.equal(answers['ping']?.type, 'pong');
      assert.equal(answers['get_zone']?.type, 'zone', JSON.stringify(answers['get_zone']));
      assert.equal(answers['init_pool']?.type, 'pool_initialized', JSON.stringify(answers['init_pool']));
      assert.equal(answers['get_renderer_capabilities']?.type, 'renderer_capabilities');
      assert.equal(answers['get_stages']?.['code'], 'UNSUPPORTED');
      assert.equal(answers['set_pattern']?.['pattern'], 'bars');
      assert.equal(answers['update_entity']?.type, 'entity_updated');
      socket.send({
        type: 'audio_state',
        zone: 'main',
        bands: [1, 0.5, 0.2, 0.1, 0],
        amplitude: 5,
        is_beat: true,
        beat_intensity: 5,
        frame: 1,
      });
      const moved = await streamAndWatch(socket, 60, ENTITIES / 2);
      assert.ok(
        moved.size >= ENTITIES / 2,
        `the client saw ${moved.size} of ${ENTITIES} entities take the batch's scale`,
      );
      const refusal = await socket.next((m) => m.type === 'error', 300).catch(() => null);
      assert.equal(refusal, null, `an MCAV-shaped frame was refused: ${JSON.stringify(refusal)}`);
    } finally {
      socket.close();
    }
  });

  it(`survives ${COUNT} fuzzed :8765 frames (seed ${SEED}): still ticks, answers and respawns`, async () => {
    const result = await flood(pluginUrl(), frames(pluginMessage, COUNT, SEED), {
      sockets: 3,
      binaryEvery: 97,
    });
    assert.equal(result.sent, COUNT);
    console.log(
      `      ${result.replies} replies, closes ${JSON.stringify([...result.closes])}, ${result.ms} ms`,
    );
    await expectServerAlive(`after fuzz seed ${SEED}`);
    expectNoEscapedFaults(`after fuzz seed ${SEED}`);
  });

  it(`survives ${COUNT} fuzzed frames each on the hub's :9000 and :8766 (seed ${SEED})`, async () => {
    const dj = `ws://127.0.0.1:${stack.hub!.djPort}`;
    const browser = `ws://127.0.0.1:${stack.hub!.browserPort}`;
    const unauthenticated = await flood(dj, frames(djMessage, COUNT, SEED), { sockets: 1 });
    const authenticated = await flood(dj, frames(djMessage, COUNT / 3, SEED + 1), {
      sockets: 1,
      hello: JSON.stringify({ type: 'dj_auth', dj_id: DJ_ID, dj_key: DJ_KEY, dj_name: 'Fuzz' }),
    });
    const panel = await flood(browser, frames(browserMessage, COUNT, SEED), { sockets: 2 });
    for (const [name, r] of Object.entries({ unauthenticated, authenticated, panel }))
      console.log(
        `      ${name}: ${r.sent} sent, ${r.replies} replies, closes ${JSON.stringify([...r.closes])}`,
      );
    const { socket, greeting } = await SeqSocket.connect(browser);
    try {
      assert.equal(greeting.type, 'vj_state', `after fuzz seed ${SEED}: ${JSON.stringify(greeting)}`);
      const state = await socket.request({ type: 'get_state' });
      assert.equal(state.type, 'vj_state', JSON.stringify(state));
    } finally {
      socket.close();
    }
    await expectServerAlive(`after the hub fuzz, seed ${SEED}`);
    expectNoEscapedFaults(`after the hub fuzz, seed ${SEED}`);
  });
});
