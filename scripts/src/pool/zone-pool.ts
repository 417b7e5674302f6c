/**
 * One zone's entity pool: the frame the show wants (`target`), the smoothed frame actually shown, and
 * operator overrides. The shown frame and the overrides live in one buffer laid out as host.ts
 * `zoneFrameLayout` describes, so the host copies a zone with one read and does the rest (change detection,
 * world transform, spawn pacing) in its own language: per-entity work in the engine is only the pattern and
 * the smoothing.
 */
import { MAX_BAND_INDEX, MAX_BRIGHTNESS, MAX_ENTITY_SCALE } from '@audioviz/shared-types';
import { ZONE_HEADER, ZONE_HEADER_SLOTS, zoneFrameLayout, ENTITY_KINDS } from '../host';
import type { Zone } from '../zones/zone';
import type { MaterialTable } from './material-table';
import { createFrame, type Frame } from './frame';

// Module-local copies for the per-entity loop: in Node's CommonJS build an imported binding is a getter call.
const SCALE_CAP = MAX_ENTITY_SCALE;
const LIGHT_CAP = MAX_BRIGHTNESS;
const BAND_CAP = MAX_BAND_INDEX;

/** Shown scales below this are 0 (a fading entity then stops costing work: see `smooth`). */
export const INVISIBLE_SCALE = 0.001;

const KIND_CODES = { block: ENTITY_KINDS.BLOCK, item: ENTITY_KINDS.ITEM, text: ENTITY_KINDS.TEXT } as const;

export class ZonePool {
  /** Entities the pool holds. */
  capacity = 0;
  /** What the pattern, a batch and the effects ask for this tick. */
  target: Frame = createFrame(0);
  /** What is shown: `target` after attack/release smoothing (views into `frameBuffer`). */
  shown: Frame = createFrame(0);
  /** The latest external renderer frame (`batch_update`), shown instead of the pattern while it is fresh. */
  external: Frame = createFrame(0);
  /** The zone frame handed to the host each tick (host.ts `zoneFrameLayout`). */
  frameBuffer = new ArrayBuffer(zoneFrameLayout(0).bytes);
  private header = new Float64Array(this.frameBuffer, 0, ZONE_HEADER_SLOTS);
  /**
   * The smoothed brightness 0–15 (`shown.brightness` is its rounded copy); the host scales this one by the zone's
   * brightness, so the preview does too. Written only by `smooth`.
   */
  light = new Float32Array(0);
  /** -1 = no override; 0 hides the entity. */
  visibleOverride = new Int8Array(0);
  /** -1 = no override; 0/1 forces glow off/on. */
  glowOverride = new Int8Array(0);
  /** -1 = no override; else brightness 0–15. */
  brightnessOverride = new Int8Array(0);
  /** -1 = the band's material; else an index into the material table (batch_update `material`). */
  materialOverride = new Int32Array(0);
  /** -1 = the zone's interpolation; else ticks (batch_update `interpolation`). */
  interpolationOverride = new Int16Array(0);

  /** Resizes every buffer to `capacity` entities (allocates: only on pool changes, never per tick). */
  resize(capacity: number): void {
    if (capacity === this.capacity) return;
    const keep = Math.min(capacity, this.capacity);
    const layout = zoneFrameLayout(capacity);
    const buffer = new ArrayBuffer(layout.bytes);
    const header = new Float64Array(buffer, 0, ZONE_HEADER_SLOTS);
    header.set(this.header);
    header[ZONE_HEADER.COUNT] = capacity;
    const f32 = (offset: number) => new Float32Array(buffer, offset, capacity);
    const u8 = (offset: number) => new Uint8Array(buffer, offset, capacity);
    const i8 = (offset: number) => new Int8Array(buffer, offset, capacity).fill(-1);
    const shown: Frame = {
      count: capacity,
      x: f32(layout.x),
      y: f32(layout.y),
      z: f32(layout.z),
      scale: f32(layout.scale),
      rotation: f32(layout.yaw),
      band: u8(layout.band),
      brightness: new Uint8Array(capacity),
      glow: u8(layout.glow),
      visible: new Uint8Array(capacity),
    };
    copyFrameStart(this.shown, shown, keep);
    this.shown = shown;
    this.target = grownFrame(this.target, capacity, keep);
    this.external = grownFrame(this.external, capacity, keep);
    this.light = grown(this.light, f32(layout.light), keep);
    this.visibleOverride = grown(this.visibleOverride, i8(layout.visibleOverride), keep);
    this.glowOverride = grown(this.glowOverride, i8(layout.glowOverride), keep);
    this.brightnessOverride = grown(this.brightnessOverride, i8(layout.brightnessOverride), keep);
    this.materialOverride = grown(
      this.materialOverride,
      new Int32Array(buffer, layout.materialOverride, capacity).fill(-1),
      keep,
    );
    this.interpolationOverride = grown(
      this.interpolationOverride,
      new Int16Array(buffer, layout.interpolationOverride, capacity).fill(-1),
      keep,
    );
    this.frameBuffer = buffer;
    this.header = header;
    this.capacity = capacity;
  }

  /**
   * Writes the zone's identity, look, band materials and beat glow into the frame header. Every tick: a
   * few numbers per zone, and no zone setting can then be missed.
   */
  /** The beat glow `describe` last wrote: every entity lit this tick. */
  get beatGlow(): boolean {
    return this.header[ZONE_HEADER.BEAT_GLOW] === 1;
  }

  describe(id: number, zone: Zone, materials: MaterialTable, beatGlow: boolean): void {
    const h = this.header;
    h[ZONE_HEADER.ID] = id;
    h[ZONE_HEADER.KIND] = KIND_CODES[zone.kind];
    h[ZONE_HEADER.ROTATION] = zone.rotation;
    h[ZONE_HEADER.SIZE_X] = zone.size.x;
    h[ZONE_HEADER.SIZE_Y] = zone.size.y;
    h[ZONE_HEADER.SIZE_Z] = zone.size.z;
    h[ZONE_HEADER.BRIGHTNESS] = zone.brightness;
    h[ZONE_HEADER.DYNAMIC_BRIGHTNESS] = zone.dynamicBrightness ? 1 : 0;
    h[ZONE_HEADER.INTERPOLATION] = zone.interpolation;
    h[ZONE_HEADER.BEAT_GLOW] = beatGlow ? 1 : 0;
    for (let b = 0; b < 5; b++) h[ZONE_HEADER.BAND_MATERIAL + b] = materials.index(zone.materials[b]!);
  }

  /**
   * Moves `shown` towards `target`: scale and brightness rise and fall with the preset (`rise`/`fall` are the
   * fractions of the gap closed this tick while a level rises / falls, from its attack and release), forced
   * into their ranges (scale 0–4, brightness 0–15). Positions, yaw, band and glow follow the target as
   * written: Minecraft's clients interpolate motion between ticks, a builtin copy costs next to nothing in an
   * interpreter, and the host keeps them in range (a hot-loaded pattern may write anything). `direct` copies
   * the target unchanged (external batches arrive already animated).
   */
  smooth(rise: number, fall: number, direct: boolean): void {
    const n = this.capacity;
    const sb = this.light;
    // Every array in a local: property reads cost per use in an interpreter, and this loop runs per entity.
    const { scale: tScale, brightness: tBrightness, visible: tVisible } = this.target;
    const { scale: sScale, brightness: sBrightness, visible: sVisible } = this.shown;
    this.shown.x.set(this.target.x);
    this.shown.y.set(this.target.y);
    this.shown.z.set(this.target.z);
    this.shown.rotation.set(this.target.rotation);
    this.shown.band.set(this.target.band);
    this.shown.glow.set(this.target.glow);
    for (let i = 0; i < n; i++) {
      const visible = tVisible[i] !== 0;
      const before = sScale[i]!;
      // Hidden and staying hidden (often half a pattern's entities): nothing to work out.
      if (!visible && before === 0 && !direct) {
        sVisible[i] = 0;
        continue;
      }
      // Forced into range on the way (NaN fails every comparison and lands on 0).
      const rs = tScale[i]!;
      const targetScale = visible && rs > 0 ? (rs < SCALE_CAP ? rs : SCALE_CAP) : 0;
      const rb = tBrightness[i]!;
      const targetBrightness = rb < LIGHT_CAP ? rb : LIGHT_CAP;
      let scale: number;
      let light: number;
      if (direct) {
        scale = targetScale;
        light = targetBrightness;
      } else {
        const ds = targetScale - before;
        scale = before + ds * (ds > 0 ? rise : fall);
        // A release never quite reaches 0: below what anyone can see it is 0, so the entity counts as hidden.
        if (scale < INVISIBLE_SCALE) scale = 0;
        light = sb[i]!;
        const db = targetBrightness - light;
        light += db * (db > 0 ? rise : fall);
      }
      sScale[i] = scale;
      sb[i] = light;
      // Stored into a Uint8Array, which truncates: + 0.5 rounds the non-negative level.
      sBrightness[i] = light + 0.5;
      sVisible[i] = visible || scale > 0 ? 1 : 0;
    }
  }
}

/** A shown yaw as the host sends it: finite, within ±360° (a hot-loaded pattern may write anything). */
export function finiteYaw(rotation: number): number {
  return rotation - rotation === 0 ? rotation % 360 : 0; // r − r is 0 only for finite r
}

/** A shown band as used: 0–4 (a hot-loaded pattern may write anything into the Uint8Array). */
export function bandIndex(band: number): number {
  return band < BAND_CAP ? band : BAND_CAP;
}

function grownFrame(frame: Frame, capacity: number, keep: number): Frame {
  const next = createFrame(capacity);
  copyFrameStart(frame, next, keep);
  return next;
}

/** Copies the first `keep` entities of every field of `from` into `to`. */
function copyFrameStart(from: Frame, to: Frame, keep: number): void {
  to.x.set(from.x.subarray(0, keep));
  to.y.set(from.y.subarray(0, keep));
  to.z.set(from.z.subarray(0, keep));
  to.scale.set(from.scale.subarray(0, keep));
  to.rotation.set(from.rotation.subarray(0, keep));
  to.band.set(from.band.subarray(0, keep));
  to.brightness.set(from.brightness.subarray(0, keep));
  to.glow.set(from.glow.subarray(0, keep));
  to.visible.set(from.visible.subarray(0, keep));
}

function grown<T extends Float32Array | Int8Array | Int16Array | Int32Array>(
  old: T,
  next: T,
  keep: number,
): T {
  next.set(old.subarray(0, keep) as never);
  return next;
}
