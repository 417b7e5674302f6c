// Runs the engine bundle in Node on a scripted scenario and writes the inputs and everything the engine
// produced as one "golden" transcript. GoldenFrameIntegrationTest replays the same inputs in GraalJS and
// compares each output. Usage: node golden-frames.mjs <engine.js> <scenario.json> <out.tsv> [optionsJson]
// (optionsJson: the exact EngineOptions the Java host passes; defaults to the scenario's "options").
//
// Transcript lines (tab-separated; JSON fields never contain tabs or newlines):
//   start <ms>                     host clock before the first tick (it advances 50 ms per tick)
//   doc <name> <text>              a document the host holds before the engine starts
//   connect <clientId> <trusted>   input: clientConnected
//   enqueue <clientId> <text>      input: a :8765 text frame
//   command <senderJson> <argsJson> input: /audioviz, followed by: reply <replyJson>
//   tick                           input: one engine tick, followed by the TickFrame it returned:
//                                  frame <zones> <materialsJson> <slot 0> <slot 1> …
//   sent <clientId> <text>         output: host.send during the previous input
//
// A frame's <zones> is one anchor per slot joined by ";" ("name@world:x,y,z", "-" for a free slot). Each
// <slot> is "-" for a free slot, else the zone buffer (scripts/src/host.ts zoneFrameLayout) as 14 groups
// joined by "/": the 16 header numbers, then x, y, z, scale, yaw, light, materialOverride,
// interpolationOverride, visibleOverride, glowOverride, brightnessOverride, band, glow; each group the
// array's numbers as String(number) joined by ",".
import fs from 'node:fs';
import vm from 'node:vm';

const [bundlePath, scenarioPath, outPath, optionsJson] = process.argv.slice(2);
if (!bundlePath || !scenarioPath || !outPath) {
  console.error('usage: node golden-frames.mjs <engine.js> <scenario.json> <out.tsv>');
  process.exit(2);
}
const scenario = JSON.parse(fs.readFileSync(scenarioPath, 'utf8'));
const lines = [];
const TICK_MS = 50;
let now = scenario.startMs ?? 1_000_000;

const sandbox = {};
sandbox.globalThis = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(bundlePath, 'utf8'), sandbox, { filename: 'engine.js' });
const api = sandbox.AudioVizEngine;
if (!api || typeof api.createEngine !== 'function') {
  console.error(bundlePath + ' did not set globalThis.AudioVizEngine');
  process.exit(1);
}

const documents = scenario.documents ?? {};
lines.push(['start', now].join('\t'));
for (const [name, text] of Object.entries(documents)) lines.push(['doc', name, text].join('\t'));
const host = {
  now: () => now,
  log: () => {},
  readDocument: (name) => documents[name] ?? null,
  writeDocument: () => {},
  send: (clientId, text) => lines.push(['sent', clientId, text].join('\t')),
  announce: () => {},
};
// The same glue as the Java host (EngineSession): arguments cross as JSON and are parsed inside the realm.
const glue = vm.runInContext(
  `({
    create: (api, host, options) => api.createEngine(host, JSON.parse(options)),
    command: (engine, sender, args) => engine.command(JSON.parse(sender), JSON.parse(args)),
  })`,
  sandbox,
);
const engine = glue.create(api, host, optionsJson ?? JSON.stringify(scenario.options ?? {}));

const format = (numbers) => Array.from(numbers, (n) => String(n)).join(',');
const anchor = (z) => (z === null || z === undefined ? '-' : `${z.name}@${z.world}:${z.x},${z.y},${z.z}`);

/** One zone buffer as the transcript writes it (host.ts zoneFrameLayout, written out here). */
function zoneBuffer(buffer) {
  if (buffer === null || buffer === undefined) return '-';
  const header = new Float64Array(buffer, 0, 16);
  const n = header[1];
  let offset = 128;
  const next = (Type, bytes) => {
    const view = new Type(buffer, offset, n);
    offset += bytes * n;
    return format(view);
  };
  const groups = [format(header)];
  for (let k = 0; k < 6; k++) groups.push(next(Float32Array, 4)); // x y z scale yaw light
  groups.push(next(Int32Array, 4)); // materialOverride
  groups.push(next(Int16Array, 2)); // interpolationOverride
  for (let k = 0; k < 3; k++) groups.push(next(Int8Array, 1)); // visible, glow, brightness overrides
  for (let k = 0; k < 2; k++) groups.push(next(Uint8Array, 1)); // band, glow
  return groups.join('/');
}

for (const step of scenario.steps) {
  const repeat = step.repeat ?? 1;
  for (let r = 0; r < repeat; r++) {
    if (step.connect) {
      lines.push(['connect', step.connect, 'true'].join('\t'));
      engine.clientConnected(step.connect, true);
    } else if (step.enqueue) {
      const [clientId, message] = step.enqueue;
      const text = JSON.stringify(message);
      lines.push(['enqueue', clientId, text].join('\t'));
      engine.enqueue(clientId, text);
    } else if (step.command) {
      const sender = JSON.stringify(step.command.sender);
      const args = JSON.stringify(step.command.args);
      lines.push(['command', sender, args].join('\t'));
      const reply = glue.command(engine, sender, args);
      lines.push(['reply', JSON.stringify({ ok: reply.ok, lines: reply.lines })].join('\t'));
    } else if (step.tick) {
      now += TICK_MS;
      lines.push('tick');
      const f = engine.tick();
      lines.push(
        [
          'frame',
          Array.from(f.zones, anchor).join(';'),
          JSON.stringify(Array.from(f.materials)),
          ...Array.from(f.frames, zoneBuffer),
        ].join('\t'),
      );
    }
  }
}
engine.dispose();
fs.writeFileSync(outPath, lines.join('\n') + '\n');
