import assert from 'node:assert/strict';
import { FakeClock } from '@audioviz/shared-types';
import { createLogger } from '../src/logger';

describe('logger', () => {
  it('writes one JSON object per line with time, level, component and fields', () => {
    const lines: string[] = [];
    const log = createLogger({ clock: new FakeClock(0), write: (l) => lines.push(l) }).child('dj');
    log.info('DJ connected', { dj_id: 'a' });
    assert.deepEqual(JSON.parse(lines[0]!), {
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      component: 'dj',
      msg: 'DJ connected',
      dj_id: 'a',
    });
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.debug('x');
    log.info('x');
    log.warn('w');
    log.error('e');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as { level: string }).level),
      ['warn', 'error'],
    );
    const silent: string[] = [];
    createLogger({ level: 'silent', write: (l) => silent.push(l) }).error('x');
    assert.equal(silent.length, 0);
  });

  it('survives fields that cannot be serialised', () => {
    const lines: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    createLogger({ write: (l) => lines.push(l) }).warn('odd', { cyclic });
    assert.equal((JSON.parse(lines[0]!) as { msg: string }).msg, 'odd');
  });
});
