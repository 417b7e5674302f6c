// npm run demo: builds what is missing, then starts the standalone Minecraft server, the hub linked to it,
// and an agent playing a generated track. Each part is started only when it exists; what is skipped is said.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJava, buildTypeScript } from './build.mjs';
import { findJdk } from './jdk.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const parts = [
  { name: 'standalone Minecraft server', file: 'paper-plugin/standalone/target/audioviz-server.jar' },
  { name: 'VJ hub', file: 'vj-hub/dist/cli.js' },
  { name: 'audio agent', file: 'audio-agent/dist/cli/main.js' },
];

if (!(await buildTypeScript())) process.exit(1);
if (findJdk(25) && !fs.existsSync(path.join(root, parts[0].file))) await buildJava();

const missing = parts.filter((p) => !fs.existsSync(path.join(root, p.file)));
for (const p of missing) console.log(`Skipped: the ${p.name} is not built yet (${p.file} is missing).`);
if (missing.length === parts.length) {
  console.log('Nothing to start yet. Run `npm test` to check the parts that exist.');
  process.exit(0);
}
