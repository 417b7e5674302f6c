import assert from 'node:assert/strict';
import { ClaveCheck } from '../../src/analysis/clave-check';

const PERIOD = 100; // hops per beat
const SIXTEENTH = PERIOD / 4;

/**
 * Pushes `beats` beats of click-region flux, judging once a beat on a grid whose beats fall `gridOffset`
 * hops after the music's. `strokes` are the sixteenths of a bar that sound (loud), over a quiet shaker.
 * Returns the beats (counted from 0) on which `judge` asked for the grid to move; each move is applied.
 */
function play(check: ClaveCheck, strokes: readonly number[], beats: number, gridOffset: number): number[] {
  const moves: number[] = [];
  let offset = gridOffset;
  for (let hop = 0; hop < beats * PERIOD; hop++) {
    const step = hop / SIXTEENTH;
    const onStep = Number.isInteger(step);
    const flux = onStep ? (strokes.includes(step % 16) ? 1 : 0.2) : 0;
    check.push(flux);
    if (hop > offset && (hop - offset) % PERIOD === 0 && check.judge(hop, PERIOD)) {
      moves.push(hop / PERIOD);
      offset += PERIOD / 2;
    }
  }
  return moves;
}

describe('ClaveCheck', () => {
  const SON_CLAVE = [0, 3, 6, 10, 12];

  it('moves a grid on the off-beat of a son clave once, then holds it', () => {
    const check = new ClaveCheck(PERIOD);
    const moves = play(check, SON_CLAVE, 64, PERIOD / 2);
    assert.equal(moves.length, 1, `moved on beats ${moves.join(', ')}`);
    assert.ok(moves[0]! <= 16, `moved only on beat ${moves[0]}`);
    assert.ok(check.holdsGrid);
  });

  it('holds a grid already on the beat without moving it, in either clave direction', () => {
    for (const strokes of [SON_CLAVE, SON_CLAVE.map((s) => (s + 8) % 16)]) {
      const check = new ClaveCheck(PERIOD);
      assert.deepEqual(play(check, strokes, 64, 0), []);
      assert.ok(check.holdsGrid);
    }
  });

  it('leaves music without a clave alone: four on the floor, every eighth, a backbeat', () => {
    for (const strokes of [
      [0, 4, 8, 12],
      [0, 2, 4, 6, 8, 10, 12, 14],
      [4, 12],
    ]) {
      const check = new ClaveCheck(PERIOD);
      assert.deepEqual(play(check, strokes, 64, PERIOD / 2), [], `strokes ${strokes.join(',')}`);
      assert.ok(!check.holdsGrid);
    }
  });

  it('lets go of the grid once the clave has left its four bars of memory, and two bars more', () => {
    const check = new ClaveCheck(PERIOD);
    play(check, SON_CLAVE, 32, 0);
    assert.ok(check.holdsGrid);
    let hop = 32 * PERIOD;
    let released = -1;
    for (let beat = 1; beat <= 40 && released < 0; beat++) {
      for (let i = 0; i < PERIOD; i++, hop++) check.push(0);
      check.judge(hop - 1, PERIOD);
      if (!check.holdsGrid) released = beat;
    }
    assert.ok(released > 8 && released <= 24, `released after ${released} beats`);
  });
});
