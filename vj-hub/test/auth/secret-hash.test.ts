import assert from 'node:assert/strict';
import { hashSecret, isSecretHash, verifySecret } from '../../src/auth/secret-hash';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('secret-hash', () => {
  it('verifies the secret it hashed and refuses any other', async () => {
    const hash = await hashSecret('correct horse', CHEAP);
    assert.equal(await verifySecret('correct horse', hash), true);
    assert.equal(await verifySecret('correct hors', hash), false);
    assert.equal(await verifySecret('', hash), false);
  });

  it('salts every hash, so one secret hashes differently twice', async () => {
    const a = await hashSecret('same', CHEAP);
    const b = await hashSecret('same', CHEAP);
    assert.notEqual(a, b);
    assert.match(a, /^scrypt:1024:8:1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
  });

  it('uses the default cost parameters when none are given', async () => {
    assert.match(await hashSecret('x'), /^scrypt:16384:8:1:/);
  });

  it('recognises a hash and refuses plaintext and hostile parameters', () => {
    assert.equal(isSecretHash('hunter2'), false);
    assert.equal(
      isSecretHash('scrypt:1000:8:1:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=='),
      false,
      'N not a power of two',
    );
    assert.equal(
      isSecretHash('scrypt:1073741824:8:1:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=='),
      false,
      'N too large',
    );
    assert.equal(isSecretHash('scrypt:1024:8:1:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=='), true);
  });

  it('answers false, not an exception, for a malformed stored hash', async () => {
    assert.equal(await verifySecret('x', 'scrypt:garbage'), false);
    assert.equal(await verifySecret('x', 'plaintext'), false);
  });
});
