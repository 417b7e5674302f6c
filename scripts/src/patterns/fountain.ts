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
    // State in locals, each value read once, clamps spelled out: this loop runs per droplet per tick (see
    // scripts/README.md, "Writing fast patterns").
    const { px, py, pz, vx, vy, vz, alive } = state;
    const fall = GRAVITY * dt;
    const size = 0.35 + 0.4 * bass + 0.3 * punch;
    const light = 0.4 + punch * 0.3;
    for (let i = 0; i < n; i++) {
      if (alive[i] === 0) {
        writeEntity(out, i, 0.5, 0, 0.5, 0, 0, 0, 0, false);
        continue;
      }
      let dx = vx[i]!;
      let dy = vy[i]! - fall;
      let dz = vz[i]!;
      const x = px[i]! + dx * dt;
      const y = py[i]! + dy * dt;
      const z = pz[i]! + dz * dt;
      // Droplets bounce off the zone's walls, and are gone when they land.
      if (x < 0 || x > 1) dx = -dx;
      if (z < 0 || z > 1) dz = -dz;
      if (y > 1) dy = (dy < 0 ? dy : -dy) * 0.5;
      const landed = y <= 0 && dy < 0;
      px[i] = x;
      py[i] = y;
      pz[i] = z;
      vx[i] = dx;
      vy[i] = dy;
      vz[i] = dz;
      if (landed) alive[i] = 0;
      const speed = (dy < 0 ? -dy : dy) / power;
      const apex = speed < 1 ? 1 - speed : 0;
      const height = y > 0 ? (y < 1 ? y : 1) : 0;
      writeEntity(
        out,
        i,
        x,
        y,
        z,
        landed ? 0 : size + 0.2 * apex * sparkle,
        i * 37,
        height * 5, // band: writeEntity keeps it within 0–4 and the store truncates it
        lightFrom(light + apex * sparkle),
        apex > 0.8 && sparkle > 0.4,
      );
    }
    hideFrom(out, n);
  },
};

export default fountain;
