/**
 * Tells whether the beat grid sits on the beat or on the off-beat of music played over a son clave.
 *
 * In son, salsa and much latin music the beat is not where the loudest onsets are: congas, piano stabs and
 * half the kicks and bass notes fall on the off-beats, and the on-beats can be nearly empty. What marks the
 * beat is the clave, five strokes over a bar of sixteen sixteenths: 0, 3, 6, 10, 12 (3-2) or, starting on
 * its other half, 8, 11, 14, 2, 4 (2-3). A listener who knows the rhythm places the beat by it.
 *
 * The check keeps the last bars of the click region's flux (where the clave's wood sounds, `CLICK_HZ` in the
 * onset detector) and, once per beat, folds them on the current grid into sixteen slots of a four-beat
 * cycle, then matches the clave against every rotation by an eighth. A rotation by a whole number of beats
 * (any bar start, either clave direction) means the grid is on the beat; by an odd number of eighths, that
 * it is on the off-beat. Folding the kept flux afresh on the current grid, rather than keeping a folded
 * profile, means a tempo change (the tracker's first reading is often an octave off) costs no relearning.
 * The verdict needs a clear match and a clear margin, so music without a clave is left to the tracker's
 * own on-beat/off-beat choice.
 */

/** The son clave, 3-2, as sixteenth-note slots of a 4/4 bar. */
const SON_CLAVE = [0, 3, 6, 10, 12] as const;
const SLOTS = 16;
/** Bars folded: enough for the pattern to stand out from a bar of fills, few enough to follow a change. */
const BARS = 4;
/** Bars of history needed before any verdict. */
const MIN_BARS = 3;
/**
 * The best rotation's correlation must reach this, and beat the best rotation of the other kind (on-beat
 * against off-beat) by `MIN_MARGIN`, before the clave places the grid. On the dev split the clave of its
 * latin tracks read 0.76–0.77 against 0.28–0.35; the closest other tracks were half-time grooves read at
 * twice their tempo in their first seconds (0.67 against 0.44) and a swung hip-hop (0.62 against 0.25),
 * which 0.6 and 0.2 moved onto their off-beats. Chosen on dev (0.6/0.2, 0.6/0.25, 0.7/0.3).
 */
const MIN_MATCH = 0.7;
const MIN_MARGIN = 0.3;

/** The clave with its mean removed and unit length, so a flat profile (a shaker on every sixteenth) scores 0. */
const TEMPLATE = (() => {
  const t = new Float64Array(SLOTS);
  for (const slot of SON_CLAVE) t[slot] = 1;
  const mean = SON_CLAVE.length / SLOTS;
  for (let i = 0; i < SLOTS; i++) t[i] = t[i]! - mean;
  const norm = Math.sqrt(t.reduce((sum, v) => sum + v * v, 0));
  return t.map((v) => v / norm);
})();

/**
 * Once the clave has placed the grid, it keeps holding it while the grid still reads the clave on the beat
 * by this margin, a weaker test than the one that placed it: one bar of fills must not hand the grid back to
 * the louder off-beat for the phase loop to pull it there …
 */
const HOLD_MARGIN = 0.1;
/** … and lets go only after this many beats in a row without it (two bars: the clave has stopped). */
const RELEASE_BEATS = 8;

export class ClaveCheck {
  /** True while the clave decides which eighth is the beat (the phase loop then keeps the grid's eighth). */
  holdsGrid = false;
  private readonly history: Float64Array;
  private readonly mask: number;
  private readonly profile = new Float64Array(SLOTS);
  private hops = 0;
  private beatsWithout = 0;

  /** @param maxPeriodHops the longest beat period the tracker can hold, hops */
  constructor(maxPeriodHops: number) {
    let size = 1;
    while (size < BARS * 4 * maxPeriodHops + maxPeriodHops) size *= 2;
    this.history = new Float64Array(size);
    this.mask = size - 1;
  }

  /** One hop's flux of the click region (hop numbers count from 0 in the tracker's order). */
  push(flux: number): void {
    this.history[this.hops++ & this.mask] = flux;
  }

  /**
   * Once a beat: folds the last bars on the grid. True when the grid is on the off-beat of a clave and should
   * move by half a beat (the check then holds the moved grid).
   * @param beatHop the hop of the latest beat of the grid (fractional, not after the last pushed hop)
   * @param period hops per beat
   */
  judge(beatHop: number, period: number): boolean {
    const match = this.fold(beatHop, period);
    const lead = match === null ? 0 : match.onBeat - match.offBeat;
    if (this.holdsGrid) {
      this.beatsWithout = lead >= HOLD_MARGIN ? 0 : this.beatsWithout + 1;
      if (this.beatsWithout >= RELEASE_BEATS) this.holdsGrid = false;
      return false;
    }
    if (match === null) return false;
    const placed = (best: number) => best >= MIN_MATCH && Math.abs(lead) >= MIN_MARGIN;
    if (lead > 0 && placed(match.onBeat)) this.hold();
    else if (lead < 0 && placed(match.offBeat)) {
      this.hold();
      return true;
    }
    return false;
  }

  private hold(): void {
    this.holdsGrid = true;
    this.beatsWithout = 0;
  }

  /** The clave's best match on the beat and off it, over the last bars folded on a grid, or null. */
  private fold(beatHop: number, period: number): { onBeat: number; offBeat: number } | null {
    const last = this.hops - 1;
    const oldest = Math.max(0, this.hops - this.history.length);
    const bars = Math.min(BARS, Math.floor((beatHop - oldest) / (4 * period)));
    if (bars < MIN_BARS) return null;
    const p = this.profile;
    p.fill(0);
    const reach = period / 8;
    const h = this.history;
    for (let beat = 0; beat < bars * 4; beat++) {
      for (let step = 0; step < 4; step++) {
        // The slot's time, and its peak within half a sixteenth either side.
        const centre = beatHop - (bars * 4 - beat) * period + (step * period) / 4;
        const from = Math.max(oldest, Math.ceil(centre - reach));
        const to = Math.min(last, Math.floor(centre + reach));
        let peak = 0;
        for (let hop = from; hop <= to; hop++) peak = Math.max(peak, h[hop & this.mask]!);
        p[(beat % 4) * 4 + step] = p[(beat % 4) * 4 + step]! + peak;
      }
    }
    return claveMatch(p);
  }
}

/** The clave's best correlation with a folded profile at rotations on the beat and off it, or null if flat. */
function claveMatch(p: Float64Array): { onBeat: number; offBeat: number } | null {
  let mean = 0;
  for (let i = 0; i < SLOTS; i++) mean += p[i]!;
  mean /= SLOTS;
  let norm = 0;
  for (let i = 0; i < SLOTS; i++) norm += (p[i]! - mean) * (p[i]! - mean);
  if (norm <= 1e-12) return null;
  norm = Math.sqrt(norm);
  let onBeat = -1;
  let offBeat = -1;
  for (let rotation = 0; rotation < SLOTS; rotation += 2) {
    let dot = 0;
    for (let i = 0; i < SLOTS; i++) dot += (p[(i + rotation) % SLOTS]! - mean) * TEMPLATE[i]!;
    if (rotation % 4 === 0) onBeat = Math.max(onBeat, dot / norm);
    else offBeat = Math.max(offBeat, dot / norm);
  }
  return { onBeat, offBeat };
}
