/** Where the parts of the show are, once built. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const ARTIFACTS = {
  serverJar: path.join(REPO_ROOT, 'paper-plugin/standalone/target/audioviz-server.jar'),
  hubCli: path.join(REPO_ROOT, 'vj-hub/dist/cli.js'),
  agentCli: path.join(REPO_ROOT, 'audio-agent/dist/cli/main.js'),
  engineBundle: path.join(REPO_ROOT, 'scripts/bundle/engine.js'),
} as const;
