/**
 * The DJ keys file: `{"djs": {"<dj_id>": {"name": "...", "key_hash": "scrypt:..."}}}`. Only hashes are
 * accepted; a plaintext key makes the whole file refused at load, with a message saying how to fix it.
 */
import fs from 'node:fs';
import { NAME_PATTERN } from '@audioviz/shared-types';
import { writeFileAtomic } from '../atomic-file';
import { hashSecret, isSecretHash } from './secret-hash';

export interface DjKeyEntry {
  readonly name: string;
  readonly key_hash: string;
}

export interface DjKeys {
  readonly djs: Readonly<Record<string, DjKeyEntry>>;
}

/** A keys file that cannot be used; `message` says what is wrong and what to do. */
export class DjKeysError extends Error {
  override readonly name = 'DjKeysError';
}

const DJ_ID = new RegExp(NAME_PATTERN);
/** A keys file larger than this is refused before parsing. */
const MAX_KEYS_FILE_BYTES = 4 * 1024 * 1024;

/** Parses and checks a keys file's text. `source` names it in error messages. */
export function parseDjKeys(text: string, source: string): DjKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DjKeysError(`${source}: not valid JSON; expected {"djs": {"<dj_id>": {"name", "key_hash"}}}`);
  }
  const djs = (value as { djs?: unknown } | null)?.djs;
  if (typeof djs !== 'object' || djs === null || Array.isArray(djs)) {
    throw new DjKeysError(
      `${source}: missing "djs" object; expected {"djs": {"<dj_id>": {"name", "key_hash"}}}`,
    );
  }
  const out: Record<string, DjKeyEntry> = {};
  for (const [id, entry] of Object.entries(djs as Record<string, unknown>)) {
    if (!DJ_ID.test(id))
      throw new DjKeysError(`${source}: DJ id ${JSON.stringify(id)} does not match ${NAME_PATTERN}`);
    const e = entry as { name?: unknown; key_hash?: unknown; key?: unknown } | null;
    if (typeof e !== 'object' || e === null)
      throw new DjKeysError(`${source}: entry of "${id}" is not an object`);
    if (e.key !== undefined || typeof e.key_hash !== 'string' || !isSecretHash(e.key_hash)) {
      throw new DjKeysError(
        `${source}: DJ "${id}" has no scrypt key_hash (plaintext keys are refused); ` +
          `run "audioviz-hub hash-key ${id} <key> --file ${source}" to store a hash instead`,
      );
    }
    out[id] = { name: typeof e.name === 'string' ? e.name : id, key_hash: e.key_hash };
  }
  return { djs: out };
}

/** Reads and checks a keys file; throws DjKeysError with a readable message. */
export function loadDjKeys(file: string): DjKeys {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DjKeysError(
      `${file}: DJ keys file not found; create it with "audioviz-hub hash-key <dj_id> <key> --file ${file}"`,
    );
  }
  if (stat.size > MAX_KEYS_FILE_BYTES)
    throw new DjKeysError(`${file}: larger than ${MAX_KEYS_FILE_BYTES} bytes`);
  return parseDjKeys(fs.readFileSync(file, 'utf8'), file);
}

/**
 * Adds or replaces one DJ's entry (creating the file), storing a fresh salted hash of `key`.
 * The file is written atomically and readable by its owner only.
 */
export async function upsertDjKey(
  file: string,
  djId: string,
  key: string,
  name?: string,
): Promise<DjKeyEntry> {
  if (!DJ_ID.test(djId))
    throw new DjKeysError(`DJ id ${JSON.stringify(djId)} does not match ${NAME_PATTERN}`);
  if (key.length === 0) throw new DjKeysError('the DJ key must not be empty');
  const current = fs.existsSync(file) ? loadDjKeys(file) : { djs: {} };
  const entry: DjKeyEntry = {
    name: name ?? current.djs[djId]?.name ?? djId,
    key_hash: await hashSecret(key),
  };
  const next: DjKeys = { djs: { ...current.djs, [djId]: entry } };
  writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, 0o600);
  return entry;
}
