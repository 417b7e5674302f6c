/**
 * Strobe: the show blinks between full light and dark, on sixteenth notes when the tempo is known
 * (so it locks to the music), else at a fixed 8 Hz.
 */
import type { Effect } from './effect';
import { fadeOut } from './effect-math';

/** Blinks per second when the tempo is unknown. */
const FALLBACK_HZ = 8;

const strobe: Effect = {
  meta: { name: 'strobe', description: 'Blinks the show on and off in time', defaultDurationMs: 2000 },
  apply(out, run, input) {
    if (fadeOut(run) <= 0) return;
    const hz = input.bpm > 0 ? (input.bpm / 60) * 4 : FALLBACK_HZ;
    const on = Math.floor(run.elapsed * hz * 2) % 2 === 0;
    for (let i = 0; i < out.count; i++) {
      if (on) {
        out.brightness[i] = 15;
        out.glow[i] = 1;
      } else {
        out.brightness[i] = 0;
        out.glow[i] = 0;
        out.scale[i] = 0;
      }
    }
  },
};

export default strobe;
