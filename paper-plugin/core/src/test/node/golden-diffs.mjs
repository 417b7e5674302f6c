// Runs the engine bundle in Node on a scripted scenario and writes the inputs and everything the engine
// produced as one "golden" transcript. GoldenDiffIntegrationTest replays the same inputs in GraalJS and
// compares each output. Usage: node golden-diffs.mjs <engine.js> <scenario.json> <out.tsv> [optionsJson]
// (optionsJson: the exact EngineOptions the Java host passes; defaults to the scenario's "options").
//
// Transcript lines (tab-separated; JSON fields never contain tabs or newlines):
//   start <ms>                     host clock before the first tick (it advances 50 ms per tick)
//   doc <name> <text>              a document the host holds before the engine starts
//   connect <clientId> <trusted>   input: clientConnected
//   enqueue <clientId> <text>      input: a :8765 text frame
//   command <senderJson> <argsJson> input: /audioviz, followed by: reply <replyJson>
//   tick                           input: one engine tick, followed by: diff <count> <ints> <floats> <zones> <materials>
//   sent <clientId> <text>         output: host.send during the previous input
import fs from 'node:fs';
import vm from 'node:vm';

const [bundlePath, scenarioPath, outPath, optionsJson] = process.argv.slice(2);
if (!bundlePath || !scenarioPath || !outPath) {
  console.error('usage: node golden-diffs.mjs <engine.js> <scenario.json> <out.tsv>');
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
      const d = engine.tick();
      lines.push(
        [
          'diff',
          d.count,
          format(d.ints.subarray(0, d.count * 8)),
          format(d.floats.subarray(0, d.count * 8)),
          Array.from(d.zones, anchor).join(';'),
          JSON.stringify(Array.from(d.materials)),
        ].join('\t'),
      );
    }
  }
}
engine.dispose();
fs.writeFileSync(outPath, lines.join('\n') + '\n');
