/**
 * The engine's public face, as every host sees it: the Java core through GraalJS (the bundle sets
 * `globalThis.AudioVizEngine = { createEngine, ENGINE_VERSION }`), the hub and the tests through the package.
 */
import type { BatchEntity } from '@audioviz/shared-types';
import type { CommandReply, CommandSender, Host, TickFrame } from './host';

export interface EngineOptions {
  /** :8765 inbound queue capacity; oldest dropped when full. Default 1000. */
  readonly queueCapacity?: number;
  /** Entity cap per zone: default 256, never above 1024. */
  readonly maxEntitiesPerZone?: number;
  /** Per-pattern time budget per tick, ms (overruns count towards disabling the pattern). Default 5. */
  readonly patternBudgetMs?: number;
  /** Seed of the patterns' random source. */
  readonly seed?: number;
}

/** A summary for `/audioviz status`, `/health` and the tests. */
export interface EngineStatus {
  readonly zones: number;
  readonly entities: number;
  readonly queueLength: number;
  readonly droppedMessages: number;
  readonly ticks: number;
  readonly disabledPatterns: readonly string[];
}

export interface Engine {
  /** Hands one raw :8765 text frame from a client to the bounded queue. Never throws, never blocks. */
  enqueue(clientId: string, text: string): void;
  /**
   * A :8765 client is connected. `trusted` is true when it authenticated with the token, or when the socket
   * is bound to loopback without one; only trusted clients may `load_script`.
   */
  clientConnected(clientId: string, trusted: boolean): void;
  clientDisconnected(clientId: string): void;
  /**
   * One server tick: drains the queue, runs patterns and effects, returns every zone's shown frame; null when
   * there is nothing to show this tick (the tick failed, or the engine was disposed): the world stays as it is.
   * A drain stops after a `load_script` message (the rest waits for the next tick), so a tick evaluates at
   * most one script: a host that budgets calls gives a tick that may load one a script's budget.
   * Never throws.
   */
  tick(): TickFrame | null;
  /** Runs `/audioviz <args…>` for a sender. Never throws. */
  command(sender: CommandSender, args: readonly string[]): CommandReply;
  /** Tab completions for the last argument of `/audioviz <args…>`. */
  complete(sender: CommandSender, args: readonly string[]): string[];
  /** Loads or replaces a pattern from bundle source text (hot reload); returns an error message or null. */
  loadPatternSource(name: string, source: string): string | null;
  /**
   * The host interrupted a runaway call: the pattern that was running counts an overrun, and a :8765 message
   * that was being handled is answered with an `error` (`SCRIPT_REJECTED` for a script load, else
   * `INTERNAL_ERROR`), so no request waits for a reply that never comes.
   */
  interrupted(): void;
  /** Current entity states of a zone, zone-local 0–1 (for the hub's 3D preview; allocates). */
  zoneEntities(zone: string): BatchEntity[];
  status(): EngineStatus;
  /** Saves what needs saving; the engine is unusable afterwards. */
  dispose(): void;
}

/** Creates an engine bound to its host; it loads zones, scenes and settings from the host's documents. */
export type CreateEngine = (host: Host, options?: EngineOptions) => Engine;
