export function percentile(values: number[], p: number): number;
export function measureMedianMs(fn: () => unknown, runs: number, warmup?: number): number;
export function report(
  name: string,
  value: number,
  unit: string,
  budget?: { max?: number; min?: number },
): void;
