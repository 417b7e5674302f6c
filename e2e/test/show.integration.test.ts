/**
 * The whole chain as real processes: standalone Minecraft server + hub + agent playing a 128 BPM click track, and
 * a real Minecraft protocol client watching. One stack is shared by the tests, which run in order: the faults at
 * the end kill parts of it and check that it comes back.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DJ_RELAY_POLICY } from '@audioviz/shared-types';
import { stopAll } from '../src/child-process';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { waitUntil } from '../src/network';
import { SeqSocket, type Message } from '../src/seq-socket';
import { bytesPerSecond, motionPerUpdate, type EntityUpdate } from '../src/show-analysis';
import { launchChromium } from '../../tools/chromium.cjs';
import { BEAT_PERIOD_MS, BEATS_PER_CHECK, expectMotionOnTheBeat } from '../src/show-checks';
import { ShowStack } from '../src/show-stack';
import { finishServerSuite, prepareServerSuite } from '../src/server-build';

/**
 * Entities per zone in this suite: enough to see a pattern, few enough that the interpreted engine, the server and
 * the client stay light on a 2-core machine. The benchmark measures 256 and 1024.
 */
const ENTITY_CAP = 32;
/** Put on the zone before the server is killed (the show then restores the default through the hub). */
const STORED_PATTERN = 'circle';
/** How long the freeze lasts, ms, and how long after the command the measurement starts. */
const IDLE_EFFECT_MS = 5_000;
const IDLE_SETTLE_MS = 1_000;
/** A display entity spawns at its zone's anchor; this much slack covers rounding and the block centre. */
const SPAWN_SLACK_BLOCKS = 2;
/**
 * The default pattern's `depth` control: at its default, lit bars stand in front of and behind the zone's middle
 * by up to a quarter of the depth times their level; at 0 they all stand in one plane.
 */
const FLAT = { depth: 0 };
/** Lit entities in one plane, in blocks (game) and zone-local units (preview); the default is far apart. */
const PLANE_SLACK_BLOCKS = 0.02;
const PLANE_SLACK_LOCAL = 0.002;
/** A change is judged over this long (three beats at 128 BPM), from this long after it was answered. */
const JUDGED_MS = 1_500;
/**
 * Entities at least this big (blocks) count as shown: a bar's block that the level left shrinks away where it
 * stood (a hidden block is not moved), so a fading one may still be where the old depth put it.
 */
const SHOWN_SCALE = 0.1;
const SETTLE_MS = 500;

interface Zone {
  name: string;
  origin: { x: number; y: number; z: number };
  size: { x: number; y: number; z: number };
  entity_count: number;
  pattern: string;
  params?: Record<string, unknown>;
}

/** How far apart in depth (z) the shown entities of `updates` stand: max − min, 0 for none. */
function depthSpread(zs: readonly number[]): number {
  return zs.length === 0 ? 0 : Math.max(...zs) - Math.min(...zs);
}

/**
 * The depth (z) of the centre of every lit entity the players were sent in [from, to). The server sends a block's
 * corner, half its size before its centre, and leaves out a scale that did not change: replay them all.
 */
function litDepths(updates: readonly EntityUpdate[], from: number, to: number): number[] {
  const scaleOf = new Map<number, number>();
  const depths: number[] = [];
  for (const u of updates) {
    if (u.scale !== undefined) scaleOf.set(u.entityId, u.scale.z);
    const scale = scaleOf.get(u.entityId) ?? 0;
    if (u.t >= from && u.t < to && u.translation !== undefined && scale >= SHOWN_SCALE)
      depths.push(u.translation.z + scale / 2);
  }
  return depths;
}

/** The pattern a zone has in the server's zones.json. */
function storedPattern(dataDir: string, zone: string): string | undefined {
  const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'zones.json'), 'utf8')) as {
    zones?: { name?: string; pattern?: string }[];
  };
  return stored.zones?.find((z) => z.name === zone)?.pattern;
}

/**
 * Opens the hub's admin panel (served on `httpPort`) in headless Chromium, picks `zone` and lets go of its
 * pattern's depth slider at `depth`, as a VJ does; returns once the panel shows the value.
 */
async function setDepthInThePanel(httpPort: number, zone: string, depth: number): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${httpPort}/`);
    await page.getByTestId('link-status').filter({ hasText: 'Live' }).waitFor();
    await page.getByTestId('pattern-zone').selectOption(zone);
    const slider = page.getByTestId('pattern-params').locator('[data-param="depth"]');
    await slider.fill(String(depth));
    await slider.dispatchEvent('change');
    const row = page
      .getByTestId('pattern-params')
      .locator('label', { has: page.locator('[data-param="depth"]') });
    await row
      .locator('output')
      .filter({ hasText: depth.toFixed(2) })
      .waitFor();
    assert.deepEqual(pageErrors, [], 'the panel ran without errors');
  } finally {
    await browser.close();
  }
}

describe('end to end: server, hub, agent and a Minecraft client', function () {
  this.timeout(120_000);
  let stack: ShowStack;
  let viewer: MinecraftViewer;
  let operator: SeqSocket;
  /** The server's default zone, as it reported it after starting. */
  let stage: Zone;
  let workDir = '';
  /** Set when the stack came up and no test failed: only then are the logs thrown away. */
  let clean = false;

  const joinViewer = async (name: string): Promise<MinecraftViewer> =>
    MinecraftViewer.join({ port: stack.server!.port, username: name, logDir: stack.logDir });

  /** The server's zones, asked on its own :8765 socket as a plugin client. */
  const serverZones = async (): Promise<Zone[]> => {
    const { socket } = await SeqSocket.connect(`ws://127.0.0.1:${stack.server!.socketPort}`);
    try {
      const reply = await socket.request({ type: 'get_zones' });
      assert.equal(reply.type, 'zones', JSON.stringify(reply));
      return reply['zones'] as Zone[];
    } finally {
      socket.close();
    }
  };

  /** Waits until the hub has linked to the server again, after `reconnects` reconnections. */
  const hubRelinked = async (reconnects: number): Promise<void> => {
    await waitUntil(
      async () => {
        const health = await stack.health();
        return health.mc_connected && health.mc_reconnect_count > reconnects ? true : undefined;
      },
      90_000,
      'the hub linked to the restarted server',
      250,
    );
  };

  const operatorCommand = async (command: Message): Promise<void> => {
    const reply = await operator.request(command);
    assert.notEqual(reply.type, 'error', `${command.type}: ${JSON.stringify(reply)}`);
  };

  before(async function () {
    this.timeout(900_000); // may build the server jar first
    const prepared = await prepareServerSuite(this, 'e2e');
    workDir = prepared.workDir;
    const jdk = prepared.jdk;
    stack = await ShowStack.prepare(workDir, jdk);
    await stack.start('synth:click:128', { 'engine.max_entities_per_zone': String(ENTITY_CAP) });
    const zones = await serverZones();
    assert.ok(zones[0] !== undefined, 'the standalone server started without a zone');
    stage = zones[0];
    viewer = await joinViewer('Watcher');
    operator = (await SeqSocket.connect(`ws://127.0.0.1:${stack.hub!.browserPort}`)).socket;
    clean = true;
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') clean = false;
  });

  after(async function () {
    this.timeout(60_000);
    operator?.close();
    await stack?.stop();
    await stopAll();
    finishServerSuite(workDir, clean);
  });

  it('spawns the default zone’s display entities at the zone', async () => {
    const zone = stage;
    await viewer.waitForDisplays(zone.entity_count, 30_000, `${zone.entity_count} display entities`);
    const outside = [...viewer.displays.values()].filter(
      (e) =>
        e.x < zone.origin.x - SPAWN_SLACK_BLOCKS ||
        e.x > zone.origin.x + zone.size.x + SPAWN_SLACK_BLOCKS ||
        e.y < zone.origin.y - SPAWN_SLACK_BLOCKS ||
        e.y > zone.origin.y + zone.size.y + SPAWN_SLACK_BLOCKS ||
        e.z < zone.origin.z - SPAWN_SLACK_BLOCKS ||
        e.z > zone.origin.z + zone.size.z + SPAWN_SLACK_BLOCKS,
    );
    assert.deepEqual(outside, [], `display entities away from zone ${JSON.stringify(zone)}`);
  });

  it('changes their transformations over time', async () => {
    const from = Date.now();
    // Motion on more than one entity, at moments at least a beat apart.
    await viewer.waitFor(
      () => {
        const motion = motionPerUpdate(viewer.updates);
        const moving = viewer.updates.filter((u, i) => u.t >= from && motion[i]! > 0);
        const entities = new Set(moving.map((u) => u.entityId)).size;
        const span = moving.length === 0 ? 0 : moving[moving.length - 1]!.t - moving[0]!.t;
        return entities > 1 && span >= BEAT_PERIOD_MS ? true : undefined;
      },
      20_000,
      'several entities moving over a beat',
    );
  });

  it('moves them on the beat of the click track', async () => {
    await expectMotionOnTheBeat(viewer, stack.tap!, BEATS_PER_CHECK);
  });

  it('a pattern parameter the VJ sets in the admin panel reaches the players and the preview', async () => {
    assert.equal(stage.pattern, 'bars', 'this check knows the controls of the default pattern only');
    // The precondition: at the default depth, the bars that the clicks raise stand apart.
    await viewer.waitFor(
      () => {
        const now = Date.now();
        return depthSpread(litDepths(viewer.updates, now - JUDGED_MS, now)) > 5 * PLANE_SLACK_BLOCKS
          ? true
          : undefined;
      },
      20_000,
      'bars standing apart in depth at the default depth',
    );
    // The VJ on the admin panel in Chromium: picks the stage and lets go of the depth slider at 0.
    await setDepthInThePanel(stack.hub!.httpPort, stage.name, FLAT.depth);
    // Entities glide to their new place over a few ticks, and between clicks every bar is low and near the
    // middle anyway: judge several beats' worth of updates, from shortly after the change.
    const judgedFrom = Date.now() + SETTLE_MS;
    await viewer.waitFor(
      () => (Date.now() >= judgedFrom + JUDGED_MS ? true : undefined),
      JUDGED_MS + SETTLE_MS + 5_000,
      'several beats after the change',
    );
    const game = litDepths(viewer.updates, judgedFrom, judgedFrom + JUDGED_MS);
    assert.ok(game.length >= 20, `only ${game.length} lit entity updates to judge`);
    assert.ok(
      depthSpread(game) <= PLANE_SLACK_BLOCKS,
      `the lit bars still stand ${depthSpread(game).toFixed(3)} blocks apart in depth`,
    );
    operator.forgetKept();
    const preview: number[] = [];
    for (const until = Date.now() + JUDGED_MS; Date.now() < until;) {
      const state = await operator.next((m) => m.type === 'state', 5_000);
      const entities = (state['entities'] as Record<string, { z?: number; scale?: number }[]>)[stage.name];
      for (const e of entities ?? []) if ((e.scale ?? 0) >= SHOWN_SCALE) preview.push(e.z ?? 0.5);
    }
    assert.ok(preview.length > 0, 'the preview showed no lit entity');
    assert.ok(
      depthSpread(preview) <= PLANE_SLACK_LOCAL,
      `the preview's lit bars still stand ${depthSpread(preview).toFixed(4)} apart in depth`,
    );
    assert.deepEqual((await serverZones()).find((z) => z.name === stage.name)?.params, FLAT);
  });

  it('sends entity updates while the show moves, and next to nothing while frozen', async () => {
    const movingFrom = Date.now();
    await stack.tap!.beatsAfter(4, 20_000, movingFrom);
    const moving = bytesPerSecond(viewer.updates, movingFrom, Date.now());
    assert.ok(moving > 0, 'no entity bytes while the show moves');
    await operatorCommand({
      type: 'trigger_effect',
      effect: 'freeze',
      intensity: 1,
      duration: IDLE_EFFECT_MS,
    });
    const triggeredAt = Date.now();
    // Measure from shortly after the command (its way through hub and server) until shortly before the end.
    const idleFrom = triggeredAt + IDLE_SETTLE_MS;
    const idleTo = triggeredAt + IDLE_EFFECT_MS - 500;
    await stack.tap!.beatsAfter(1, 10_000, idleTo);
    const idle = bytesPerSecond(viewer.updates, idleFrom, idleTo);
    assert.ok(
      idle <= moving * 0.02,
      `a freeze still sends ${idle.toFixed(0)} B/s of entity updates (${moving.toFixed(0)} B/s while moving)`,
    );
    const over = triggeredAt + IDLE_EFFECT_MS;
    await viewer.waitFor(
      () => (bytesPerSecond(viewer.updates, over, Date.now() + 1) > 0 ? true : undefined),
      20_000,
      'updates after the freeze ends',
    );
  });

  it('kill the hub mid-show: the agent reconnects on the policy schedule and the show resumes', async () => {
    const killedAt = Date.now();
    await stack.hub!.process.kill('SIGKILL');
    await stack.startHub();
    operator.close();
    operator = (await SeqSocket.connect(`ws://127.0.0.1:${stack.hub!.browserPort}`)).socket;
    const { initialMs, jitter, multiplier } = DJ_RELAY_POLICY.backoff;
    const reconnectedAt = await stack.tap!.nextConnection(initialMs * (1 + multiplier) * 2, killedAt);
    const delay = reconnectedAt - killedAt;
    // The first retry comes one initial interval (±jitter) after the loss; the next would come
    // initial × multiplier later, so the upper bound only has to tell the two apart on a slow machine.
    assert.ok(
      delay >= initialMs * (1 - jitter) - 50,
      `the agent came back after ${delay} ms, too early for the policy`,
    );
    assert.ok(
      delay < initialMs * (1 + jitter) + (initialMs * multiplier) / 2,
      `the agent came back after ${delay} ms: its first retry failed or came late`,
    );
    await expectMotionOnTheBeat(viewer, stack.tap!, BEATS_PER_CHECK);
    const health = await stack.health();
    assert.equal(health.current_djs, 1);
    assert.equal(
      stack.tap!.connections.filter((t) => t > killedAt).length,
      1,
      'the agent connected more than once',
    );
  });

  it('the zone file survives a kill -9 of the server during a save', async () => {
    const server = stack.server!;
    assert.equal(
      storedPattern(server.dataDir, stage.name),
      stage.pattern,
      'the default zone is not in zones.json',
    );
    // The server's own file then holds another pattern than the one the operator picks while it is down (next test).
    await operatorCommand({ type: 'set_pattern', pattern: STORED_PATTERN, zones: [stage.name] });
    await waitUntil(
      async () => ((await serverZones()).some((z) => z.pattern === STORED_PATTERN) ? true : undefined),
      30_000,
      `the server showing ${STORED_PATTERN}`,
      250,
    );
    const { socket } = await SeqSocket.connect(`ws://127.0.0.1:${server.socketPort}`);
    // Each change makes the engine save zones.json; send them back to back and kill the server while they land.
    let answered = 0;
    let killed = false;
    const changes = (async () => {
      for (let i = 0; !killed && socket.open; i++) {
        await socket
          .request(
            { type: 'set_zone_config', zone: stage.name, config: { brightness: 14 + (i % 2) } },
            15_000,
          )
          .then(
            () => answered++,
            () => undefined,
          );
      }
    })();
    await waitUntil(() => (answered >= 5 ? true : undefined), 60_000, 'zone changes answered', 5);
    await server.process.kill('SIGKILL');
    killed = true;
    socket.close();
    await changes;
    // Whole and parseable, old or new: the zone with the pattern it had before the saves began.
    assert.equal(storedPattern(server.dataDir, stage.name), STORED_PATTERN, 'zones.json lost the zone');
  });

  it('restart the server: the hub’s reconnect loop restores the zones and the show', async function () {
    this.timeout(180_000);
    const reconnects = (await stack.health()).mc_reconnect_count;
    if (stack.server!.process.exit === null) await stack.server!.process.kill('SIGKILL');
    // Chosen through the hub while the server is down, unlike what the server's file holds: only the hub's
    // restore can bring it back. (Normally the default pattern, which follows the click best.)
    const stored = storedPattern(stack.server!.dataDir, stage.name);
    const restoredPattern = stored === stage.pattern ? STORED_PATTERN : stage.pattern;
    await operatorCommand({ type: 'set_pattern', pattern: restoredPattern, zones: [stage.name] });
    await viewer.leave();
    await stack.startServer();
    await hubRelinked(reconnects);
    const zones = await waitUntil(
      async () => {
        const list = await serverZones();
        return list.some((z) => z.name === stage.name && z.pattern === restoredPattern) ? list : undefined;
      },
      20_000,
      'the operator’s pattern restored on the stage',
      250,
    );
    viewer = await joinViewer('Watcher2');
    const restored = zones.find((z) => z.name === stage.name)!;
    await viewer.waitForDisplays(
      restored.entity_count,
      30_000,
      `${restored.entity_count} display entities after the restart`,
    );
    // A freshly started server runs cold, interpreted code for a while: judge it over twice as many beats, and
    // once more if that first window falls short (a CI run once scored 0.19 there, against 0.36–0.40 on a quieter machine).
    await expectMotionOnTheBeat(viewer, stack.tap!, BEATS_PER_CHECK * 2, 2);
  });

  it('pattern parameters survive a restart of the server and come back with a scene', async () => {
    const stageParams = async (): Promise<unknown> =>
      (await serverZones()).find((z) => z.name === stage.name)?.params;
    await operatorCommand({ type: 'set_pattern', pattern: 'bars', zones: [stage.name] });
    await operatorCommand({ type: 'set_pattern_params', zone: stage.name, params: FLAT, replace: true });
    await operatorCommand({ type: 'save_scene', name: 'flat' });
    const deep = { depth: 1, sensitivity: 2 };
    await operatorCommand({ type: 'set_pattern_params', zone: stage.name, params: deep, replace: true });
    await waitUntil(
      async () => ((await stageParams()) !== undefined ? true : undefined),
      10_000,
      'the server holding the values',
      250,
    );
    assert.deepEqual(await stageParams(), deep);
    const reconnects = (await stack.health()).mc_reconnect_count;
    await stack.server!.process.stop();
    await stack.startServer();
    await hubRelinked(reconnects);
    assert.deepEqual(await stageParams(), deep, 'the values set before the restart');
    await operatorCommand({ type: 'load_scene', name: 'flat' });
    await waitUntil(
      async () => (JSON.stringify(await stageParams()) === JSON.stringify(FLAT) ? true : undefined),
      10_000,
      'the scene’s values on the server',
      250,
    );
  });
});
