// docs/protocol.md is written by hand; these checks keep it from falling behind the schemas: every message of
// every port, every close code and every error code of the shared vocabulary must appear in it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  BROWSER_INBOUND,
  BROWSER_OUTBOUND,
  CLOSE_CODES,
  DJ_INBOUND,
  DJ_OUTBOUND,
  PLUGIN_INBOUND,
  PLUGIN_OUTBOUND,
  ERROR_CODE_INFO,
} from '../src';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'protocol.md'), 'utf8');

/** The text of one `## heading` section, up to the next one. */
function section(heading: string): string {
  const start = doc.indexOf(`## ${heading}`);
  assert.notEqual(start, -1, `docs/protocol.md has no section "## ${heading}"`);
  const next = doc.indexOf('\n## ', start + 3);
  return doc.slice(start, next === -1 ? undefined : next);
}

function missingNames(text: string, names: readonly string[]): string[] {
  return names.filter((name) => !text.includes(`\`${name}\``));
}

describe('docs/protocol.md', () => {
  const ports = [
    [':9000 — DJ ⇄ hub', DJ_INBOUND, DJ_OUTBOUND],
    [':8766 — browser ⇄ hub', BROWSER_INBOUND, BROWSER_OUTBOUND],
    [':8765 — hub or agent ⇄ Minecraft', PLUGIN_INBOUND, PLUGIN_OUTBOUND],
  ] as const;
  for (const [heading, inbound, outbound] of ports) {
    it(`names every message of "${heading}"`, () => {
      const types = [...Object.keys(inbound), ...Object.keys(outbound)];
      assert.deepEqual(missingNames(section(heading), types), []);
    });
  }

  it('lists every close code with its number', () => {
    const table = section('Close codes');
    const missing = Object.entries(CLOSE_CODES).filter(
      ([name, code]) => !table.includes(`| ${code} | \`${name}\` |`),
    );
    assert.deepEqual(missing, []);
  });

  it('lists every error code with its meaning and close code, and no code that does not exist', () => {
    const table = section('Error codes');
    const missing = Object.entries(ERROR_CODE_INFO).filter(
      ([code, info]) => !table.includes(`| \`${code}\` | ${info.close ?? ''} | ${info.meaning} |`),
    );
    assert.deepEqual(missing, []);
    const listed = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(
      listed.filter((code) => !(code! in ERROR_CODE_INFO)),
      [],
    );
  });

  it('points nowhere outside the repository', () => {
    assert.doesNotMatch(doc, /\.\.\/\.\.\/|\.\.\/shared\//);
  });
});
