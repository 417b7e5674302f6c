/**
 * Salted scrypt hashes for DJ keys and the admin password (docs/design.md "Safety and faults"): stored as
 * `scrypt:<N>:<r>:<p>:<salt base64>:<hash base64>`, checked in constant time, never kept in plain text.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters of newly created hashes (N = 2^14, r = 8, p = 1: ~16 MiB, tens of ms). */
export const SCRYPT_DEFAULTS = { N: 16_384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse stored hashes whose cost would let a hostile file exhaust memory or CPU. */
const MAX_N = 1 << 20;
const PREFIX = 'scrypt:';

interface ParsedHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function derive(secret: string, salt: Buffer, length: number, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, { ...cost, maxmem: 256 * cost.N! * cost.r! + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** True when `text` has the shape of a stored scrypt hash (not a plaintext secret). */
export function isSecretHash(text: string): boolean {
  return parseHash(text) !== null;
}

function parseHash(text: string): ParsedHash | null {
  if (!text.startsWith(PREFIX)) return null;
  const parts = text.slice(PREFIX.length).split(':');
  if (parts.length !== 5) return null;
  const [n, r, p, salt, hash] = parts as [string, string, string, string, string];
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_N || !Number.isInteger(R) || R < 1 || R > 32) return null;
  if (!Number.isInteger(P) || P < 1 || P > 16) return null;
  const saltBytes = Buffer.from(salt, 'base64');
  const hashBytes = Buffer.from(hash, 'base64');
  if (saltBytes.length < 8 || hashBytes.length < 16) return null;
  return { N, r: R, p: P, salt: saltBytes, hash: hashBytes };
}

/**
 * Hashes a secret with a fresh random salt.
 * @param cost scrypt parameters; defaults to SCRYPT_DEFAULTS (tests may pass a cheaper N)
 */
export async function hashSecret(
  secret: string,
  cost: { N: number; r: number; p: number } = SCRYPT_DEFAULTS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, KEY_BYTES, cost);
  return `${PREFIX}${cost.N}:${cost.r}:${cost.p}:${salt.toString('base64')}:${key.toString('base64')}`;
}

/** Checks a secret against a stored hash in constant time; false for a malformed hash or a failed derivation. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null) return false;
  try {
    const key = await derive(secret, parsed.salt, parsed.hash.length, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
    });
    return timingSafeEqual(key, parsed.hash);
  } catch {
    return false;
  }
}
