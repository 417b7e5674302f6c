// Runs a child process with inherited output and resolves to its exit code (never rejects).
import { spawn } from 'node:child_process';

export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
    child.on('error', (err) => {
      console.error(`could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Prints a step heading so long runs show where they are. */
export function step(text) {
  console.log(`\n▶ ${text}`);
}
