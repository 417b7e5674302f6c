/**
 * Hostile input, longer than the test runs it: fuzz frames (e2e/src/fuzz, a seed the test does not use) as fast as
 * the sockets take them, on the standalone server's :8765 and on the hub's :9000 and :8766. Figures: frames per
 * second each port took (`fuzz.plugin_frames_per_s`, `fuzz.hub_frames_per_s`), the resident memory of the
 * server and of the hub before and after (`fuzz.server_rss_growth_mb`, `fuzz.hub_rss_growth_mb`), the server's
 * Java heap after a full collection, before and after (`fuzz.server_heap_growth_mb`), and whether
 * both still answered afterwards (`fuzz.alive`, 1 = yes). AUDIOVIZ_FUZZ_COUNT sets the frames per port.
 * Needs a JDK 25 and the built server jar (npm run build); says so and reports nothing otherwise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { report } from '../../tools/measure.cjs';
import { stopAll } from '../src/child-process';
import { flood } from '../src/fuzz/flood';
import { browserMessage, djMessage, frames, pluginMessage } from '../src/fuzz/messages';
import { SeqSocket, type Message } from '../src/seq-socket';
import { DJ_ID, DJ_KEY, ShowStack } from '../src/show-stack';
import { findServerJdk, javaBinary, serverJarStaleness } from '../src/server-build';

const COUNT = Number(process.env['AUDIOVIZ_FUZZ_COUNT'] ?? 30_000);
/** Not the test's seed: figures from frames nobody fixed anything against. */
const SEED = 424242;

/** Resident memory of a process, MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * The server's Java heap in use right after a full collection, MB: unlike its RSS (the JVM keeps what it once
 * grew to), this falls back when nothing is retained, so growth here means something the flood left behind.
 */
function heapAfterGcMb(jcmd: string, pid: number | undefined): number {
  if (pid === undefined) return NaN;
  execFileSync(jcmd, [String(pid), 'GC.run'], { stdio: 'ignore' });
  const info = execFileSync(jcmd, [String(pid), 'GC.heap_info'], { encoding: 'utf8' });
  return Number(/heap\s+total[^\n]*used (\d+)K/.exec(info)?.[1] ?? NaN) / 1024;
}

async function answers(url: string, request: Message, expected: string): Promise<boolean> {
  try {
    const { socket } = await SeqSocket.connect(url);
    try {
      return (await socket.request(request)).type === expected;
    } finally {
      socket.close();
    }
  } catch (err) {
    console.error(`  ${url} did not answer ${String(request['type'])}: ${String(err)}`);
    return false;
  }
}

async function main(): Promise<void> {
  const jdk = findServerJdk();
  if (jdk === null) return console.error('fuzz bench skipped: no JDK 25 (the standalone server needs it)');
  const stale = serverJarStaleness();
  if (stale !== null)
    return console.error(`fuzz bench skipped: the server jar is not current (${stale}); run npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-fuzz-bench-'));
  const stack = await ShowStack.prepare(dir, jdk);
  let ok = false;
  try {
    await stack.startServer({ 'engine.max_entities_per_zone': '256' });
    await stack.startHub();
    const server = stack.server!;
    const hub = stack.hub!;
    const plugin = `ws://127.0.0.1:${server.socketPort}`;
    const jcmd = path.join(path.dirname(javaBinary(jdk)), 'jcmd');
    const serverBefore = rssMb(server.process.pid);
    const heapBefore = heapAfterGcMb(jcmd, server.process.pid);
    const hubBefore = rssMb(hub.process.pid);

    console.error(`flooding :8765 with ${COUNT} fuzz frames (seed ${SEED})…`);
    const onPlugin = await flood(plugin, frames(pluginMessage, COUNT, SEED), { sockets: 3, binaryEvery: 97 });
    console.error(`  ${onPlugin.replies} replies in ${onPlugin.ms} ms`);
    report('fuzz.plugin_frames_per_s', (onPlugin.sent / onPlugin.ms) * 1000, 'frames/s');

    console.error(`flooding :9000 and :8766 with ${COUNT} fuzz frames each…`);
    const dj = `ws://127.0.0.1:${hub.djPort}`;
    const browser = `ws://127.0.0.1:${hub.browserPort}`;
    const hello = JSON.stringify({ type: 'dj_auth', dj_id: DJ_ID, dj_key: DJ_KEY, dj_name: 'Fuzz' });
    const runs = [
      await flood(dj, frames(djMessage, COUNT / 2, SEED), { sockets: 1 }),
      await flood(dj, frames(djMessage, COUNT / 2, SEED + 1), { sockets: 1, hello }),
      await flood(browser, frames(browserMessage, COUNT, SEED), { sockets: 2 }),
    ];
    const sent = runs.reduce((n, r) => n + r.sent, 0);
    const ms = runs.reduce((n, r) => n + r.ms, 0);
    report('fuzz.hub_frames_per_s', (sent / ms) * 1000, 'frames/s');

    report('fuzz.server_rss_growth_mb', rssMb(server.process.pid) - serverBefore, 'MB');
    report('fuzz.server_heap_growth_mb', heapAfterGcMb(jcmd, server.process.pid) - heapBefore, 'MB');
    report('fuzz.hub_rss_growth_mb', rssMb(hub.process.pid) - hubBefore, 'MB');
    const alive =
      (await answers(plugin, { type: 'get_zones' }, 'zones')) &&
      (await answers(browser, { type: 'get_state' }, 'vj_state'));
    report('fuzz.alive', alive ? 1 : 0, 'bool', { min: 1 });
    ok = alive;
  } finally {
    await stack.stop();
    await stopAll();
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`fuzz bench failed; logs in ${stack.logDir}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
