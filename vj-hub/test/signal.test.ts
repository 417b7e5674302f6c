import assert from 'node:assert/strict';
import { Signal } from '../src/signal';

describe('signal', () => {
  it('delivers to every listener in order and stops after unsubscribe', () => {
    const signal = new Signal<number>();
    const seen: string[] = [];
    const off = signal.on((n) => seen.push(`a${n}`));
    signal.on((n) => seen.push(`b${n}`));
    signal.emit(1);
    off();
    signal.emit(2);
    assert.deepEqual(seen, ['a1', 'b1', 'b2']);
    assert.equal(signal.size, 1);
  });

  it('still reaches later listeners when one throws, and reports the error', async () => {
    const signal = new Signal<void>();
    let reached = false;
    signal.on(() => {
      throw new Error('listener bug');
    });
    signal.on(() => (reached = true));
    const reported = new Promise<Error>((resolve) => {
      const original = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      process.once('uncaughtException', (err) => {
        for (const l of original) process.on('uncaughtException', l);
        resolve(err);
      });
    });
    signal.emit();
    assert.equal(reached, true);
    assert.equal((await reported).message, 'listener bug');
  });

  it("hands a listener's exception to its error handler instead", () => {
    const errors: unknown[] = [];
    const signal = new Signal<void>((err) => errors.push(err));
    signal.on(() => {
      throw new Error('handled');
    });
    signal.emit();
    assert.equal((errors[0] as Error).message, 'handled');
  });
});
