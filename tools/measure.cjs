// Helpers every benchmark shares: median/percentile timing and the JSON figure line tools/bench.mjs reads.
const { performance } = require('node:perf_hooks');

/** The p-th percentile (0–1) of `values`. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** Median wall time of `fn` in ms over `runs` runs, after a warm-up. */
function measureMedianMs(fn, runs, warmup = Math.min(50, runs)) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return percentile(times, 0.5);
}

/**
 * Prints one figure for tools/bench.mjs.
 * @param {string} name stable figure name, e.g. "engine.tick_ms_1024"
 * @param {number} value
 * @param {string} unit
 * @param {{max?: number, min?: number}} [budget] docs/design.md budget: a ceiling (max) or a floor (min)
 */
function report(name, value, unit, budget = {}) {
  const figure = { name, value, unit };
  if (budget.max !== undefined) Object.assign(figure, { budget: budget.max, better: 'lower' });
  if (budget.min !== undefined) Object.assign(figure, { budget: budget.min, better: 'higher' });
  console.log(JSON.stringify(figure));
}

module.exports = { percentile, measureMedianMs, report };
