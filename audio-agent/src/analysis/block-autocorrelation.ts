/**
 * A leaky autocorrelation of a signal summed over blocks of a few hops. It answers only coarse questions
 * (is this signal more periodic at a bar than at half a bar?) at long lags, for a fraction of the cost of a
 * per-hop autocorrelation: with blocks of B hops it costs about (lags / B) / B multiplications per hop.
 */
export class BlockAutocorrelation {
  private readonly acf: Float64Array;
  private readonly blocks: Float64Array;
  private readonly mask: number;
  private readonly decay: number;
  private block = 0;
  private hopsInBlock = 0;
  private blockCount = 0;

  /**
   * @param blockHops hops summed into one block
   * @param maxLagHops longest lag that will be asked for, hops
   * @param decayPerHop the memory's factor per hop (exp(−hop / time constant))
   */
  constructor(
    private readonly blockHops: number,
    maxLagHops: number,
    decayPerHop: number,
  ) {
    const lags = Math.ceil(maxLagHops / blockHops) + 2;
    this.acf = new Float64Array(lags);
    let size = 1;
    while (size < lags) size *= 2;
    this.blocks = new Float64Array(size);
    this.mask = size - 1;
    this.decay = Math.pow(decayPerHop, blockHops);
  }

  /** Adds one hop's value; every `blockHops` hops the finished block is correlated with the past ones. */
  push(value: number): void {
    this.block += value;
    if (++this.hopsInBlock < this.blockHops) return;
    const n = this.blockCount++;
    const b = this.block;
    this.blocks[n & this.mask] = b;
    this.block = 0;
    this.hopsInBlock = 0;
    const acf = this.acf;
    const lags = Math.min(acf.length, n + 1);
    for (let lag = 0; lag < lags; lag++)
      acf[lag] = acf[lag]! * this.decay + b * this.blocks[(n - lag) & this.mask]!;
  }

  /** The largest autocorrelation of the blocks that lags within `toleranceHops` of `lagHops` fall in. */
  near(lagHops: number, toleranceHops: number): number {
    const first = Math.max(0, Math.floor((lagHops - toleranceHops) / this.blockHops));
    const last = Math.min(this.acf.length - 1, Math.ceil((lagHops + toleranceHops) / this.blockHops));
    return peakWithin(this.acf, first, last);
  }
}

/** The largest of `values[first … last]`, 0 for an empty window: an autocorrelation's peak near a lag. */
export function peakWithin(values: Float64Array, first: number, last: number): number {
  let best = 0;
  for (let i = first; i <= last; i++) if (values[i]! > best) best = values[i]!;
  return best;
}
