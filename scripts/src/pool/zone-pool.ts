/**
 * One zone's entity pool: the frame the show wants (`target`), the smoothed frame actually shown, what
 * the host was last told (`sent*`), and operator overrides. Each tick it smooths towards the target and
 * writes into the diff only what moved beyond the quantisation step: an unchanged entity costs a few
 * comparisons and no bytes. Spawns and removals are spread over ticks so a pool resize never spikes a tick.
 */
import { DIFF_FLAGS, ENTITY_KINDS, FLOAT_STRIDE, INT_STRIDE } from '../host';
import type { Zone } from '../zones/zone';
import type { DiffBuilder } from './diff-builder';
import { createFrame, type Frame } from './frame';

/** Entities spawned per zone per tick while a pool grows (keeps the server thread's spawn cost flat). */
export const SPAWN_PER_TICK = 64;
/** Entities removed per zone per tick while a pool shrinks (removals are cheap). */
export const REMOVE_PER_TICK = 1024;
/** Smallest move that is sent, in blocks (below what a player can see at 20 Hz). */
export const POSITION_STEP = 0.01;
export const SCALE_STEP = 0.01;
/** Shown scales below this are 0 (a fading entity then stops costing work: see `smooth`). */
export const INVISIBLE_SCALE = 0.001;
/** Smallest yaw change that is sent, degrees. */
export const YAW_STEP = 0.5;

/** Glow colour per band (0xRRGGBB), matching the default band materials. */
const GLOW_COLORS = [0xff3030, 0xff9020, 0xffe040, 0x60ff60, 0x60c0ff];
const KIND_CODES = { block: ENTITY_KINDS.BLOCK, item: ENTITY_KINDS.ITEM, text: ENTITY_KINDS.TEXT } as const;
const DEG = Math.PI / 180;

export class ZonePool {
  /** Entities the pool should hold. */
  capacity = 0;
  /** Entities spawned in the world so far (grows to `capacity` over ticks). */
  live = 0;
  /** What the pattern, a batch and the effects ask for this tick. */
  target: Frame = createFrame(0);
  /** What is shown: `target` after attack/release smoothing. */
  shown: Frame = createFrame(0);
  /** The latest external renderer frame (`batch_update`), shown instead of the pattern while it is fresh. */
  external: Frame = createFrame(0);
  private shownBrightness = new Float32Array(0);
  private sentX = new Float32Array(0);
  private sentY = new Float32Array(0);
  private sentZ = new Float32Array(0);
  private sentScale = new Float32Array(0);
  private sentYaw = new Float32Array(0);
  private sentBrightness = new Int8Array(0);
  /** The yaw whose half-angle cos/sin are cached (NaN: none yet). */
  private trigYaw = new Float64Array(0);
  private halfCos = new Float32Array(0);
  private halfSin = new Float32Array(0);
  /** The turned block's corner offset per unit of half-size: cos − sin and sin + cos of the full yaw. */
  private cornerX = new Float32Array(0);
  private cornerZ = new Float32Array(0);
  private sentGlow = new Int32Array(0);
  private sentMaterial = new Int32Array(0);
  /** -1 = no override; 0 hides the entity. */
  visibleOverride = new Int8Array(0);
  /** -1 = no override; 0/1 forces glow off/on. */
  glowOverride = new Int8Array(0);
  /** -1 = no override; else brightness 0–15. */
  brightnessOverride = new Int8Array(0);
  /** -1 = the band's material; else an index into the diff's material table (batch_update `material`). */
  materialOverride = new Int32Array(0);
  /** -1 = the zone's interpolation; else ticks (batch_update `interpolation`). */
  interpolationOverride = new Int16Array(0);
  private readonly bandMaterial = new Int32Array(5);
  /** Send every live entity's full state on the next diff. */
  private resendAll = false;
  /** `live` before the current diff was written (restored when the host drops that diff). */
  private liveBefore = 0;

  /** Resizes every buffer to `capacity` entities (allocates: only on pool changes, never per tick). */
  resize(capacity: number): void {
    if (capacity === this.capacity) return;
    const keep = Math.min(capacity, this.capacity);
    this.target = grownFrame(this.target, capacity, keep);
    this.shown = grownFrame(this.shown, capacity, keep);
    this.external = grownFrame(this.external, capacity, keep);
    this.shownBrightness = grown(this.shownBrightness, new Float32Array(capacity), keep);
    this.sentX = grown(this.sentX, new Float32Array(capacity), keep);
    this.sentY = grown(this.sentY, new Float32Array(capacity), keep);
    this.sentZ = grown(this.sentZ, new Float32Array(capacity), keep);
    this.sentScale = grown(this.sentScale, new Float32Array(capacity), keep);
    this.sentYaw = grown(this.sentYaw, new Float32Array(capacity), keep);
    this.sentBrightness = grown(this.sentBrightness, new Int8Array(capacity), keep);
    this.trigYaw = grown(this.trigYaw, new Float64Array(capacity).fill(NaN), keep);
    this.halfCos = grown(this.halfCos, new Float32Array(capacity), keep);
    this.halfSin = grown(this.halfSin, new Float32Array(capacity), keep);
    this.cornerX = grown(this.cornerX, new Float32Array(capacity), keep);
    this.cornerZ = grown(this.cornerZ, new Float32Array(capacity), keep);
    this.sentGlow = grown(this.sentGlow, new Int32Array(capacity), keep);
    this.sentMaterial = grown(this.sentMaterial, new Int32Array(capacity), keep);
    this.visibleOverride = grown(this.visibleOverride, new Int8Array(capacity).fill(-1), keep);
    this.glowOverride = grown(this.glowOverride, new Int8Array(capacity).fill(-1), keep);
    this.brightnessOverride = grown(this.brightnessOverride, new Int8Array(capacity).fill(-1), keep);
    this.materialOverride = grown(this.materialOverride, new Int32Array(capacity).fill(-1), keep);
    this.interpolationOverride = grown(this.interpolationOverride, new Int16Array(capacity).fill(-1), keep);
    this.capacity = capacity;
  }

  /** Resolves the zone's band materials into diff material indices (on zone changes). */
  updateMaterials(zone: Zone, diff: DiffBuilder): void {
    for (let b = 0; b < 5; b++) this.bandMaterial[b] = diff.material(zone.materials[b]);
  }

  /** Sends every live entity's full state on the next diff (after the host may have lost track). */
  forceResend(): void {
    this.resendAll = true;
  }

  /** Remembers the pool's state before this tick's diff is written (see `rollbackDiff`). */
  beginDiff(): void {
    this.liveBefore = this.live;
  }

  /**
   * The host dropped the diff being written (it interrupted the tick): forget what it would have spawned
   * or removed, and send everything again next time.
   */
  rollbackDiff(): void {
    this.live = this.liveBefore;
    this.resendAll = true;
  }

  /**
   * Moves `shown` towards `target`, forcing the target's values into their ranges (positions 0–1, scale
   * 0–4, brightness 0–15; yaw and band are copied as they are and read through `finiteYaw` and `bandIndex`).
   * `rise`/`fall` are the fractions of the gap closed this tick while a level rises / falls (from the
   * preset's attack and release); positions follow at the `rise` rate, except that an entity appearing from
   * scale 0 starts at its target. An entity hidden and staying hidden is left where it is.
   * `direct` copies the target unchanged (external batches arrive already animated).
   */
  smooth(rise: number, fall: number, direct: boolean): void {
    const n = this.capacity;
    const sb = this.shownBrightness;
    // Every array in a local: property reads cost per use in an interpreter, and this loop runs per entity.
    const { x: tx, y: ty, z: tz, scale: tScale, brightness: tBrightness, visible: tVisible } = this.target;
    const { x: sx, y: sy, z: sz, scale: sScale, brightness: sBrightness, visible: sVisible } = this.shown;
    // Yaw, band and glow are not smoothed: copied whole (a builtin, far cheaper than a JS loop in an
    // interpreter) and forced into range where they are read (`finiteYaw`, `bandIndex`).
    this.shown.rotation.set(this.target.rotation);
    this.shown.band.set(this.target.band);
    this.shown.glow.set(this.target.glow);
    for (let i = 0; i < n; i++) {
      const visible = tVisible[i] !== 0;
      const before = sScale[i];
      // Hidden and staying hidden (often half a pattern's entities): where it sits does not matter, it is
      // placed afresh when it shows again.
      if (!visible && before === 0 && !direct) {
        sVisible[i] = 0;
        continue;
      }
      // The target is forced into range on the way (a hot-loaded pattern may write anything; NaN fails
      // every comparison and lands on 0). One pass: this loop is the engine's per-entity hot path.
      const rx = tx[i];
      const ry = ty[i];
      const rz = tz[i];
      const x = rx > 0 ? (rx < 1 ? rx : 1) : 0;
      const y = ry > 0 ? (ry < 1 ? ry : 1) : 0;
      const z = rz > 0 ? (rz < 1 ? rz : 1) : 0;
      const rs = tScale[i];
      const targetScale = visible && rs > 0 ? (rs < 4 ? rs : 4) : 0;
      const rb = tBrightness[i];
      const targetBrightness = rb < 15 ? rb : 15;
      let scale: number;
      let light: number;
      if (direct || before === 0) {
        // An entity appearing from nothing starts where it is meant to be instead of flying in.
        sx[i] = x;
        sy[i] = y;
        sz[i] = z;
      } else {
        const px = sx[i];
        const py = sy[i];
        const pz = sz[i];
        sx[i] = px + (x - px) * rise;
        sy[i] = py + (y - py) * rise;
        sz[i] = pz + (z - pz) * rise;
      }
      if (direct) {
        scale = targetScale;
        light = targetBrightness;
      } else {
        const ds = targetScale - before;
        scale = before + ds * (ds > 0 ? rise : fall);
        // A release never quite reaches 0: below what anyone can see it is 0, so the entity counts as hidden.
        if (scale < INVISIBLE_SCALE) scale = 0;
        light = sb[i];
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

  /**
   * Appends this tick's records for the zone: spawns and removals towards `capacity`, then every live
   * entity that changed beyond the quantisation step. `beatGlow` lights every entity (glow_on_beat).
   */
  writeDiff(diff: DiffBuilder, slot: number, zone: Zone, beatGlow: boolean): void {
    const cos = Math.cos(zone.rotation * DEG);
    const sin = Math.sin(zone.rotation * DEG);
    const kind = KIND_CODES[zone.kind];
    const resend = this.resendAll;
    this.resendAll = false;
    // Removals first, from the top, so indices stay dense.
    let removals = 0;
    while (this.live > this.capacity && removals < REMOVE_PER_TICK) {
      this.live--;
      removals++;
      const r = diff.add(slot, this.live, DIFF_FLAGS.REMOVE);
      diff.ints[r * INT_STRIDE + 7] = kind;
    }
    if (this.live > this.capacity) return; // still removing: nothing else to send for this zone
    const spawnEnd = Math.min(this.capacity, this.live + SPAWN_PER_TICK);
    const live = this.live;
    const { x: sx, y: sy, z: sz, scale: sScale, rotation: sRotation, band: sBand } = this.shown;
    const { glow: sGlow } = this.shown;
    const sb = this.shownBrightness;
    // Locals for every array the loop touches: the loop runs for every entity of every zone each tick.
    const { sentX, sentY, sentZ, sentScale, sentYaw, sentBrightness, sentGlow, sentMaterial } = this;
    const { trigYaw, halfCos, halfSin, cornerX, cornerZ, bandMaterial } = this;
    const { visibleOverride, brightnessOverride, glowOverride, materialOverride, interpolationOverride } =
      this;
    const sizeX = zone.size.x;
    const sizeY = zone.size.y;
    const sizeZ = zone.size.z;
    const zoneYaw = zone.rotation;
    const zoneBrightness = zone.brightness;
    const dynamic = zone.dynamicBrightness;
    const zoneInterpolation = zone.interpolation;
    // Records are written in place (no call per record): room for every entity is made first.
    diff.reserve(diff.count + spawnEnd);
    const { ints, floats } = diff;
    let count = diff.count;
    let lastYaw = NaN;
    let lastHalfCos = 1;
    let lastHalfSin = 0;
    let lastCornerX = 1;
    let lastCornerZ = 1;
    for (let i = 0; i < spawnEnd; i++) {
      const spawning = i >= live;
      const scale = spawning || visibleOverride[i] === 0 ? 0 : sScale[i]; // not shown ⇒ scale 0
      // A hidden entity that was already sent hidden costs nothing, however its pattern moves it (blackout,
      // hidden spares): what changed meanwhile goes out with the transform that shows it again.
      if (!spawning && !resend && scale === 0 && sentScale[i] === 0) continue;
      // `finiteYaw` and `bandIndex` spelled out: a call per entity costs more than the rest of the line
      // in an interpreter.
      const r = sRotation[i];
      const yaw = zoneYaw + (r - r === 0 ? r % 360 : 0);
      // World transform: zone-local 0–1 → blocks, turned by the zone's yaw; the block's centre sits on the
      // point, so the corner translation is offset by the entity's own turned half-size.
      const lx = sx[i] * sizeX;
      const lz = sz[i] * sizeZ;
      const h = scale / 2;
      if (yaw !== trigYaw[i]) {
        // Most entities keep their yaw from tick to tick: the trigonometry is redone only when it turns, and
        // not again for the next entity when it turned to the same yaw (a pattern turning as one piece).
        trigYaw[i] = yaw;
        if (yaw !== lastYaw) {
          lastYaw = yaw;
          lastHalfCos = Math.cos((yaw * DEG) / 2);
          lastHalfSin = Math.sin((yaw * DEG) / 2);
          // The full angle's cos/sin from the half angle's (double-angle identities).
          const ec = lastHalfCos * lastHalfCos - lastHalfSin * lastHalfSin;
          const es = 2 * lastHalfSin * lastHalfCos;
          lastCornerX = ec - es;
          lastCornerZ = es + ec;
        }
        halfCos[i] = lastHalfCos;
        halfSin[i] = lastHalfSin;
        cornerX[i] = lastCornerX;
        cornerZ[i] = lastCornerZ;
      }
      const tx = lx * cos - lz * sin - h * cornerX[i];
      const ty = sy[i] * sizeY - h;
      const tz = lx * sin + lz * cos - h * cornerZ[i];
      const bo = brightnessOverride[i];
      // | 0 after + 0.5 rounds the non-negative level.
      const brightness = bo >= 0 ? bo : dynamic ? ((sb[i] * zoneBrightness) / 15 + 0.5) | 0 : zoneBrightness;
      const go = glowOverride[i];
      const glowOn = go >= 0 ? go === 1 : sGlow[i] !== 0 || beatGlow;
      const b = sBand[i];
      const band = b < 4 ? b : 4;
      const glowColor = glowOn ? GLOW_COLORS[band] : -1;
      const mo = materialOverride[i];
      const material = mo >= 0 ? mo : bandMaterial[band];

      let flags = 0;
      if (spawning) {
        flags =
          DIFF_FLAGS.SPAWN |
          DIFF_FLAGS.TRANSFORM |
          DIFF_FLAGS.BRIGHTNESS |
          DIFF_FLAGS.GLOW |
          DIFF_FLAGS.MATERIAL;
      } else {
        const dx = tx - sentX[i];
        const dy = ty - sentY[i];
        const dz = tz - sentZ[i];
        const ds = scale - sentScale[i];
        const dw = yaw - sentYaw[i];
        if (
          resend ||
          dx > POSITION_STEP ||
          dx < -POSITION_STEP ||
          dy > POSITION_STEP ||
          dy < -POSITION_STEP ||
          dz > POSITION_STEP ||
          dz < -POSITION_STEP ||
          ds > SCALE_STEP ||
          ds < -SCALE_STEP ||
          dw > YAW_STEP ||
          dw < -YAW_STEP
        ) {
          flags = DIFF_FLAGS.TRANSFORM | DIFF_FLAGS.RESTART_INTERPOLATION;
        }
        if (resend || brightness !== sentBrightness[i]) flags |= DIFF_FLAGS.BRIGHTNESS;
        if (resend || glowColor !== sentGlow[i]) flags |= DIFF_FLAGS.GLOW;
        if (resend || material !== sentMaterial[i]) flags |= DIFF_FLAGS.MATERIAL;
        if (flags === 0) continue;
      }
      const io = count * INT_STRIDE;
      const fo = count * FLOAT_STRIDE;
      count++;
      ints[io] = slot;
      ints[io + 1] = i;
      ints[io + 2] = flags;
      ints[io + 3] = material;
      ints[io + 4] = brightness;
      ints[io + 5] = glowColor;
      const interpolation = interpolationOverride[i];
      ints[io + 6] = interpolation >= 0 ? interpolation : zoneInterpolation;
      ints[io + 7] = kind;
      floats[fo] = tx;
      floats[fo + 1] = ty;
      floats[fo + 2] = tz;
      floats[fo + 3] = scale;
      // Left rotation about +Y by −yaw: Minecraft's yaw turns clockwise seen from above.
      // fo + 4 and fo + 6 (x and z of the quaternion) stay 0: nothing ever writes them.
      floats[fo + 5] = -halfSin[i];
      floats[fo + 7] = halfCos[i];
      if ((flags & DIFF_FLAGS.TRANSFORM) !== 0) {
        sentX[i] = tx;
        sentY[i] = ty;
        sentZ[i] = tz;
        sentScale[i] = scale;
        sentYaw[i] = yaw;
      }
      sentBrightness[i] = brightness;
      sentGlow[i] = glowColor;
      sentMaterial[i] = material;
    }
    diff.count = count;
    this.live = spawnEnd;
  }
}

/** A shown yaw as sent: finite, within ±360° (a hot-loaded pattern may write anything). */
export function finiteYaw(rotation: number): number {
  return rotation - rotation === 0 ? rotation % 360 : 0; // r − r is 0 only for finite r
}

/** A shown band as used: 0–4 (a hot-loaded pattern may write anything into the Uint8Array). */
export function bandIndex(band: number): number {
  return band < 4 ? band : 4;
}

function grownFrame(frame: Frame, capacity: number, keep: number): Frame {
  const next = createFrame(capacity);
  next.x.set(frame.x.subarray(0, keep));
  next.y.set(frame.y.subarray(0, keep));
  next.z.set(frame.z.subarray(0, keep));
  next.scale.set(frame.scale.subarray(0, keep));
  next.rotation.set(frame.rotation.subarray(0, keep));
  next.band.set(frame.band.subarray(0, keep));
  next.brightness.set(frame.brightness.subarray(0, keep));
  next.glow.set(frame.glow.subarray(0, keep));
  next.visible.set(frame.visible.subarray(0, keep));
  return next;
}

function grown<T extends Float32Array | Float64Array | Int8Array | Int16Array | Int32Array>(
  old: T,
  next: T,
  keep: number,
): T {
  next.set(old.subarray(0, keep) as never);
  return next;
}
