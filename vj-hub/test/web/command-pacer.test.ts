import assert from 'node:assert/strict';
import { BROWSER_COMMANDS_PER_SECOND, FakeClock } from '@audioviz/shared-types';
import { CommandPacer } from '../../web/src/panel/command-pacer';

describe('CommandPacer', () => {
  it('sends up to one less than the hub’s limit at once and the rest as the window frees up', () => {
    const clock = new FakeClock();
    const pacer = new CommandPacer(clock);
    const sent: Array<[number, number]> = [];
    for (let i = 0; i < 20; i++) pacer.submit(() => sent.push([i, clock.now()]));
    const perWindow = BROWSER_COMMANDS_PER_SECOND - 1;
    assert.equal(sent.length, perWindow);
    assert.equal(pacer.backlog, 20 - perWindow);
    clock.advance(999);
    assert.equal(sent.length, perWindow);
    clock.advance(1);
    assert.equal(sent.length, 2 * perWindow);
    clock.advance(1000);
    assert.deepEqual(
      sent.map(([i]) => i),
      Array.from({ length: 20 }, (_, i) => i),
      'in order',
    );
  });

  it('never lets more than the limit through in any one-second window', () => {
    const clock = new FakeClock();
    const pacer = new CommandPacer(clock, BROWSER_COMMANDS_PER_SECOND - 1, 1000);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      pacer.submit(() => times.push(clock.now()));
      clock.advance(37);
    }
    clock.advance(20_000);
    assert.equal(times.length, 100);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter(
        (t) => t >= (times[i] as number) && t < (times[i] as number) + 1000,
      ).length;
      assert.ok(
        inWindow < BROWSER_COMMANDS_PER_SECOND,
        `${inWindow} commands in the window from ${times[i]}`,
      );
    }
  });

  it('refuses commands past the backlog limit', () => {
    const clock = new FakeClock();
    const pacer = new CommandPacer(clock, 1, 2);
    let ran = 0;
    const results = [0, 1, 2, 3].map(() => pacer.submit(() => ran++));
    assert.deepEqual(results, [true, true, true, false]);
    clock.advance(5000);
    assert.equal(ran, 3);
  });
});
