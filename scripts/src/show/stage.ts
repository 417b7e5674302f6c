/**
 * The show itself: zones, patterns, effects, audio and settings, and the tick that turns them into every
 * zone's shown frame (pattern or external batch, effects, smoothing) for the host. An interrupted tick
 * hands the host nothing, so it can leave nothing half-sent. Operations throw `OpError`; the protocol
 * handler and the command tree turn that into replies.
 */
import type { AudioState, BatchUpdate, EffectName } from '@audioviz/shared-types';
import { readDocument, writeDocument } from '../documents';
import type { Effect } from '../effects/effect';
import type { Host, TickFrame } from '../host';
import type { PatternRegistry } from '../patterns/registry';
import { copyFrame } from '../pool/frame';
import { MaterialTable } from '../pool/material-table';
import { ZoneRegistry, type ZoneEntry } from '../zones/zone-registry';
import { AudioLevels, MutableInput } from './audio-input';
import { errorText, PatternLibrary } from './pattern-library';
import { parseSettings, serializeSettings, smoothingFactors, type Settings } from './settings';
import type { GuardedCall } from './zone-show';

/** A zone follows its own `audio_state` for this long after the last one, then the global audio again. */
export const ZONE_AUDIO_HOLD_MS = 2_000;
/** An external renderer's frame is shown for this long after the last `batch_update`, then the pattern. */
export const BATCH_HOLD_MS = 1_000;
/** Longest tick step fed to patterns, seconds (after a stall, motion resumes instead of jumping). */
export const MAX_TICK_DT_S = 0.25;
/** Step of the first tick, seconds (one server tick). */
const FIRST_TICK_DT_S = 0.05;
/** Beat intensity above which glow_on_beat zones glow. */
const BEAT_GLOW_THRESHOLD = 0.5;

export interface StageOptions {
  readonly host: Host;
  readonly registry: PatternRegistry;
  readonly effects: Readonly<Record<EffectName, Effect>>;
  readonly maxEntities: number;
  readonly patternBudgetMs: number;
  readonly random: () => number;
}

export class Stage {
  readonly materials = new MaterialTable();
  readonly zones: ZoneRegistry;
  readonly library: PatternLibrary;
  settings: Settings;
  ticks = 0;
  private readonly host: Host;
  /** What pattern budgets are counted on: the engine thread's CPU time where the host has it. */
  private readonly patternClock: () => number;
  private readonly globalAudio = new AudioLevels();
  private readonly input: MutableInput;
  private lastTickAt: number | null = null;
  private runningPattern: string | null = null;

  constructor(readonly options: StageOptions) {
    const host = options.host;
    this.host = host;
    this.patternClock = typeof host.cpuTime === 'function' ? () => host.cpuTime!() : () => host.now();
    const report = (message: string): void => options.host.log('warn', message);
    this.library = new PatternLibrary(options.registry, report);
    this.input = new MutableInput(options.random);
    this.zones = new ZoneRegistry({
      materials: this.materials.materials,
      effects: options.effects,
      maxEntities: options.maxEntities,
      save: (text) => writeDocument(options.host, 'zones', text),
      report,
    });
    this.zones.load(readDocument(options.host, 'zones'));
    const { settings, problems } = parseSettings(readDocument(options.host, 'settings'));
    for (const problem of problems) report(problem);
    this.settings = settings;
  }

  saveSettings(): void {
    writeDocument(this.host, 'settings', serializeSettings(this.settings));
  }

  /** Folds in an `audio_state`: for one zone when it names one, else for every zone. */
  applyAudio(state: AudioState): void {
    if (state.zone === undefined) {
      this.globalAudio.apply(state);
      return;
    }
    const entry = this.zones.require(state.zone);
    if (entry.ownAudioAt === -Infinity) entry.audio.copyFrom(this.globalAudio);
    entry.audio.apply(state);
    entry.ownAudioAt = this.host.now();
  }

  /** Applies an external renderer's frame to its zone; returns how many entities it updated. */
  applyBatch(batch: BatchUpdate): number {
    const entry = this.zones.require(batch.zone);
    const pool = entry.pool;
    const frame = pool.external;
    if (entry.batchAt === -Infinity || this.host.now() - entry.batchAt >= BATCH_HOLD_MS) {
      copyFrame(pool.shown, frame); // start from what is shown, so unmentioned entities stay put
    }
    let updated = 0;
    let overrides = false;
    for (const e of batch.entities) {
      const i = entityIndex(e.id);
      if (i >= pool.capacity) continue;
      if (e.x !== undefined) frame.x[i] = e.x;
      if (e.y !== undefined) frame.y[i] = e.y;
      if (e.z !== undefined) frame.z[i] = e.z;
      if (e.scale !== undefined) frame.scale[i] = e.scale;
      if (e.rotation !== undefined) frame.rotation[i] = e.rotation;
      if (e.band !== undefined) frame.band[i] = e.band;
      // A renderer that sizes an entity means it to be seen (MCAV's never send `visible`): without the field,
      // a scale above 0 shows it, even where the pattern had it hidden, and a scale of 0 hides it.
      if (e.visible !== undefined) frame.visible[i] = e.visible ? 1 : 0;
      else if (e.scale !== undefined) frame.visible[i] = e.scale > 0 ? 1 : 0;
      if (e.glow !== undefined) frame.glow[i] = e.glow ? 1 : 0;
      if (e.brightness !== undefined) frame.brightness[i] = e.brightness;
      if (e.interpolation !== undefined) {
        pool.interpolationOverride[i] = e.interpolation;
        overrides = true;
      }
      if (e.material !== undefined) {
        const material = this.materials.indexIfRoom(e.material);
        if (material >= 0) {
          pool.materialOverride[i] = material;
          overrides = true;
        }
      }
      updated++;
    }
    if (overrides) pool.overridden();
    if (batch.bands !== undefined || batch.is_beat !== undefined) {
      if (entry.ownAudioAt === -Infinity) entry.audio.copyFrom(this.globalAudio);
      entry.audio.applyPartial(batch.bands, batch.amplitude, batch.is_beat, batch.beat_intensity);
      entry.ownAudioAt = this.host.now();
    }
    entry.batchAt = this.host.now();
    return updated;
  }

  /** One tick: advances audio, calculates every zone, returns the frame. Never throws. */
  tick(): TickFrame {
    const now = this.host.now();
    const dt =
      this.lastTickAt === null
        ? FIRST_TICK_DT_S
        : Math.min(MAX_TICK_DT_S, Math.max(0, (now - this.lastTickAt) / 1000));
    this.lastTickAt = now;
    this.ticks++;
    this.globalAudio.advance(dt);
    const { rise, fall } = smoothingFactors(this.settings.preset, dt);
    for (const entry of this.zones.all()) {
      if (now - entry.ownAudioAt < ZONE_AUDIO_HOLD_MS) entry.audio.advance(dt);
      else entry.audio.copyFrom(this.globalAudio);
      const beatGlow = entry.zone.glowOnBeat && entry.audio.beatIntensity > BEAT_GLOW_THRESHOLD;
      entry.pool.describe(entry.id, entry.zone, this.materials, beatGlow);
      try {
        this.calculateZone(entry, now, dt, rise, fall);
      } catch (err) {
        this.host.log('error', `zone "${entry.zone.name}" could not be calculated: ${errorText(err)}`);
      }
      entry.audio.endTick();
    }
    this.globalAudio.endTick();
    return this.zones.frame;
  }

  /** The host interrupted a runaway call: the running pattern counts a failure. */
  interrupted(): void {
    const id = this.runningPattern;
    this.runningPattern = null;
    if (id !== null) this.library.failed(id, 'interrupted by the host after running past its budget');
  }

  private calculateZone(entry: ZoneEntry, now: number, dt: number, rise: number, fall: number): void {
    const pool = entry.pool;
    if (pool.capacity === 0) return;
    const input = this.input;
    input.useAudio(entry.audio);
    input.dt = dt;
    const external = now - entry.batchAt < BATCH_HOLD_MS;
    if (external) {
      copyFrame(pool.external, pool.target);
    } else if (!entry.show.render(entry.zone, this.library, input, pool.target, this.guard)) {
      copyFrame(pool.shown, pool.target);
    }
    entry.effects.apply(pool.target, input, pool.shown, now, this.reportEffect);
    pool.smooth(rise, fall, external);
  }

  private readonly reportEffect = (name: EffectName, err: unknown): void => {
    this.host.log('error', `effect "${name}" failed and was switched off: ${errorText(err)}`);
  };

  /** Runs one pattern call, timing it against the budget and counting failures. */
  private readonly guard: GuardedCall = (id, call) => {
    this.runningPattern = id;
    const started = this.patternClock();
    try {
      call();
    } catch (err) {
      // Clear the running pattern only once the failure is counted: a host interrupt (GraalJS) can cut this
      // catch short, and then `interrupted()` must still know whose call it was.
      this.library.failed(id, `threw: ${errorText(err)}`);
      this.runningPattern = null;
      return false;
    }
    this.runningPattern = null;
    const took = this.patternClock() - started;
    if (took > this.options.patternBudgetMs) {
      this.library.overran(id, `took ${took.toFixed(1)} ms of its ${this.options.patternBudgetMs} ms budget`);
    } else {
      this.library.succeeded(id);
    }
    return true;
  };
}

/** N of a validated "block_N" id, without allocating a substring. */
function entityIndex(id: string): number {
  let n = 0;
  for (let c = 6; c < id.length; c++) n = n * 10 + id.charCodeAt(c) - 48;
  return n;
}
