/**
 * The assertions the end-to-end suite makes about a running show, shared by its tests: the entities the client
 * sees move on the beats the agent sends.
 */
import assert from 'node:assert/strict';
import type { FrameTap } from './frame-tap';
import type { MinecraftViewer } from './minecraft-viewer';
import { beatCorrelation, movingEntities, type BeatCorrelation } from './show-analysis';

/** The test material: `synth:click:128`. */
export const CLICK_BPM = 128;
export const BEAT_PERIOD_MS = 60_000 / CLICK_BPM;
/** The motion a beat causes reaches the client well within this, ms (hub window + server tick + interpolation). */
export const RESPONSE_WINDOW_MS = 400;
/** Beats per correlation check (≈ 7.5 s): enough that neither luck nor one bad moment decides it. */
export const BEATS_PER_CHECK = 16;
/**
 * Correlation the beat must reach with the motion that follows it over a check's beats. Motion of the same kind at
 * random times scores about 0.1 at most (the analysis tests check it stays below this); the built-in patterns driven by
 * the click score 0.25–0.45 on the real chain.
 */
export const MIN_BEAT_CORRELATION = 0.2;

/**
 * Waits for `beats` beat frames from now, then correlates them with what the client saw in that span. With
 * `attempts` > 1 a window that misses is followed by a fresh one, for a show that is still settling (a server just
 * started, on a busy machine): motion that ignores the beat scores about half the threshold, so a second window
 * does not let it pass.
 * @returns the correlation, after asserting it shows the motion following the beat
 */
export async function expectMotionOnTheBeat(
  viewer: MinecraftViewer,
  tap: FrameTap,
  beats: number,
  attempts = 1,
): Promise<BeatCorrelation> {
  for (let attempt = 1; ; attempt++) {
    const { result, problem } = await judgeBeats(viewer, tap, beats);
    if (problem === null) return result;
    if (attempt >= attempts) assert.fail(problem);
  }
}

/** One window of `beats` beats from now: the correlation and what is wrong with it (null: it follows the beat). */
async function judgeBeats(
  viewer: MinecraftViewer,
  tap: FrameTap,
  beats: number,
): Promise<{ result: BeatCorrelation; problem: string | null }> {
  const from = Date.now();
  const beatTimes = await tap.beatsAfter(beats, beats * BEAT_PERIOD_MS * 3 + 10_000, from);
  const to = beatTimes[beatTimes.length - 1]! + RESPONSE_WINDOW_MS;
  await viewer.waitFor(
    () => (viewer.updates.some((u) => u.t >= to) ? true : undefined),
    10_000,
    'entity updates after the last beat',
  );
  const updates = viewer.updatesBetween(from - 1000, to + 1000);
  const result = beatCorrelation(updates, beatTimes, {
    fromMs: beatTimes[0]! - BEAT_PERIOD_MS / 2,
    toMs: to,
    periodMs: BEAT_PERIOD_MS,
  });
  const summary =
    `r = ${result.r.toFixed(2)} at ${result.lagMs} ms, half a beat later ${result.offBeatR.toFixed(2)}, ` +
    `${result.beats} beats, ${movingEntities(updates, from, to)} entities moving, ${updates.length} updates`;
  let problem: string | null = null;
  if (result.beats < beats - 1) problem = `too few beats in the window: ${summary}`;
  else if (result.r < MIN_BEAT_CORRELATION) problem = `the motion does not follow the beat: ${summary}`;
  else if (result.offBeatR >= result.r / 2)
    problem = `the motion is as strong off the beat as on it: ${summary}`;
  return { result, problem };
}
