/**
 * A part of the show running as a real child process: its output goes to a log file (named in failure messages)
 * and is scanned line by line, so a test waits on what the process says instead of sleeping. Every started
 * process is remembered and killed when the test process exits, so a failed run leaves no orphans.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ProcessSpec {
  /** Short name for messages and the log file, e.g. "hub". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Folder for `<name>-<n>.log`. */
  readonly logDir: string;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Lines kept in memory per process for waiting and for failure messages. */
const KEPT_LINES = 2_000;

const running = new Set<ManagedProcess>();
let exitHookInstalled = false;
let logCounter = 0;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const p of running) p.child.kill('SIGKILL');
  };
  // Last resort for a crashed or interrupted run; the normal path stops processes itself.
  process.on('exit', killAll);
  // A signal to this process alone (a CI time-out) would otherwise leave the parts running.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

export class ManagedProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  private exitInfo: Exit | null = null;
  private readonly lines: string[] = [];
  private readonly lineListeners = new Set<(line: string) => void>();

  private constructor(readonly spec: ProcessSpec) {
    fs.mkdirSync(spec.logDir, { recursive: true });
    this.logFile = path.join(spec.logDir, `${spec.name}-${++logCounter}.log`);
    const log = fs.createWriteStream(this.logFile);
    log.write(`$ ${spec.command} ${spec.args.join(' ')}\n`);
    this.child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        log.write(chunk);
        partial += chunk;
        let nl: number;
        while ((nl = partial.indexOf('\n')) >= 0) {
          this.addLine(partial.slice(0, nl).replace(/\r$/, ''));
          partial = partial.slice(nl + 1);
        }
      });
    }
    this.exited = new Promise((resolve) => {
      const done = (info: Exit): void => {
        if (this.exitInfo !== null) return;
        this.exitInfo = info;
        running.delete(this);
        log.end(`\n[exited: code ${info.code}, signal ${info.signal}]\n`);
        resolve(info);
      };
      this.child.on('exit', (code, signal) => done({ code, signal }));
      this.child.on('error', (err) => {
        this.addLine(`[could not start ${spec.command}: ${err.message}]`);
        done({ code: 127, signal: null });
      });
    });
    running.add(this);
    installExitHook();
  }

  static start(spec: ProcessSpec): ManagedProcess {
    return new ManagedProcess(spec);
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The exit, once it happened; null while running. */
  get exit(): Exit | null {
    return this.exitInfo;
  }

  /** The last `count` lines of output, for failure messages. */
  tail(count = 30): string {
    return this.lines.slice(-count).join('\n');
  }

  /** Every line printed so far that matches. */
  linesMatching(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  /**
   * Resolves with the first line (already printed or future) matching `pattern`. Rejects, with the output's tail
   * and the log file, if the process exits first or `timeoutMs` passes.
   */
  waitForLine(pattern: RegExp, timeoutMs: number, what = String(pattern)): Promise<RegExpMatchArray> {
    for (const line of this.lines) {
      const match = pattern.exec(line);
      if (match) return Promise.resolve(match);
    }
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.lineListeners.delete(onLine);
      };
      const onLine = (line: string): void => {
        const match = pattern.exec(line);
        if (match) {
          cleanup();
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(this.failure(`${what} did not happen within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.lineListeners.add(onLine);
      void this.exited.then((info) => {
        if (!this.lineListeners.has(onLine)) return;
        cleanup();
        reject(this.failure(`exited (code ${info.code}, signal ${info.signal}) before ${what}`));
      });
    });
  }

  /** An Error naming the process, quoting its last output and pointing at its log. */
  failure(message: string): Error {
    return new Error(`${this.name}: ${message}\n--- last output (${this.logFile}) ---\n${this.tail()}`);
  }

  /** Sends `signal` and waits for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    if (this.exitInfo === null) this.child.kill(signal);
    return this.exited;
  }

  /** Asks the process to stop (SIGTERM), then kills it if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (this.exitInfo !== null) return this.exitInfo;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const info = await this.exited;
    clearTimeout(timer);
    return info;
  }

  /** Calls `listener` with every future line; returns the function that unsubscribes it. */
  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  private addLine(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    for (const listener of [...this.lineListeners]) listener(line);
  }
}

/** Stops every process still running, newest first (agent before hub before server). */
export async function stopAll(graceMs = 10_000): Promise<void> {
  for (const p of [...running].reverse()) await p.stop(graceMs);
}
