import assert from 'node:assert/strict';
import { seededRandom } from '@audioviz/shared-types';
import {
  beatCorrelation,
  beatLatencies,
  bursts,
  bytesPerSecond,
  motionPerUpdate,
  movingEntities,
  pearson,
  type EntityUpdate,
} from '../src/show-analysis';
import { BEATS_PER_CHECK, MIN_BEAT_CORRELATION } from '../src/show-checks';

const PERIOD_MS = 60_000 / 128;
const TICK_MS = 50;

/**
 * A simulated client log: 20 entities updated every server tick for 12 s; their scale decays, and when
 * `followsBeat` each beat makes it jump `delayMs` later. Otherwise the jumps come at random times.
 */
function simulatedShow(
  followsBeat: boolean,
  delayMs: number,
  seed = 7,
): { updates: EntityUpdate[]; beats: number[] } {
  const random = seededRandom(seed);
  const start = 1_000_000;
  const beats: number[] = [];
  for (let t = start + 200; t < start + 12_000; t += PERIOD_MS) beats.push(t);
  const kicks = followsBeat ? beats.map((b) => b + delayMs) : beats.map(() => start + random() * 12_000);
  kicks.sort((a, b) => a - b);
  const updates: EntityUpdate[] = [];
  let scale = 0.2;
  let nextKick = 0;
  for (let t = start; t < start + 12_000; t += TICK_MS) {
    scale = 0.2 + (scale - 0.2) * 0.8;
    while (nextKick < kicks.length && kicks[nextKick]! <= t) {
      scale = 2;
      nextKick++;
    }
    for (let id = 0; id < 20; id++) {
      const s = scale * (1 + id / 40);
      updates.push({ t: t + id * 0.1, entityId: id, scale: { x: s, y: s, z: s }, bytes: 40 });
    }
  }
  return { updates, beats };
}

describe('show analysis', () => {
  it('measures motion against each entity’s own previous state, not the first sight of it', () => {
    const motion = motionPerUpdate([
      { t: 0, entityId: 1, scale: { x: 1, y: 1, z: 1 }, bytes: 10 },
      { t: 1, entityId: 2, translation: { x: 5, y: 0, z: 0 }, bytes: 10 },
      { t: 2, entityId: 1, scale: { x: 2, y: 1, z: 1 }, bytes: 10 },
      { t: 3, entityId: 2, translation: { x: 5, y: 1, z: 0 }, scale: { x: 1, y: 1, z: 1 }, bytes: 10 },
    ]);
    assert.deepEqual([...motion], [0, 0, 1, 1]);
  });

  it('groups the packets of one server tick into one burst', () => {
    const { updates } = simulatedShow(true, 60);
    const found = bursts(updates);
    assert.equal(found.length, 12_000 / TICK_MS);
  });

  it('finds a strong correlation, at the right lag, when the motion follows the beat', () => {
    const { updates, beats } = simulatedShow(true, 60);
    const from = updates[0]!.t + 1000;
    const result = beatCorrelation(updates, beats, {
      fromMs: from,
      toMs: from + 10_000,
      periodMs: PERIOD_MS,
    });
    assert.ok(result.r > 0.35, `r = ${result.r}`);
    assert.ok(result.offBeatR < result.r / 2, `off-beat r = ${result.offBeatR}`);
    assert.ok(result.lagMs >= 0 && result.lagMs <= 200, `lag = ${result.lagMs}`);
    assert.ok(result.beats >= 20);
  });

  it('keeps motion at random times below the suite’s threshold over one check’s beats, whatever the seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { updates, beats } = simulatedShow(false, 0, seed);
      const window = beats.slice(0, BEATS_PER_CHECK);
      const result = beatCorrelation(updates, window, {
        fromMs: window[0]! - PERIOD_MS / 2,
        toMs: window[BEATS_PER_CHECK - 1]! + 400,
        periodMs: PERIOD_MS,
      });
      assert.ok(result.r < MIN_BEAT_CORRELATION, `seed ${seed}: r = ${result.r}`);
    }
  });

  it('finds no correlation when the same motion ignores the beat', () => {
    const { updates, beats } = simulatedShow(false, 0);
    const from = updates[0]!.t + 1000;
    const result = beatCorrelation(updates, beats, {
      fromMs: from,
      toMs: from + 10_000,
      periodMs: PERIOD_MS,
    });
    assert.ok(result.r < 0.35, `r = ${result.r}`);
  });

  it('measures each beat’s latency to the first burst that answers it', () => {
    const { updates, beats } = simulatedShow(true, 60);
    const latencies = beatLatencies(updates, beats, 300);
    assert.ok(latencies.length >= beats.length - 1, `${latencies.length} of ${beats.length}`);
    // A kick lands on the first server tick at or after beat + 60 ms.
    for (const l of latencies) assert.ok(l >= 60 && l < 60 + TICK_MS + 1, `latency ${l}`);
  });

  it('reports no latency for beats that nothing answers', () => {
    const { updates } = simulatedShow(true, 60);
    const still = updates.map((u) => ({ ...u, scale: { x: 1, y: 1, z: 1 } }));
    assert.deepEqual(beatLatencies(still, [still[100]!.t], 300), []);
  });

  it('counts entity bytes per second and the entities that moved in a window', () => {
    const { updates } = simulatedShow(true, 60);
    const from = updates[0]!.t;
    // 20 entities × 40 bytes × 20 ticks per second.
    assert.equal(Math.round(bytesPerSecond(updates, from, from + 10_000)), 16_000);
    assert.equal(bytesPerSecond(updates, from + 20_000, from + 21_000), 0);
    assert.equal(movingEntities(updates, from + 1000, from + 5000), 20);
  });

  it('gives 0 correlation for a constant series instead of NaN', () => {
    assert.equal(pearson([1, 1, 1], [0, 1, 0]), 0);
    assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
  });
});
