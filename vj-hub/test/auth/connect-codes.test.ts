import assert from 'node:assert/strict';
import { CONNECT_CODE_TTL_MS, DJ_INBOUND, FakeClock, seededRandom } from '@audioviz/shared-types';
import { ConnectCodes, MAX_ACTIVE_CONNECT_CODES } from '../../src/auth/connect-codes';

describe('connect-codes', () => {
  const codePattern = new RegExp(DJ_INBOUND.code_auth.properties.code.pattern as string);

  it('issues WORD-XXXX codes that code_auth accepts', () => {
    const codes = new ConnectCodes(new FakeClock(), seededRandom(1));
    for (let i = 0; i < 50; i++) assert.match(codes.generate().code, codePattern);
  });

  it('lets each code in once', () => {
    const codes = new ConnectCodes(new FakeClock(), seededRandom(2));
    const { code } = codes.generate();
    assert.equal(codes.consume(code), true);
    assert.equal(codes.consume(code), false);
  });

  it('expires a code after 30 minutes by default', () => {
    const clock = new FakeClock();
    const codes = new ConnectCodes(clock, seededRandom(3));
    const early = codes.generate();
    const late = codes.generate();
    assert.equal(early.expiresAt, CONNECT_CODE_TTL_MS);
    clock.advance(CONNECT_CODE_TTL_MS - 1);
    assert.equal(codes.consume(early.code), true);
    clock.advance(1);
    assert.equal(codes.consume(late.code), false);
  });

  it('honours a custom time to live', () => {
    const clock = new FakeClock();
    const codes = new ConnectCodes(clock, seededRandom(4));
    const { code } = codes.generate(60_000);
    clock.advance(60_000);
    assert.equal(codes.consume(code), false);
  });

  it('revokes a code', () => {
    const codes = new ConnectCodes(new FakeClock(), seededRandom(5));
    const { code } = codes.generate();
    assert.equal(codes.revoke(code), true);
    assert.equal(codes.consume(code), false);
    assert.equal(codes.revoke(code), false);
  });

  it('keeps at most MAX_ACTIVE_CONNECT_CODES alive, dropping the oldest', () => {
    const codes = new ConnectCodes(new FakeClock(), seededRandom(6));
    const first = codes.generate().code;
    for (let i = 0; i < MAX_ACTIVE_CONNECT_CODES + 20; i++) codes.generate();
    assert.equal(codes.active().length, MAX_ACTIVE_CONNECT_CODES);
    assert.equal(codes.consume(first), false);
  });
});
