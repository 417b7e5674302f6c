/**
 * A dress rehearsal on a scratch engine, which a host runs once when it loads the bundle: every command,
 * every :8765 message type, every effect and every built-in pattern runs a few times on a throwaway engine
 * with an in-memory host, and nothing of it reaches the live engine (each engine has its own registry,
 * random source, queue and documents).
 *
 * Why: GraalJS builds and specialises a function on its first calls, which the interpreter pays for in tens of
 * milliseconds per code path. Without a rehearsal, the first `/audioviz zone create` an hour after start, or
 * the first `batch_update`, runs cold, far past the host's per-call budget (20 ms). With it, first calls run
 * close to their warm cost; the Java host still gives the first call of each kind a longer budget, because on
 * a slow machine a rehearsed path's first real call can still take more than 20 ms.
 */
import { EFFECT_NAMES, ERROR_CODES, PRESET_NAMES } from '@audioviz/shared-types';
import { createEngine } from './engine';
import type { CommandSender, DocumentName, Host } from './host';
import { BUILT_IN_PATTERNS } from './patterns/index';

/** What the rehearsal ran, for the host's log line; `failures` lists what went wrong (none expected). */
export interface RehearsalReport {
  readonly calls: number;
  /** The :8765 message types it sent. */
  readonly messageTypes: readonly string[];
  readonly failures: readonly string[];
}

const ZONE = 'rehearsal';
const CLIENT = 'rehearsal';
/** Small: the code paths are what warm up, not the entity count. */
const ENTITIES = 16;
/** Ticks each pattern runs: its first calls, with a beat on and off. */
const TICKS_PER_PATTERN = 4;
const CONSOLE: CommandSender = {
  name: 'rehearsal',
  permissions: ['audioviz.admin', 'audioviz.zone', 'audioviz.control'],
  location: null,
};
const TINY_PATTERN =
  "module.exports.default = { meta: { id: 'rehearsal_pattern', name: 'Rehearsal', category: 'test'," +
  ' recommendedEntities: 1, params: {} }, create: function () { return null; },' +
  ' calculate: function (input, state, out) { for (var i = 0; i < out.count; i++) { out.x[i] = 0.5; } } };';

/** Runs the rehearsal and returns what it did. Never throws. */
export function rehearse(): RehearsalReport {
  const failures: string[] = [];
  let time = 0;
  let calls = 0;
  const messageTypes = new Set<string>();
  const documents = new Map<DocumentName, string>();
  const host: Host = {
    now: () => time,
    log: (level, message) => {
      if (level === 'error') failures.push(message);
    },
    readDocument: (name) => documents.get(name) ?? null,
    writeDocument: (name, text) => documents.set(name, text),
    send: (_clientId, text) => {
      // Every error reply below is expected except an internal one.
      if (text.includes(JSON.stringify(ERROR_CODES.INTERNAL_ERROR))) failures.push(text);
    },
    announce: () => undefined,
  };
  try {
    const engine = createEngine(host, { maxEntitiesPerZone: ENTITIES * 2, seed: 1 });
    const command = (...args: string[]): void => {
      calls++;
      const reply = engine.command(CONSOLE, args);
      engine.complete(CONSOLE, [...args.slice(0, -1), '']);
      if (!reply.ok) failures.push(`/av ${args.join(' ')}: ${reply.lines.join(' ')}`);
    };
    const send = (message: Record<string, unknown> & { type: string }): void => {
      calls++;
      messageTypes.add(message.type);
      engine.enqueue(CLIENT, JSON.stringify({ ...message, _seq: calls }));
    };
    const tick = (beat: boolean): void => {
      calls++;
      time += 50;
      send({
        type: 'audio_state',
        bands: [0.8, 0.6, 0.5, 0.4, 0.3],
        amplitude: 0.7,
        is_beat: beat,
        beat_intensity: beat ? 1 : 0,
        bpm: 128,
        tempo_confidence: 0.9,
        beat_phase: beat ? 0 : 0.5,
        spectrum: Array.from({ length: 32 }, (_, i) => (i % 7) / 7),
      });
      engine.tick();
    };

    engine.clientConnected(CLIENT, true);
    command('help');
    command('zone', 'create', ZONE, 'arena', 'world', '0', '64', '0');
    command('zone', 'list');
    command('zone', 'info', ZONE);
    command('zone', 'setsize', ZONE, '8', '6', '8');
    command('zone', 'setrotation', ZONE, '30');
    command('pool', 'init', ZONE, String(ENTITIES));
    command('pattern', 'list');
    for (const { meta } of BUILT_IN_PATTERNS) {
      const { id, params } = meta;
      command('pattern', 'set', id, ZONE, '0');
      const [key, spec] = Object.entries(params)[0] ?? [];
      if (key !== undefined && spec !== undefined)
        command('pattern', 'param', ZONE, key, String(spec.default));
      for (let t = 0; t < TICKS_PER_PATTERN; t++) tick(t % 2 === 0);
    }
    for (const effect of EFFECT_NAMES) {
      command('effect', effect, ZONE, '0.8', '200');
      tick(true);
    }
    for (const preset of PRESET_NAMES) command('preset', preset);
    command('scene', 'save', 'rehearsal_scene');
    command('scene', 'list');
    command('scene', 'load', 'rehearsal_scene');
    command('scene', 'delete', 'rehearsal_scene');
    command('status');

    send({ type: 'ping', timestamp: 1 });
    send({ type: 'auth', token: 'x' });
    send({ type: 'get_zones' });
    send({ type: 'get_zone', zone: ZONE });
    send({ type: 'get_zone', zone: 'nowhere' });
    send({
      type: 'set_zone_config',
      zone: ZONE,
      config: { brightness: 12, interpolation: 3, glow_on_beat: true, dynamic_brightness: true },
    });
    send({ type: 'init_pool', zone: ZONE, count: ENTITIES, material: 'minecraft:sea_lantern' });
    send({ type: 'set_visible', zone: ZONE, visible: true, entities: ['block_0'] });
    send({ type: 'set_entity_glow', zone: ZONE, glow: true });
    send({ type: 'set_entity_brightness', zone: ZONE, brightness: 9, entities: ['block_1'] });
    send({ type: 'set_pattern', zone: ZONE, pattern: 'bars', transition_s: 0.5 });
    send({ type: 'set_pattern_params', zone: ZONE, params: { depth: 0.3 } });
    send({ type: 'set_pattern_params', zone: ZONE, params: {}, replace: true });
    send({ type: 'trigger_effect', zone: ZONE, effect: 'flash', intensity: 1, duration: 100 });
    send({ type: 'set_blackout', zone: ZONE, enabled: true });
    send({ type: 'set_blackout', zone: ZONE, enabled: false });
    send({ type: 'set_freeze', zone: ZONE, enabled: true });
    send({ type: 'set_freeze', zone: ZONE, enabled: false });
    send({ type: 'set_preset', preset: 'auto' });
    send({ type: 'list_patterns' });
    send({ type: 'dj_info', dj_name: 'Rehearsal', dj_id: 'r', bpm: 128, is_active: true });
    tick(true);
    send({
      type: 'batch_update',
      zone: ZONE,
      entities: Array.from({ length: ENTITIES }, (_, i) => ({
        id: `block_${i}`,
        x: i / ENTITIES,
        y: 0.5,
        z: 0.5,
        scale: 0.5,
        rotation: 10,
        band: i % 5,
        visible: true,
        glow: i % 2 === 0,
        brightness: 12,
        interpolation: 2,
        material: 'minecraft:stone',
      })),
      bands: [0.5, 0.5, 0.5, 0.5, 0.5],
      amplitude: 0.5,
      is_beat: true,
      beat_intensity: 1,
    });
    tick(true);
    // MCAV's renderer traffic: its entity update, capabilities request and a liberal batch (Bukkit names,
    // entities that only hide, a hot amplitude, its default zone name).
    send({ type: 'update_entity', zone: ZONE, id: 'block_2', scale: 0.8, material: 'SEA_LANTERN' });
    send({ type: 'get_renderer_capabilities', zone: ZONE });
    send({
      type: 'batch_update',
      zone: 'main',
      entities: [{ id: 'block_0', scale: 0 }, { id: 'block_1', x: 0.5, material: 'GLOWSTONE' }, { id: 'x' }],
      amplitude: 5,
      beat_intensity: 3,
    });
    tick(true);
    // What a broken or hostile client sends: each gets its error reply.
    engine.enqueue(CLIENT, '{not json');
    engine.enqueue(CLIENT, JSON.stringify({ type: 'no_such_type' }));
    engine.enqueue(CLIENT, JSON.stringify({ type: 'audio_state', bands: [2] }));
    tick(false);
    send({ type: 'load_script', name: 'rehearsal_pattern', source: TINY_PATTERN });
    tick(false);
    send({ type: 'cleanup_zone', zone: ZONE });
    tick(false);
    command('pool', 'cleanup', ZONE);
    command('zone', 'delete', ZONE);
    engine.status();
    engine.clientDisconnected(CLIENT);
    engine.dispose();
  } catch (err) {
    failures.push(`the rehearsal stopped: ${String(err)}`);
  }
  return { calls, messageTypes: [...messageTypes].sort(), failures };
}
