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
//   look <slot> <entities>         output, after a frame (engines with zoneEntities only): how the preview
//                                  shows the slot's zone, one "scale,brightness,glow,band,material,interpolation"
//                                  per entity joined by ";" (glow 0/1, material by name)
//
// A frame's <zones> is one anchor per slot joined by ";" ("name@world:x,y,z", "-" for a free slot). Each
// <slot> is "-" for a free slot, else the zone buffer as 14 groups joined by "/": the 16 header numbers in the
// order ID, COUNT, KIND, ROTATION, SIZE_X, SIZE_Y, SIZE_Z, BRIGHTNESS, DYNAMIC_BRIGHTNESS, INTERPOLATION,
// BEAT_GLOW, BAND_MATERIAL … +4, then x, y, z, scale, yaw, light, materialOverride,
// interpolationOverride, visibleOverride, glowOverride, brightnessOverride, band, glow; each group the
// array's numbers as String(number) joined by ",". Both are read with the bundle's own ZONE_HEADER and
// zoneFrameLayout (scripts/src/host.ts), never restated here, so a Java host that reads a field elsewhere fails.
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

/** Header fields in the order the transcript writes them (band materials follow BAND_MATERIAL). */
const HEADER_ORDER = ['ID', 'COUNT', 'KIND', 'ROTATION', 'SIZE_X', 'SIZE_Y', 'SIZE_Z', 'BRIGHTNESS',
  'DYNAMIC_BRIGHTNESS', 'INTERPOLATION', 'BEAT_GLOW'];
const BANDS = 5;

/** One zone buffer as the transcript writes it, read through the bundle's ZONE_HEADER and zoneFrameLayout. */
function zoneBuffer(buffer) {
  if (buffer === null || buffer === undefined) return '-';
  const h = api.ZONE_HEADER;
  const slots = new Float64Array(buffer, 0, Math.max(...Object.values(h)) + BANDS);
  const header = [...HEADER_ORDER.map((name) => slots[h[name]])];
  for (let b = 0; b < BANDS; b++) header.push(slots[h.BAND_MATERIAL + b]);
  const n = slots[h.COUNT];
  const at = api.zoneFrameLayout(n);
  const read = (Type, offset) => format(new Type(buffer, offset, n));
  return [
    format(header),
    ...['x', 'y', 'z', 'scale', 'yaw', 'light'].map((f) => read(Float32Array, at[f])),
    read(Int32Array, at.materialOverride),
    read(Int16Array, at.interpolationOverride),
    ...['visibleOverride', 'glowOverride', 'brightnessOverride'].map((f) => read(Int8Array, at[f])),
    ...['band', 'glow'].map((f) => read(Uint8Array, at[f])),
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
