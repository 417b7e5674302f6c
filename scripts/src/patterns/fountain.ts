/**
 * Fountain: jets of droplets shot up from the centre of the floor, arcing down under gravity. The bass sets how
 * high they fly and how many leave, every beat fires a burst, and droplets near the top of their flight
 * sparkle with the highs.
 */
import type { Pattern } from './pattern';
import {
  TAU,
  band,
  beatPunch,
  clamp,
  clamp01,
  hideFrom,
  highs,
  lightFrom,
  liveCount,
  numParam,
  writeEntity,
} from './shape-math';

interface FountainState {
  readonly capacity: number;
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly pz: Float32Array;
  readonly vx: Float32Array;
  readonly vy: Float32Array;
  readonly vz: Float32Array;
  /** 1 while a droplet is in the air. */
  readonly alive: Uint8Array;
  /** Next droplet to launch: round robin, so the oldest is reused. */
  cursor: number;
  /** Fractional droplets owed by the steady stream. */
  owed: number;
}

/** Zone heights per second squared. */
const GRAVITY = 1.6;

const fountain: Pattern<FountainState> = {
  meta: {
    id: 'fountain',
    name: 'Fountain',
    category: 'organic',
    recommendedEntities: 160,
    params: {
      power: {
        type: 'number',
        description: 'Launch speed at full bass, zone heights per second',
        default: 1.6,
        min: 0.5,
        max: 3,
      },
      flow: {
        type: 'number',
        description: 'Droplets per second at full volume, as a share of all entities',
        default: 0.6,
        min: 0,
        max: 3,
      },
      burst: {
        type: 'number',
        description: 'Share of all droplets fired by one full beat',
        default: 0.3,
        min: 0,
        max: 1,
      },
      spread: {
        type: 'number',
        description: 'Sideways speed of the droplets, zone widths per second',
        default: 0.3,
        min: 0,
        max: 1,
      },
      jets: {
        type: 'number',
        description: 'Nozzles around the centre, each throwing its own arc',
        default: 8,
        min: 1,
        max: 16,
      },
    },
  },
  create(entityCount) {
    return {
      capacity: entityCount,
      px: new Float32Array(entityCount),
      py: new Float32Array(entityCount),
      pz: new Float32Array(entityCount),
      vx: new Float32Array(entityCount),
      vy: new Float32Array(entityCount),
      vz: new Float32Array(entityCount),
      alive: new Uint8Array(entityCount),
      cursor: 0,
      owed: 0,
    };
  },
  calculate(input, state, out) {
    const n = liveCount(out, state.capacity);
    const bass = band(input, 0);
    const power = numParam(input, 'power', 1.6);
    const spread = numParam(input, 'spread', 0.3);
    const jets = Math.max(1, Math.round(numParam(input, 'jets', 8)));
    const sparkle = highs(input);
    const punch = beatPunch(input);
    state.owed += n * numParam(input, 'flow', 0.6) * input.amplitude * clamp(input.dt, 0, 1);
    let launches = Math.floor(state.owed);
    state.owed -= launches;
    if (input.isBeat)
      launches += Math.round(n * numParam(input, 'burst', 0.3) * clamp01(input.beatIntensity));
    if (launches > n) launches = n;
    for (let k = 0; k < launches; k++) {
      const i = state.cursor;
      state.cursor = (state.cursor + 1) % n;
      // Each droplet leaves from one nozzle with a little scatter, so the jets draw clear arcs.
      const a = ((i % jets) + 0.15 * (input.random() - 0.5)) * (TAU / jets);
      const side = spread * (0.85 + 0.15 * input.random());
      state.px[i] = 0.5;
      state.py[i] = 0.02;
      state.pz[i] = 0.5;
      state.vx[i] = Math.cos(a) * side;
      state.vz[i] = Math.sin(a) * side;
      state.vy[i] = power * (0.55 + 0.45 * bass) * (0.95 + 0.1 * input.random()) * (input.isBeat ? 1.15 : 1);
      state.alive[i] = 1;
    }
    const dt = clamp(input.dt, 0, 1);
    for (let i = 0; i < n; i++) {
      if (state.alive[i] === 0) {
        writeEntity(out, i, 0.5, 0, 0.5, 0, 0, 0, 0, false);
        continue;
      }
      state.vy[i] -= GRAVITY * dt;
      state.px[i] += state.vx[i] * dt;
      state.py[i] += state.vy[i] * dt;
      state.pz[i] += state.vz[i] * dt;
      // Droplets bounce off the zone's walls, and are gone when they land.
      if (state.px[i] < 0 || state.px[i] > 1) state.vx[i] = -state.vx[i];
      if (state.pz[i] < 0 || state.pz[i] > 1) state.vz[i] = -state.vz[i];
      if (state.py[i] > 1) state.vy[i] = -Math.abs(state.vy[i]) * 0.5;
      if (state.py[i] <= 0 && state.vy[i] < 0) state.alive[i] = 0;
      const apex = 1 - clamp01(Math.abs(state.vy[i]) / power);
      const height = clamp01(state.py[i]);
      writeEntity(
        out,
        i,
        state.px[i],
        state.py[i],
        state.pz[i],
        state.alive[i] === 0 ? 0 : 0.35 + 0.4 * bass + 0.3 * punch + 0.2 * apex * sparkle,
        i * 37,
        Math.min(4, Math.floor(height * 5)),
        lightFrom(0.4 + apex * sparkle + punch * 0.3),
        apex > 0.8 && sparkle > 0.4,
      );
    }
    hideFrom(out, n);
  },
};

export default fountain;
