/**
 * `createEngine`: assembles the queue, the protocol handler, the stage (zones, pools, patterns, effects)
 * and the command tree behind the `Engine` interface every host drives. Every entry point catches what
 * it calls: the engine never throws into its host.
 */
import {
  DEFAULT_ENTITIES_PER_ZONE,
  MAX_ENTITIES_PER_ZONE,
  seededRandom,
  type BatchEntity,
} from '@audioviz/shared-types';
import { commandContext, completeCommand, runCommand } from './commands/command-tree';
import { Control } from './control';
import { EFFECTS } from './effects/index';
import type { CreateEngine, Engine, EngineOptions, EngineStatus } from './engine-api';
import type { CommandReply, Host, TickFrame } from './host';
import { evaluatePatternSource } from './hot-reload/pattern-source';
import { createPatternRegistry } from './patterns/index';
import { InGameChanges } from './protocol/in-game-changes';
import { ProtocolHandler } from './protocol/protocol-handler';
import { MessageQueue } from './queue/message-queue';
import { errorText } from './show/pattern-library';
import { Stage } from './show/stage';
import { ENGINE_VERSION } from './version';

/** Default per-pattern time budget per tick, ms. */
export const DEFAULT_PATTERN_BUDGET_MS = 5;

export const createEngine: CreateEngine = (host: Host, options: EngineOptions = {}): Engine => {
  const maxEntities = clampInt(
    options.maxEntitiesPerZone,
    1,
    MAX_ENTITIES_PER_ZONE,
    DEFAULT_ENTITIES_PER_ZONE,
  );
  const stage = new Stage({
    host,
    registry: createPatternRegistry(),
    effects: EFFECTS,
    maxEntities,
    patternBudgetMs:
      typeof options.patternBudgetMs === 'number' && options.patternBudgetMs > 0
        ? options.patternBudgetMs
        : DEFAULT_PATTERN_BUDGET_MS,
    random: seededRandom(typeof options.seed === 'number' ? options.seed : 1),
  });
  const control = new Control(stage);
  const queue = new MessageQueue({
    capacity: options.queueCapacity,
    now: () => host.now(),
    warn: (message) => host.log('warn', message),
  });
  let disposed = false;

  const loadPatternSource = (name: string, source: string): string | null => {
    const evaluated = evaluatePatternSource(source);
    if (!evaluated.ok) return evaluated.error;
    const error = stage.library.load(evaluated.pattern);
    if (error !== null) return error;
    host.log('info', `pattern "${evaluated.pattern.meta.id}" loaded from ${name}`);
    return null;
  };

  const protocol = new ProtocolHandler({
    host,
    control,
    loadScript: loadPatternSource,
    version: ENGINE_VERSION,
  });
  const inGame = new InGameChanges(control, protocol);
  const status = (): EngineStatus => {
    let entities = 0;
    for (const entry of stage.zones.all()) entities += entry.pool.capacity;
    return {
      zones: stage.zones.size,
      entities,
      queueLength: queue.length,
      droppedMessages: queue.droppedCount,
      ticks: stage.ticks,
      disabledPatterns: stage.library.disabled(),
    };
  };
  const base = { control, status, version: ENGINE_VERSION };

  /** Runs `body`, logging instead of throwing; returns `fallback` when it failed. */
  const safely = <T>(what: string, fallback: T, body: () => T): T => {
    try {
      return body();
    } catch (err) {
      try {
        host.log('error', `${what} failed: ${errorText(err)}`);
      } catch {
        // a host whose log throws has nowhere left to report to
      }
      return fallback;
    }
  };

  return {
    enqueue: (clientId, text) =>
      safely('enqueue', undefined, () => {
        if (!disposed) queue.push(String(clientId), String(text));
      }),
    clientConnected: (clientId, trusted) =>
      safely('clientConnected', undefined, () => protocol.clientConnected(clientId, trusted === true)),
    clientDisconnected: (clientId) =>
      safely('clientDisconnected', undefined, () => protocol.clientDisconnected(clientId)),
    tick: () =>
      safely<TickFrame | null>('tick', null, () => {
        if (disposed) return null;
        queue.drain((clientId, text) => protocol.handle(clientId, text));
        protocol.endDrain();
        return stage.tick();
      }),
    command: (sender, args): CommandReply =>
      safely(
        'command',
        { ok: false, lines: ['The command failed unexpectedly; the error was logged.'] },
        () =>
          inGame.around(() =>
            runCommand(commandContext(sender, base), Array.isArray(args) ? args.map(String) : []),
          ),
      ),
    complete: (sender, args) =>
      safely('complete', [], () =>
        completeCommand(commandContext(sender, base), Array.isArray(args) ? args.map(String) : []),
      ),
    loadPatternSource: (name, source) =>
      safely('loadPatternSource', 'the pattern could not be loaded; the error was logged', () =>
        loadPatternSource(String(name), String(source)),
      ),
    interrupted: () =>
      safely('interrupted', undefined, () => {
        stage.interrupted();
        protocol.interrupted();
      }),
    zoneEntities: (zone) => safely('zoneEntities', [], () => zoneEntities(stage, zone)),
    status: () =>
      safely(
        'status',
        { zones: 0, entities: 0, queueLength: 0, droppedMessages: 0, ticks: 0, disabledPatterns: [] },
        status,
      ),
    dispose: () =>
      safely('dispose', undefined, () => {
        if (disposed) return;
        disposed = true;
        stage.zones.save();
        stage.saveSettings();
      }),
  };
};

/**
 * A zone's shown entities as the protocol's `BatchEntity` (zone-local 0–1), for the hub's preview: read from the
 * zone frame the Minecraft host shows, so the preview shows what the players see (and the band, which the preview
 * colours by where an entity names no material).
 */
function zoneEntities(stage: Stage, name: string): BatchEntity[] {
  const entry = stage.zones.get(name);
  if (entry === undefined) return [];
  const { pool } = entry;
  const f = pool.frame;
  const band = pool.shown.band;
  const materials = stage.materials.materials;
  const out: BatchEntity[] = [];
  for (let i = 0; i < pool.capacity; i++) {
    const scale = f.scale[i]!;
    out.push({
      id: `block_${i}`,
      x: f.x[i],
      y: f.y[i],
      z: f.z[i],
      scale,
      rotation: f.yaw[i],
      band: band[i],
      visible: scale > 0,
      glow: f.glowColor[i]! >= 0,
      brightness: f.brightness[i],
      interpolation: f.interpolation[i],
      material: materials[f.material[i]!],
    });
  }
  return out;
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.max(min, Math.min(max, Math.floor(value)))
    : fallback;
}
