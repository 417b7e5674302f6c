/**
 * The whole chain's figures, on real processes over loopback: latency from the agent's beat frame to the entity
 * update a Minecraft client receives (`e2e.latency_p50_ms`, `e2e.latency_p95_ms`, budget p95 ≤ 75 ms), and the
 * client's entity bytes per second with 256 and 1024 moving entities (`e2e.bytes_per_s_256`, `_1024`).
 * Needs a JDK 25 and the built server jar (npm run build); says so and reports nothing otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, report } from '../../tools/measure.cjs';
import { stopAll } from '../src/child-process';
import { MinecraftViewer } from '../src/minecraft-viewer';
import { SeqSocket } from '../src/seq-socket';
import { beatLatencies, bytesPerSecond, movingEntities } from '../src/show-analysis';
import { BEAT_PERIOD_MS, RESPONSE_WINDOW_MS } from '../src/show-checks';
import { ShowStack } from '../src/show-stack';
import { findServerJdk, serverJarStaleness } from '../src/server-build';

/** Beats whose latency is measured (≈ 30 s at 128 BPM). */
const LATENCY_BEATS = 64;
/** Span over which bytes per second are averaged, in beats (≈ 5.6 s). */
const BYTES_BEATS = 12;

async function main(): Promise<void> {
  const jdk = findServerJdk();
  if (jdk === null) return console.error('e2e bench skipped: no JDK 25 (the standalone server needs it)');
  const stale = serverJarStaleness();
  if (stale !== null)
    return console.error(`e2e bench skipped: the server jar is not current (${stale}); run npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audioviz-e2e-bench-'));
  const stack = await ShowStack.prepare(dir, jdk);
  let ok = false;
  try {
    await stack.start('synth:click:128', { 'engine.max_entities_per_zone': '1024' });
    const viewer = await MinecraftViewer.join({
      port: stack.server!.port,
      username: 'Bench',
      logDir: stack.logDir,
    });
    const tap = stack.tap!;
    const operator = (await SeqSocket.connect(`ws://127.0.0.1:${stack.hub!.browserPort}`)).socket;

    // Let the show settle (pool spawned, beat tracker locked), then time every beat's answer.
    await tap.beatsAfter(8, 60_000);
    console.error(`measuring latency over ${LATENCY_BEATS} beats…`);
    const beats = await tap.beatsAfter(LATENCY_BEATS, LATENCY_BEATS * BEAT_PERIOD_MS * 2 + 10_000);
    await tap.beatsAfter(1, 10_000);
    const latencies = beatLatencies(viewer.updates, beats, RESPONSE_WINDOW_MS);
    console.error(`  ${latencies.length} of ${beats.length} beats answered`);
    const sorted = [...latencies].sort((x, y) => x - y);
    console.error(`  latencies, ms: ${sorted.map((l) => Math.round(l)).join(' ')}`);
    report('e2e.latency_p50_ms', percentile(latencies, 0.5), 'ms');
    report('e2e.latency_p95_ms', percentile(latencies, 0.95), 'ms', { max: 75 });

    for (const count of [256, 1024]) {
      const reply = await operator.request({ type: 'set_entity_count', count });
      if (reply.type === 'error') throw new Error(`set_entity_count ${count}: ${JSON.stringify(reply)}`);
      await viewer.waitForDisplays(count, 60_000, `${count} display entities`);
      await tap.beatsAfter(4, 30_000); // spawning done, pool moving
      const from = Date.now();
      await tap.beatsAfter(BYTES_BEATS, BYTES_BEATS * BEAT_PERIOD_MS * 2 + 10_000, from);
      const to = Date.now();
      const moving = movingEntities(viewer.updates, from, to);
      console.error(`  ${count} entities: ${moving} moved in the window`);
      report(`e2e.bytes_per_s_${count}`, bytesPerSecond(viewer.updates, from, to), 'B/s');
    }
    operator.close();
    await viewer.leave();
    ok = true;
  } finally {
    await stack.stop();
    await stopAll();
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`e2e bench failed; logs in ${stack.logDir}`);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exitCode = 1;
});
