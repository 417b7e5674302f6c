/** Checks a `dj_auth` against the keys file, or accepts everyone when the hub runs with `--no-auth`. */
import { verifySecret } from './secret-hash';
import type { DjKeys } from './dj-keys';

export type DjAuthResult =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly error: string };

export interface DjAuthenticator {
  verify(djId: string, key: string, offeredName: string): Promise<DjAuthResult>;
}

const REJECTED = 'Invalid DJ id or key; check them with the hub operator';

/** Verifies against stored scrypt hashes; an unknown id and a wrong key get the same answer. */
export function keysAuthenticator(keys: DjKeys | null): DjAuthenticator {
  return {
    async verify(djId, key) {
      const entry =
        keys !== null && Object.prototype.hasOwnProperty.call(keys.djs, djId) ? keys.djs[djId] : undefined;
      if (entry === undefined) return { ok: false, error: REJECTED };
      return (await verifySecret(key, entry.key_hash))
        ? { ok: true, name: entry.name }
        : { ok: false, error: REJECTED };
    },
  };
}

/** `--no-auth`: every DJ id and key is accepted (for a hub on a trusted LAN or in tests). */
export const openAuthenticator: DjAuthenticator = {
  verify: async (_djId, _key, offeredName) => ({ ok: true, name: offeredName }),
};
