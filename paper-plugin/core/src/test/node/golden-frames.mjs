// Runs the engine bundle in Node on a scripted scenario and writes the inputs and everything the engine
// produced as one "golden" transcript. GoldenFrameIntegrationTest replays the same inputs in GraalJS and
// compares each output. Usage: node golden-frames.mjs <engine.js> <scenario.json> <out.tsv> [optionsJson]
// (optionsJson: the exact EngineOptions the Java host passes; defaults to the scenario's "options").
//
// Transcript lines (tab-separated; JSON fields never contain tabs or newlines):
//   start <ms>                     host clock before the first tick (it advances 50 ms per tick)
//   doc <name> <text>              a document the host holds before the engine starts
//   layout <fields>                the bundle's ZONE_FRAME_FIELDS as "name:type" joined by ","
//   connect <clientId> <trusted>   input: clientConnected
//   enqueue <clientId> <text>      input: a :8765 text frame
//   command <senderJson> <argsJson> input: /audioviz, followed by: reply <replyJson>
//   tick                           input: one engine tick, followed by the TickFrame it returned:
//                                  frame <zones> <materialsJson> <slot 0> <slot 1> …
//   sent <clientId> <text>         output: host.send during the previous input
//   look <slot> <entities>         output, after a frame (engines with zoneEntities only): how the preview
//                                  shows the slot's zone, one "scale,brightness,glow,band,material,interpolation"
//                                  per entity joined by ";" (glow 0/1, material by name)
//
// A frame's <zones> is one anchor per slot joined by ";" ("name@world:x,y,z", "-" for a free slot). Each
// <slot> is "-" for a free slot, else the zone buffer as groups joined by "/": the header numbers in slot
// order (ID, COUNT, KIND, ROTATION, SIZE_X, SIZE_Y, SIZE_Z), then one group per ZONE_FRAME_FIELDS entry in
// its order; each group the numbers as String(number) joined by ",". Both are read with the bundle's own
// ZONE_HEADER, ZONE_FRAME_FIELDS and zoneFrameLayout (shared-types zone-frame.ts), never restated here, so a
// Java host that reads a field elsewhere fails.
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

const ARRAY_TYPES = { f32: Float32Array, i32: Int32Array, i16: Int16Array, u8: Uint8Array };
const fields = Array.from(api.ZONE_FRAME_FIELDS, ([name, type]) => [name, type]);
lines.push(['layout', fields.map(([name, type]) => `${name}:${type}`).join(',')].join('\t'));

/** One zone buffer as the transcript writes it, read through the bundle's ZONE_HEADER and zoneFrameLayout. */
function zoneBuffer(buffer) {
  if (buffer === null || buffer === undefined) return '-';
  const h = api.ZONE_HEADER;
  const order = Object.values(h).sort((a, b) => a - b);
  const slots = new Float64Array(buffer, 0, order[order.length - 1] + 1);
  const n = slots[h.COUNT];
  const at = api.zoneFrameLayout(n);
  return [
    format(order.map((slot) => slots[slot])),
    ...fields.map(([name, type]) => format(new ARRAY_TYPES[type](buffer, at[name], n))),
  ].join('/');
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
      if (typeof engine.zoneEntities === 'function') {
        Array.from(f.zones).forEach((z, slot) => {
          if (z === null || z === undefined) return;
          const look = engine.zoneEntities(z.name).map((e) =>
            [e.scale, e.brightness, e.glow ? 1 : 0, e.band, e.material, e.interpolation].join(','),
          );
          lines.push(['look', slot, look.join(';')].join('\t'));
        });
      }
    }
  }
}
engine.dispose();
fs.writeFileSync(outPath, lines.join('\n') + '\n');
