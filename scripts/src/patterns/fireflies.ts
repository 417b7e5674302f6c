/**
 * Fireflies: a swarm drifting lazily through the zone, each blinking on its own rhythm. The highs make
 * them blink faster and brighter, and, like real fireflies, they fall into step with the beat: every beat
 * pulls their blinks together and flashes the swarm.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatPunch,
  clamp,
  hash01,
  hideFrom,
  highs,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface FireflyState {
  readonly capacity: number;
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly pz: Float32Array;
  readonly vx: Float32Array;
  readonly vy: Float32Array;
  readonly vz: Float32Array;
  /** Blink phase 0–1 and blink rate (blinks per second at rest). */
  readonly phase: Float32Array;
  readonly rate: Float32Array;
}

/**
 * Random steps −0.5–0.5, made once: each tick reads a window of it at a random start (three per firefly),
 * far cheaper per firefly than three calls of the random source in an interpreter.
 */
const NOISE_SIZE = 4096;
const NOISE = new Float32Array(NOISE_SIZE);
for (let k = 0; k < NOISE_SIZE; k++) NOISE[k] = hash01(k, 36) - 0.5;

/** The blink's brightness exp(−9·phase) at BLINK_STEPS steps of the phase 0–1, read instead of a Math.exp. */
const BLINK_STEPS = 1024;
const BLINK = new Float32Array(BLINK_STEPS + 1).map((_, k) => Math.exp((-9 * k) / BLINK_STEPS));

/** How strongly each beat pulls a firefly's blink towards the swarm's (0 none, 1 full). */
const SYNC_PULL = 0.5;

const fireflies: Pattern<FireflyState> = {
  meta: {
    id: 'fireflies',
    name: 'Fireflies',
    category: 'organic',
    recommendedEntities: 96,
    params: {
      wander: {
        type: 'number',
        description: 'How restlessly they fly, zone widths per second',
        default: 0.12,
        min: 0,
        max: 1,
      },
      sync: { type: 'boolean', description: 'Blinks fall into step with the beat', default: true },
      blink_rate: {
        type: 'number',
        description: 'Blinks per second in silence',
        default: 0.5,
        min: 0.05,
        max: 4,
      },
    },
  },
  create(entityCount) {
    const state: FireflyState = {
      capacity: entityCount,
      px: new Float32Array(entityCount),
      py: new Float32Array(entityCount),
      pz: new Float32Array(entityCount),
      vx: new Float32Array(entityCount),
      vy: new Float32Array(entityCount),
      vz: new Float32Array(entityCount),
      phase: new Float32Array(entityCount),
      rate: new Float32Array(entityCount),
    };
    for (let i = 0; i < entityCount; i++) {
      state.px[i] = 0.1 + 0.8 * hash01(i, 31);
      state.py[i] = 0.1 + 0.8 * hash01(i, 32);
      state.pz[i] = 0.1 + 0.8 * hash01(i, 33);
      state.phase[i] = hash01(i, 34);
      state.rate[i] = 0.7 + 0.6 * hash01(i, 35);
    }
    return state;
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const dt = clamp(input.dt, 0, 1);
    const wander = numParam(input, 'wander', 0.12);
    const blinkRate = numParam(input, 'blink_rate', 0.5);
    const sparkle = highs(input);
    const punch = beatPunch(input);
    const bass = band(input, 0);
    const sync = input.isBeat && input.params.sync !== false;
    // State arrays and the random source in locals, each value read once: this loop runs per firefly per tick,
    // and an interpreter pays for every lookup (see scripts/README.md, "Writing fast patterns").
    const { px, py, pz, vx, vy, vz, phase: phases, rate } = state;
    const noise = NOISE;
    // A random start each tick (the seeded source keeps the show reproducible); & wraps it in the table.
    let step = Math.floor(input.random() * NOISE_SIZE);
    const blinkSpeed = blinkRate * (1 + 2 * sparkle) * dt;
    for (let i = 0; i < n; i++) {
      // A random walk on the velocity, damped, keeps the flight smooth.
      let dx = vx[i]! * 0.95 + noise[step & (NOISE_SIZE - 1)]! * wander * 0.5;
      let dy = vy[i]! * 0.95 + noise[(step + 1) & (NOISE_SIZE - 1)]! * wander * 0.3;
      let dz = vz[i]! * 0.95 + noise[(step + 2) & (NOISE_SIZE - 1)]! * wander * 0.5;
      step += 3;
      let x = px[i]! + dx * dt;
      let y = py[i]! + dy * dt;
      let z = pz[i]! + dz * dt;
      if (x < 0.05 || x > 0.95) dx = -dx;
      if (y < 0.05 || y > 0.95) dy = -dy;
      if (z < 0.05 || z > 0.95) dz = -dz;
      // Kept inside 0.04–0.96 (NaN lands on 0.04), as `clamp` would.
      x = x >= 0.04 ? (x <= 0.96 ? x : 0.96) : 0.04;
      y = y >= 0.04 ? (y <= 0.96 ? y : 0.96) : 0.04;
      z = z >= 0.04 ? (z <= 0.96 ? z : 0.96) : 0.04;
      vx[i] = dx;
      vy[i] = dy;
      vz[i] = dz;
      px[i] = x;
      py[i] = y;
      pz[i] = z;
      // fract() spelled out (a call per firefly costs more than the line): phases stay within 0–1.
      let phase = phases[i]! + rate[i]! * blinkSpeed;
      phase = phase < 1 ? phase : phase - Math.floor(phase);
      if (sync) phase = phase > 0.5 ? phase + (1 - phase) * SYNC_PULL : phase * (1 - SYNC_PULL);
      if (!(phase >= 0 && phase < 1)) phase = 0; // NaN from a broken dt or a phase of exactly 1
      phases[i] = phase;
      // A blink is a short bright peak at phase 0, then darkness.
      const blink = BLINK[(phase * BLINK_STEPS) | 0]! + punch * 0.8;
      const lit = blink > 0.35;
      const glowLevel = blink * (0.6 + 0.6 * sparkle);
      writeEntity(
        out,
        i,
        x,
        y,
        z,
        0.2 + 0.3 * blink + 0.15 * bass,
        (Math.atan2(dx, dz) * 360) / TAU,
        lit ? 3 + (i % 2) : 1,
        1 + 14 * (glowLevel < 1 ? glowLevel : 1),
        lit,
      );
    }
    hideFrom(out, n);
  },
};

export default fireflies;
