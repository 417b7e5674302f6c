/**
 * The show itself: zones, patterns, effects, audio and settings, and the tick that turns them into a diff.
 * A tick runs in two phases so an interrupted tick leaves nothing half-sent: first every zone's frame is
 * calculated (pattern or external batch, effects, smoothing) without touching the diff; then the diff is
 * written. Operations throw `OpError`; the protocol handler and the command tree turn that into replies.
 */
import type { AudioState, BatchUpdate, EffectName } from '@audioviz/shared-types';
import { readDocument, writeDocument } from '../documents';
import type { Effect } from '../effects/effect';
import type { Host, TickDiff } from '../host';
import type { PatternRegistry } from '../patterns/registry';
import { DiffBuilder } from '../pool/diff-builder';
import { copyFrame } from '../pool/frame';
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
  readonly diff = new DiffBuilder();
  readonly zones: ZoneRegistry;
  readonly library: PatternLibrary;
  settings: Settings;
  ticks = 0;
  private readonly host: Host;
  private readonly globalAudio = new AudioLevels();
  private readonly input: MutableInput;
  private lastTickAt: number | null = null;
  private runningPattern: string | null = null;
  private writingDiff = false;

  constructor(readonly options: StageOptions) {
    this.host = options.host;
    const report = (message: string): void => options.host.log('warn', message);
    this.library = new PatternLibrary(options.registry, report);
    this.input = new MutableInput(options.random);
    this.zones = new ZoneRegistry({
      diff: this.diff,
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
    for (const e of batch.entities) {
      const i = entityIndex(e.id);
      if (i >= pool.capacity) continue;
      frame.x[i] = e.x;
      frame.y[i] = e.y;
      frame.z[i] = e.z;
      if (e.scale !== undefined) frame.scale[i] = e.scale;
      if (e.rotation !== undefined) frame.rotation[i] = e.rotation;
      if (e.band !== undefined) frame.band[i] = e.band;
      if (e.visible !== undefined) frame.visible[i] = e.visible ? 1 : 0;
      if (e.glow !== undefined) frame.glow[i] = e.glow ? 1 : 0;
      if (e.brightness !== undefined) frame.brightness[i] = e.brightness;
      if (e.interpolation !== undefined) pool.interpolationOverride[i] = e.interpolation;
      if (e.material !== undefined) pool.materialOverride[i] = this.diff.material(e.material);
      updated++;
    }
    if (batch.bands !== undefined || batch.is_beat !== undefined) {
      if (entry.ownAudioAt === -Infinity) entry.audio.copyFrom(this.globalAudio);
      entry.audio.applyPartial(batch.bands, batch.amplitude, batch.is_beat, batch.beat_intensity);
      entry.ownAudioAt = this.host.now();
    }
    entry.batchAt = this.host.now();
    return updated;
  }

  /** One tick: advances audio, calculates every zone, writes the diff. Never throws. */
  tick(): TickDiff {
    const now = this.host.now();
    const dt =
      this.lastTickAt === null
        ? FIRST_TICK_DT_S
        : Math.min(MAX_TICK_DT_S, Math.max(0, (now - this.lastTickAt) / 1000));
    this.lastTickAt = now;
    this.ticks++;
    this.diff.reset();
    this.globalAudio.advance(dt);
    const { rise, fall } = smoothingFactors(this.settings.preset, dt);
    for (const entry of this.zones.all()) {
      if (now - entry.ownAudioAt < ZONE_AUDIO_HOLD_MS) entry.audio.advance(dt);
      else entry.audio.copyFrom(this.globalAudio);
      try {
        this.calculateZone(entry, now, dt, rise, fall);
      } catch (err) {
        this.host.log('error', `zone "${entry.zone.name}" could not be calculated: ${errorText(err)}`);
      }
      entry.audio.endTick();
    }
    this.globalAudio.endTick();
    this.writingDiff = true;
    for (const entry of this.zones.all()) entry.pool.beginDiff();
    for (const entry of this.zones.all()) {
      const beatGlow = entry.zone.glowOnBeat && entry.audio.beatIntensity > BEAT_GLOW_THRESHOLD;
      entry.pool.writeDiff(this.diff, entry.slot, entry.zone, beatGlow);
    }
    this.zones.writeDying(this.diff);
    this.writingDiff = false;
    return this.diff;
  }

  /** The host interrupted a runaway call: the running pattern counts a failure; a half-written diff is undone. */
  interrupted(): void {
    const id = this.runningPattern;
    this.runningPattern = null;
    if (id !== null) this.library.failed(id, 'interrupted by the host after running past its budget');
    if (this.writingDiff) {
      this.writingDiff = false;
      this.zones.rollbackDiff();
    }
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
    const started = this.host.now();
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
    const took = this.host.now() - started;
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
