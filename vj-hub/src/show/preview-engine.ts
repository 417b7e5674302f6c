/**
 * The hub's own copy of the engine (`@audioviz/scripts`), hosted in Node exactly as the plugin hosts it in
 * GraalJS: it receives the same :8765 messages (`audio_state`, zone commands), ticks at the game's 20 Hz, and
 * its entity states feed the browsers' 3D preview, so the preview shows what the server shows.
 * This module is the only place that knows the engine; given `createEngine: null` (tests) it runs a preview
 * with audio levels and no entities.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AudioState, BatchEntity, Clock, PatternInfo, ZoneInfo } from '@audioviz/shared-types';
import {
  PERMISSIONS,
  createEngine,
  type CommandSender,
  type CreateEngine,
  type DocumentName,
  type Engine,
  type Host,
} from '@audioviz/scripts';
import { writeFileAtomic } from '../atomic-file';
import { pluginReplyValidator } from '../net/plugin-replies';
import type { Logger } from '../logger';
import type { ZoneCommand } from '../store/hub-store';

/** The client id the hub uses when it talks to its own engine. */
const HUB_CLIENT_ID = 'hub';
/** The hub acts on its own engine with every permission, from the console (no location). */
const HUB_SENDER: CommandSender = {
  name: 'audioviz-hub',
  permissions: [PERMISSIONS.ADMIN, PERMISSIONS.ZONE, PERMISSIONS.CONTROL],
  location: null,
};
/** Engine failures logged before the preview goes quiet about them (a broken engine would flood the log). */
const MAX_LOGGED_FAILURES = 10;
/** The stage the preview shows when it has nothing to mirror. */
const DEFAULT_ZONE = { name: 'stage', template: 'concert_hall', world: 'preview', entityCount: 128 } as const;

export interface PreviewEngine {
  /** False when no engine could be loaded (the preview then shows audio only). */
  readonly available: boolean;
  /** Queues one shaped audio frame for the next tick. */
  audio(state: AudioState): void;
  /** Queues one zone command (the same message the Minecraft servers get). */
  command(command: ZoneCommand): void;
  /** Runs one engine tick. Never throws. */
  tick(): void;
  /**
   * Makes the engine's zones match a Minecraft server's: creates the missing ones (through the engine's own
   * `/audioviz zone create`), then applies size, rotation, pattern and pool size as :8765 messages.
   */
  mirrorZones(zones: readonly ZoneInfo[]): void;
  /** With no Minecraft server and no stored zone, creates one default zone so the preview has a stage. */
  ensureDefaultZone(): void;
  /** Entity states per zone, zone-local 0–1. */
  entities(zones: readonly string[]): Record<string, BatchEntity[]>;
  dispose(): void;
}

export interface PreviewEngineOptions {
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
  /** Folder for the engine's documents (zones, scenes, settings); null keeps them in memory. */
  readonly dataDir: string | null;
  /** Zones the engine reports (answers to `get_zones`). */
  readonly onZones?: (zones: ZoneInfo[]) => void;
  /** Patterns the engine knows (answers to `list_patterns`). */
  readonly onPatterns?: (patterns: PatternInfo[]) => void;
  /** Overrides the engine factory (tests); null runs no engine; default: `createEngine` of `@audioviz/scripts`. */
  readonly createEngine?: CreateEngine | null;
}

export function createPreviewEngine(options: PreviewEngineOptions): PreviewEngine {
  const factory = options.createEngine === undefined ? createEngine : options.createEngine;
  if (factory === null) {
    options.logger.warn('engine not available: the 3D preview will show audio levels but no entities');
    return noEngine;
  }
  const documents = new Map<DocumentName, string>();
  // The zones the engine last reported, so mirroring creates only the missing ones.
  let knownZones: readonly string[] = [];
  const replies: PreviewEngineOptions = {
    ...options,
    onZones: (zones) => {
      knownZones = zones.map((z) => z.name);
      options.onZones?.(zones);
    },
  };
  const documentFile = (name: DocumentName): string | null =>
    options.dataDir === null ? null : path.join(options.dataDir, `engine-${name}.json`);
  const host: Host = {
    now: () => options.clock.now(),
    log: (level, message) => options.logger[level](message),
    readDocument(name) {
      const file = documentFile(name);
      if (file === null) return documents.get(name) ?? null;
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    },
    writeDocument(name, text) {
      const file = documentFile(name);
      if (file === null) documents.set(name, text);
      else writeFileAtomic(file, text);
    },
    send: (_clientId, text) => handleReply(text, replies),
    announce: () => undefined,
  };
  let engine: Engine;
  try {
    engine = factory(host, { seed: 1 });
    engine.clientConnected(HUB_CLIENT_ID, true);
    engine.enqueue(HUB_CLIENT_ID, JSON.stringify({ type: 'list_patterns', _seq: 1 }));
    engine.enqueue(HUB_CLIENT_ID, JSON.stringify({ type: 'get_zones', _seq: 2 }));
    engine.tick();
  } catch (err) {
    options.logger.error('engine failed to start: the preview shows no entities', { error: String(err) });
    return noEngine;
  }
  let latestAudio: string | null = null;
  let failures = 0;
  /** The engine promises never to throw; if it does anyway, the preview logs it (a few times) and goes on. */
  const guard = <T>(what: string, fallback: T, call: () => T): T => {
    try {
      return call();
    } catch (err) {
      if (failures++ < MAX_LOGGED_FAILURES)
        options.logger.error(`engine ${what} failed`, { error: String(err) });
      return fallback;
    }
  };
  const enqueue = (message: object): void =>
    guard('enqueue', undefined, () => engine.enqueue(HUB_CLIENT_ID, JSON.stringify(message)));
  const run = (args: string[]): void => {
    const reply = guard('command', { ok: false, lines: [] as readonly string[] }, () =>
      engine.command(HUB_SENDER, args),
    );
    if (!reply.ok) options.logger.debug('engine command refused', { args, reply: reply.lines });
  };
  return {
    available: true,
    audio(state) {
      latestAudio = JSON.stringify(state);
    },
    command(command) {
      enqueue(command);
    },
    mirrorZones(zones) {
      for (const z of zones) {
        if (!knownZones.includes(z.name)) {
          const { x, y, z: depth } = z.origin;
          run([
            'zone',
            'create',
            z.name,
            DEFAULT_ZONE.template,
            z.world.replace(/\s/g, '_') || 'world',
            ...[x, y, depth].map(String),
          ]);
        }
        enqueue({ type: 'set_zone_config', zone: z.name, config: { size: z.size, rotation: z.rotation } });
        enqueue({ type: 'set_pattern', zone: z.name, pattern: z.pattern });
        enqueue({ type: 'set_pattern_params', zone: z.name, params: z.params ?? {}, replace: true });
        if (z.entity_count > 0) enqueue({ type: 'init_pool', zone: z.name, count: z.entity_count });
      }
      enqueue({ type: 'get_zones' });
    },
    ensureDefaultZone() {
      if (knownZones.length > 0) return;
      run(['zone', 'create', DEFAULT_ZONE.name, DEFAULT_ZONE.template, DEFAULT_ZONE.world, '0', '0', '0']);
      enqueue({ type: 'init_pool', zone: DEFAULT_ZONE.name, count: DEFAULT_ZONE.entityCount });
      enqueue({ type: 'get_zones' });
      guard('tick', undefined, () => engine.tick());
    },
    tick() {
      // Only the newest audio frame matters to a tick; older ones would only fill the engine's queue.
      const audio = latestAudio;
      latestAudio = null;
      guard('tick', undefined, () => {
        if (audio !== null) engine.enqueue(HUB_CLIENT_ID, audio);
        engine.tick();
      });
    },
    entities(zones) {
      const out: Record<string, BatchEntity[]> = {};
      for (const zone of zones) out[zone] = guard('zoneEntities', [], () => engine.zoneEntities(zone));
      return out;
    },
    dispose() {
      engine.clientDisconnected(HUB_CLIENT_ID);
      engine.dispose();
    },
  };
}

function handleReply(text: string, options: PreviewEngineOptions): void {
  const result = pluginReplyValidator.parse(text);
  if (!result.ok) {
    options.logger.debug('engine sent a reply the protocol does not allow', { error: result.error.message });
    return;
  }
  const reply = result.value;
  if (reply.type === 'zones') options.onZones?.(reply.zones);
  else if (reply.type === 'patterns') options.onPatterns?.(reply.patterns);
  else if (reply.type === 'error')
    options.logger.debug('engine refused a command', { message: reply.message });
}

const noEngine: PreviewEngine = {
  available: false,
  audio: () => undefined,
  command: () => undefined,
  mirrorZones: () => undefined,
  ensureDefaultZone: () => undefined,
  tick: () => undefined,
  entities: (zones) => Object.fromEntries(zones.map((z) => [z, []])),
  dispose: () => undefined,
};
