/**
 * One zone's entity pool: the frame the show wants (`target`), the smoothed frame (`shown`), the operator's
 * overrides, and the zone frame handed to the host (host.ts `TickFrame`, laid out as shared-types
 * `zone-frame.ts` describes). `smooth` writes that frame's final values, so the look of an entity (overrides,
 * beat glow, dynamic brightness, glow colour, material) is worked out once, here, for the Minecraft host and the
 * preview alike; the host only compares numbers.
 *
 * Per-entity work runs in GraalJS's interpreter on a stock JDK, where each operation counts: what is the same for
 * every entity (positions, scale, a zone's brightness and interpolation) is copied or filled with typed-array
 * builtins, and the overrides cost a pass only while a zone has any.
 */
import {
  BAND_GLOW_COLORS,
  MAX_BAND_INDEX,
  MAX_BRIGHTNESS,
  zoneFrameArrays,
  type ZoneFrameArrays,
} from '@audioviz/shared-types';
import { ZONE_HEADER, ZONE_HEADER_SLOTS, zoneFrameLayout, ENTITY_KINDS } from '../host';
import type { Zone } from '../zones/zone';
import type { MaterialTable } from './material-table';
import { createFrame, type Frame } from './frame';

// Module-local copies for the per-entity loop: in Node's CommonJS build an imported binding is a getter call.
const LIGHT_CAP = MAX_BRIGHTNESS;
const GLOW_COLORS = Int32Array.from(BAND_GLOW_COLORS);

/** Shown scales below this are 0 (a fading entity then stops costing work: see `smooth`). */
export const INVISIBLE_SCALE = 0.001;

const KIND_CODES = { block: ENTITY_KINDS.BLOCK, item: ENTITY_KINDS.ITEM, text: ENTITY_KINDS.TEXT } as const;

export class ZonePool {
  /** Entities the pool holds. */
  capacity = 0;
  /**
   * What the pattern, a batch and the effects ask for this tick, every value in its range (built-in patterns
   * and effects keep them, batches are checked, a hot-loaded pattern's output is forced: `forceIntoRange`).
   */
  target: Frame = createFrame(0);
  /** `target` after attack/release smoothing, before the overrides (what freeze holds and a batch starts from). */
  shown: Frame = createFrame(0);
  /** The latest external renderer frame (`batch_update`), shown instead of the pattern while it is fresh. */
  external: Frame = createFrame(0);
  /** The zone frame handed to the host each tick. */
  frameBuffer = new ArrayBuffer(zoneFrameLayout(0).bytes);
  /** Its entity arrays (views into `frameBuffer`): what the host shows. Written only by `smooth`. */
  frame: ZoneFrameArrays = zoneFrameArrays(this.frameBuffer, 0);
  private header = new Float64Array(this.frameBuffer, 0, ZONE_HEADER_SLOTS);
  /** The smoothed brightness 0–15 (`shown.brightness` is its rounded copy). Written only by `smooth`. */
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
  /** Whether any override may be set (`overridden()`); cleared by the pass that finds none. */
  private hasOverrides = false;
  // The zone's look this tick, from `describe`.
  private zoneBrightness = LIGHT_CAP;
  private dynamicBrightness = false;
  private zoneInterpolation = 0;
  private beatGlow = false;
  private readonly bandMaterial = new Int32Array(MAX_BAND_INDEX + 1);

  /** Resizes every buffer to `capacity` entities (allocates: only on pool changes, never per tick). */
  resize(capacity: number): void {
    if (capacity === this.capacity) return;
    const keep = Math.min(capacity, this.capacity);
    const buffer = new ArrayBuffer(zoneFrameLayout(capacity).bytes);
    const header = new Float64Array(buffer, 0, ZONE_HEADER_SLOTS);
    header.set(this.header);
    header[ZONE_HEADER.COUNT] = capacity;
    const frame = zoneFrameArrays(buffer, capacity);
    for (const field of Object.keys(frame) as (keyof ZoneFrameArrays)[]) {
      frame[field].set(this.frame[field].subarray(0, keep) as never);
    }
    frame.glowColor.fill(-1, keep);
    this.frame = frame;
    this.shown = grownFrame(this.shown, capacity, keep);
    this.target = grownFrame(this.target, capacity, keep);
    this.external = grownFrame(this.external, capacity, keep);
    this.light = grown(this.light, new Float32Array(capacity), keep);
    this.visibleOverride = grown(this.visibleOverride, new Int8Array(capacity).fill(-1), keep);
    this.glowOverride = grown(this.glowOverride, new Int8Array(capacity).fill(-1), keep);
    this.brightnessOverride = grown(this.brightnessOverride, new Int8Array(capacity).fill(-1), keep);
    this.materialOverride = grown(this.materialOverride, new Int32Array(capacity).fill(-1), keep);
    this.interpolationOverride = grown(this.interpolationOverride, new Int16Array(capacity).fill(-1), keep);
    this.frameBuffer = buffer;
    this.header = header;
    this.capacity = capacity;
  }

  /** Call after writing any override array, so the next `smooth` applies them. */
  overridden(): void {
    this.hasOverrides = true;
  }

  /**
   * Writes the zone's identity into the frame header and keeps its look (brightness, interpolation, band
   * materials, beat glow) for `smooth`. Every tick, before `smooth`: a few numbers per zone, and no zone setting
   * can then be missed.
   */
  describe(id: number, zone: Zone, materials: MaterialTable, beatGlow: boolean): void {
    const h = this.header;
    h[ZONE_HEADER.ID] = id;
    h[ZONE_HEADER.KIND] = KIND_CODES[zone.kind];
    h[ZONE_HEADER.ROTATION] = zone.rotation;
    h[ZONE_HEADER.SIZE_X] = zone.size.x;
    h[ZONE_HEADER.SIZE_Y] = zone.size.y;
    h[ZONE_HEADER.SIZE_Z] = zone.size.z;
    this.zoneBrightness = zone.brightness;
    this.dynamicBrightness = zone.dynamicBrightness;
    this.zoneInterpolation = zone.interpolation;
    this.beatGlow = beatGlow;
    for (let b = 0; b < this.bandMaterial.length; b++)
      this.bandMaterial[b] = materials.index(zone.materials[b]!);
  }

  /**
   * Moves `shown` towards `target`: scale and brightness rise and fall with the preset (`rise`/`fall` are the
   * fractions of the gap closed this tick while a level rises / falls, from its attack and release). Positions,
   * yaw, band and glow follow the target as written: Minecraft's clients interpolate motion between ticks.
   * `direct` copies the target unchanged (external batches arrive already animated).
   *
   * Then writes the zone frame: the shown positions, yaw and scale, each shown entity's material and glow
   * colour (its band's, when the pattern or the beat lights it), its brightness (the zone's, scaled by the
   * entity's level when dynamic), the zone's interpolation, and over those the operator's overrides. A hidden
   * entity keeps the look it last showed: its scale of 0 is all a host needs, and most patterns hide many.
   */
  smooth(rise: number, fall: number, direct: boolean): void {
    const n = this.capacity;
    const sb = this.light;
    // Every array and setting in a local: property reads cost per use in an interpreter, and this loop runs per
    // entity.
    const target = this.target;
    const shown = this.shown;
    const { scale: tScale, brightness: tBrightness, visible: tVisible, band: tBand, glow: tGlow } = target;
    const { scale: sScale, brightness: sBrightness, visible: sVisible } = shown;
    const f = this.frame;
    const { glowColor: fGlow, material: fMaterial } = f;
    const beatGlow = this.beatGlow;
    const bandMaterial = this.bandMaterial;
    shown.x.set(target.x);
    shown.y.set(target.y);
    shown.z.set(target.z);
    shown.rotation.set(target.rotation);
    shown.band.set(tBand);
    shown.glow.set(tGlow);
    for (let i = 0; i < n; i++) {
      const visible = tVisible[i] !== 0;
      const before = sScale[i]!;
      // Hidden and staying hidden (often half a pattern's entities): nothing to work out.
      if (!visible && before === 0 && !direct) {
        sVisible[i] = 0;
        continue;
      }
      const targetScale = visible ? tScale[i]! : 0;
      let scale: number;
      let light: number;
      if (direct) {
        scale = targetScale;
        light = tBrightness[i]!;
      } else {
        const ds = targetScale - before;
        scale = before + ds * (ds > 0 ? rise : fall);
        // A release never quite reaches 0: below what anyone can see it is 0, so the entity counts as hidden.
        if (scale < INVISIBLE_SCALE) scale = 0;
        light = sb[i]!;
        const db = tBrightness[i]! - light;
        light += db * (db > 0 ? rise : fall);
      }
      sScale[i] = scale;
      sb[i] = light;
      // Stored into a Uint8Array, which truncates: + 0.5 rounds the non-negative level.
      sBrightness[i] = light + 0.5;
      sVisible[i] = visible || scale > 0 ? 1 : 0;
      const band = tBand[i]!;
      fMaterial[i] = bandMaterial[band]!;
      fGlow[i] = beatGlow || tGlow[i] !== 0 ? GLOW_COLORS[band]! : -1;
    }
    f.x.set(shown.x);
    f.y.set(shown.y);
    f.z.set(shown.z);
    f.yaw.set(shown.rotation);
    f.scale.set(sScale);
    f.interpolation.fill(this.zoneInterpolation);
    this.writeBrightness();
    if (this.hasOverrides) this.applyOverrides();
  }

  /** The frame's brightness: the zone's, or when dynamic the zone's scaled by each entity's level / 15. */
  private writeBrightness(): void {
    const out = this.frame.brightness;
    const zoneBrightness = this.zoneBrightness;
    if (!this.dynamicBrightness) {
      out.fill(zoneBrightness);
    } else if (zoneBrightness === LIGHT_CAP) {
      out.set(this.shown.brightness); // scaled by 15 / 15: the rounded level itself
    } else {
      const light = this.light;
      // + 0.5 and the Uint8Array's truncation round the non-negative level.
      for (let i = 0; i < this.capacity; i++) out[i] = (light[i]! * zoneBrightness) / LIGHT_CAP + 0.5;
    }
  }

  /** Writes the operator's overrides over the frame; notes when there are none left. */
  private applyOverrides(): void {
    const { visibleOverride, glowOverride, brightnessOverride, materialOverride, interpolationOverride } =
      this;
    const { scale, glowColor, brightness, material, interpolation } = this.frame;
    const band = this.shown.band;
    let any = false;
    for (let i = 0; i < this.capacity; i++) {
      const hide = visibleOverride[i]!;
      const glow = glowOverride[i]!;
      const light = brightnessOverride[i]!;
      const look = materialOverride[i]!;
      const ticks = interpolationOverride[i]!;
      if ((hide & glow & light & look & ticks) === -1) continue; // all -1: no override (the usual case)
      any = true;
      if (hide === 0) scale[i] = 0;
      if (glow >= 0) glowColor[i] = glow === 1 ? GLOW_COLORS[band[i]!]! : -1;
      if (light >= 0) brightness[i] = light;
      if (look >= 0) material[i] = look;
      if (ticks >= 0) interpolation[i] = ticks;
    }
    this.hasOverrides = any;
  }
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
