/**
 * The hub's own copy of the engine (`@audioviz/scripts`), hosted in Node exactly as the plugin hosts it in
 * GraalJS: it receives the same :8765 messages (`audio_state`, zone commands), ticks at the game's 20 Hz, and
 * its entity states feed the browsers' 3D preview, so the preview shows what the server shows.
 * This module is the only place that knows the engine; without one it degrades to a preview with no entities.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AudioState, BatchEntity, Clock, PatternInfo, ZoneInfo } from '@audioviz/shared-types';
import type { CreateEngine, Engine } from '@audioviz/scripts/dist/engine-api';
import type { DocumentName, Host } from '@audioviz/scripts/dist/host';
import { writeFileAtomic } from '../atomic-file';
import { pluginReplyValidator } from '../net/plugin-replies';
import type { Logger } from '../logger';
import type { ZoneCommand } from '../store/hub-store';

/** The client id the hub uses when it talks to its own engine. */
const HUB_CLIENT_ID = 'hub';

export interface PreviewEngine {
  /** False when no engine could be loaded (the preview then shows audio only). */
  readonly available: boolean;
  /** Queues one shaped audio frame for the next tick. */
  audio(state: AudioState): void;
  /** Queues one zone command (the same message the Minecraft servers get). */
  command(command: ZoneCommand): void;
  /** Runs one engine tick. Never throws. */
  tick(): void;
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
  /** Overrides the engine factory (tests); default: `createEngine` of `@audioviz/scripts` if it exports one. */
  readonly createEngine?: CreateEngine | null;
}

/** Finds `createEngine` in the installed engine package, or null while it does not provide one. */
export function findEngineFactory(): CreateEngine | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional at run time by design
    const mod = require('@audioviz/scripts') as { createEngine?: unknown };
    return typeof mod.createEngine === 'function' ? (mod.createEngine as CreateEngine) : null;
  } catch {
    return null;
  }
}

export function createPreviewEngine(options: PreviewEngineOptions): PreviewEngine {
  const factory = options.createEngine === undefined ? findEngineFactory() : options.createEngine;
  if (factory === null) {
    options.logger.warn('engine not available: the 3D preview will show audio levels but no entities');
    return noEngine;
  }
  const documents = new Map<DocumentName, string>();
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
    send: (_clientId, text) => handleReply(text, options),
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
  return {
    available: true,
    audio(state) {
      latestAudio = JSON.stringify(state);
    },
    command(command) {
      engine.enqueue(HUB_CLIENT_ID, JSON.stringify(command));
    },
    tick() {
      // Only the newest audio frame matters to a tick; older ones would only fill the engine's queue.
      if (latestAudio !== null) engine.enqueue(HUB_CLIENT_ID, latestAudio);
      latestAudio = null;
      engine.tick();
    },
    entities(zones) {
      const out: Record<string, BatchEntity[]> = {};
      for (const zone of zones) out[zone] = engine.zoneEntities(zone);
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
  tick: () => undefined,
  entities: (zones) => Object.fromEntries(zones.map((z) => [z, []])),
  dispose: () => undefined,
};
