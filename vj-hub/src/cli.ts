#!/usr/bin/env node
/**
 * `audioviz-hub`: a thin command line over `startHub`, plus `hash-key` (DJ keys file) and `hash-password`
 * (admin password hash). Exit status: 0 clean shutdown, 1 cannot start, 2 usage error.
 */
import { ConfigError, USAGE, resolveConfig } from './config';
import { DjKeysError, upsertDjKey } from './auth/dj-keys';
import { hashSecret } from './auth/secret-hash';
import { startHub } from './hub';

async function hashKeyCommand(args: string[]): Promise<number> {
  const positional: string[] = [];
  let name: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--name') name = args[++i];
    else if (arg === '--file') file = args[++i];
    else if (arg.startsWith('--')) return usageError(`hash-key: unknown option ${arg}`);
    else positional.push(arg);
  }
  const [djId, key] = positional;
  if (djId === undefined || key === undefined || positional.length !== 2 || file === undefined) {
    return usageError('hash-key needs <dj_id> <key> and --file FILE');
  }
  await upsertDjKey(file, djId, key, name);
  console.log(`Stored a hashed key for DJ "${djId}" in ${file}. Start the hub with --dj-keys ${file}.`);
  return 0;
}

async function hashPasswordCommand(args: string[]): Promise<number> {
  if (args.length > 1) return usageError('hash-password takes at most one argument');
  const password = args[0] ?? (await readStdin()).replace(/\r?\n$/, '');
  if (password === '') return usageError('hash-password: the password must not be empty');
  console.log(await hashSecret(password));
  return 0;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function usageError(message: string): number {
  console.error(`audioviz-hub: ${message}\n\n${USAGE}`);
  return 2;
}

async function serve(args: string[]): Promise<number> {
  const { config, help } = resolveConfig(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  // Listen for the stop signals before starting, so a signal during start-up still ends cleanly.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const hub = await startHub(config);
  await stopped;
  await hub.close();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'hash-key') return await hashKeyCommand(rest);
    if (command === 'hash-password') return await hashPasswordCommand(rest);
    return await serve(argv);
  } catch (err) {
    if (err instanceof ConfigError) return usageError(err.message);
    if (err instanceof DjKeysError) {
      console.error(`audioviz-hub: ${err.message}`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `audioviz-hub: a port is already in use (${(err as Error).message}); stop the other program or pick another port`,
      );
      return 1;
    }
    console.error(`audioviz-hub: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
