/**
 * Pure analysis of what a Minecraft client saw: how much the display entities moved over time, whether that
 * motion follows the agent's beats, how late it arrives, and how many bytes it cost. No I/O, no clock: every
 * time is a wall-clock millisecond passed in, so the same functions serve the test and the benchmark.
 */

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** One entity packet as the client received it. */
export interface EntityUpdate {
  /** Arrival at the client, ms since the Unix epoch. */
  readonly t: number;
  readonly entityId: number;
  /** Display transformation fields present in this packet (absent: unchanged). */
  readonly scale?: Vec3;
  readonly translation?: Vec3;
  /** Size of the packet as received (id + payload, before any compression), bytes. */
  readonly bytes: number;
}

/** Entity updates the server sends in one tick reach the client within a few ms of each other. */
export const BURST_GAP_MS = 10;

/** Packets that arrived together (one server tick) and how much they moved the entities. */
export interface Burst {
  /** Arrival of the burst's first packet, ms since the epoch. */
  readonly t: number;
  /** Σ |Δscale| + |Δtranslation| (L1, blocks) over the burst's packets. */
  readonly activity: number;
}

function l1(a: Vec3, b: Vec3): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + Math.abs(a.z - b.z);
}

/**
 * How far each packet moved its entity compared with that entity's previous state (L1 over scale and translation,
 * blocks). The first packet of an entity counts as no motion: a spawn is not a change.
 * @param updates in arrival order
 */
export function motionPerUpdate(updates: readonly EntityUpdate[]): Float64Array {
  const last = new Map<number, { scale?: Vec3; translation?: Vec3 }>();
  const out = new Float64Array(updates.length);
  updates.forEach((u, i) => {
    const prev = last.get(u.entityId);
    let motion = 0;
    if (prev !== undefined) {
      if (u.scale !== undefined && prev.scale !== undefined) motion += l1(u.scale, prev.scale);
      if (u.translation !== undefined && prev.translation !== undefined)
        motion += l1(u.translation, prev.translation);
    }
    out[i] = motion;
    last.set(u.entityId, {
      scale: u.scale ?? prev?.scale,
      translation: u.translation ?? prev?.translation,
    });
  });
  return out;
}

/** Groups updates (arrival order) into bursts separated by more than `gapMs` of silence. */
export function bursts(updates: readonly EntityUpdate[], gapMs = BURST_GAP_MS): Burst[] {
  const motion = motionPerUpdate(updates);
  const out: Burst[] = [];
  let start = -Infinity;
  let previous = -Infinity;
  let activity = 0;
  updates.forEach((u, i) => {
    if (u.t - previous > gapMs) {
      if (previous !== -Infinity) out.push({ t: start, activity });
      start = u.t;
      activity = 0;
    }
    activity += motion[i]!;
    previous = u.t;
  });
  if (previous !== -Infinity) out.push({ t: start, activity });
  return out;
}

/** Entity motion summed into bins of `binMs` over [fromMs, toMs). */
export function activitySeries(
  updates: readonly EntityUpdate[],
  fromMs: number,
  toMs: number,
  binMs: number,
): Float64Array {
  const motion = motionPerUpdate(updates);
  const series = new Float64Array(Math.max(0, Math.ceil((toMs - fromMs) / binMs)));
  updates.forEach((u, i) => {
    const bin = Math.floor((u.t - fromMs) / binMs);
    if (bin >= 0 && bin < series.length) series[bin]! += motion[i]!;
  });
  return series;
}

/** 1 in each bin of [fromMs, toMs) that holds a beat, else 0. */
export function beatSeries(
  beatsMs: readonly number[],
  fromMs: number,
  toMs: number,
  binMs: number,
): Float64Array {
  const series = new Float64Array(Math.max(0, Math.ceil((toMs - fromMs) / binMs)));
  for (const t of beatsMs) {
    const bin = Math.floor((t - fromMs) / binMs);
    if (bin >= 0 && bin < series.length) series[bin] = 1;
  }
  return series;
}

/** Pearson correlation of two equally long series; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

/** Sums each bin with the `width - 1` bins after it, so a response spread over a few ticks counts once. */
function spreadForward(series: Float64Array, width: number): Float64Array {
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) {
    let sum = 0;
    for (let k = 0; k < width && i + k < series.length; k++) sum += series[i + k]!;
    out[i] = sum;
  }
  return out;
}

export interface BeatCorrelation {
  /** Correlation between the beats and the entity motion that follows them at the best lag, −1…1. */
  readonly r: number;
  /** The lag at which the motion follows the beats best, ms (0…maxLagMs). */
  readonly lagMs: number;
  /** The same correlation half a beat later: what an unrelated signal would score. */
  readonly offBeatR: number;
  /** Beats inside the analysed window. */
  readonly beats: number;
}

/**
 * Correlates the agent's beats with the entity motion the client saw, scanning lags 0…maxLagMs, and compares the
 * best with the correlation half a beat away (a control: motion that ignores the beat scores the same there).
 * @param periodMs the beat period of the material (60000 / BPM)
 */
export function beatCorrelation(
  updates: readonly EntityUpdate[],
  beatsMs: readonly number[],
  options: { fromMs: number; toMs: number; periodMs: number; binMs?: number; maxLagMs?: number },
): BeatCorrelation {
  const binMs = options.binMs ?? 25;
  const maxLagMs = options.maxLagMs ?? 300;
  // Beats are spread over 100 ms: a 50 ms server tick and a 20 Hz forward window blur the exact arrival.
  const beats = spreadForward(
    beatSeries(beatsMs, options.fromMs, options.toMs, binMs),
    Math.round(100 / binMs),
  );
  const activity = activitySeries(updates, options.fromMs, options.toMs, binMs);
  const shifted = (lagBins: number): number =>
    pearson(beats.subarray(0, beats.length - lagBins), activity.subarray(lagBins));
  let best = { r: -Infinity, lagBins: 0 };
  for (let lagBins = 0; lagBins * binMs <= maxLagMs; lagBins++) {
    const r = shifted(lagBins);
    if (r > best.r) best = { r, lagBins };
  }
  const halfBeatBins = Math.round(options.periodMs / 2 / binMs);
  const inWindow = beatsMs.filter((t) => t >= options.fromMs && t < options.toMs).length;
  return {
    r: best.r,
    lagMs: best.lagBins * binMs,
    offBeatR: shifted(best.lagBins + halfBeatBins),
    beats: inWindow,
  };
}

/**
 * Latency of each beat: from the agent's beat frame to the first burst, within `windowMs` after it, that moves the
 * entities at least half as much as the biggest burst of that window and clearly more than a typical burst.
 * Beats without such a response are left out.
 * @returns one latency per answered beat, ms
 */
export function beatLatencies(
  updates: readonly EntityUpdate[],
  beatsMs: readonly number[],
  windowMs: number,
): number[] {
  const all = bursts(updates);
  if (all.length === 0) return [];
  const typical = median(all.map((b) => b.activity));
  const out: number[] = [];
  let from = 0;
  for (const beat of beatsMs) {
    while (from < all.length && all[from]!.t < beat) from++;
    let biggest = 0;
    for (let i = from; i < all.length && all[i]!.t <= beat + windowMs; i++)
      biggest = Math.max(biggest, all[i]!.activity);
    if (biggest <= typical * 1.5) continue;
    for (let i = from; i < all.length && all[i]!.t <= beat + windowMs; i++) {
      if (all[i]!.activity >= biggest / 2) {
        out.push(all[i]!.t - beat);
        break;
      }
    }
  }
  return out;
}

/** Bytes of entity packets per second that arrived in [fromMs, toMs). */
export function bytesPerSecond(updates: readonly EntityUpdate[], fromMs: number, toMs: number): number {
  let bytes = 0;
  for (const u of updates) if (u.t >= fromMs && u.t < toMs) bytes += u.bytes;
  return toMs > fromMs ? (bytes * 1000) / (toMs - fromMs) : 0;
}

/** Distinct entities that moved in [fromMs, toMs). */
export function movingEntities(updates: readonly EntityUpdate[], fromMs: number, toMs: number): number {
  const motion = motionPerUpdate(updates);
  const moved = new Set<number>();
  updates.forEach((u, i) => {
    if (u.t >= fromMs && u.t < toMs && motion[i]! > 0) moved.add(u.entityId);
  });
  return moved.size;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
