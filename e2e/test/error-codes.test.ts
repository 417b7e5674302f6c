// One list of error codes: `ERROR_CODES` in shared-types. Anywhere else in the sources, a code is named through
// it (`ERROR_CODES.ZONE_NOT_FOUND`) or, in Java, through the `ErrorCode` enum; a code in quotes in a source file
// is a second vocabulary in the making, and this test names the file and line (comments may name codes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '@audioviz/shared-types';
import { REPO_ROOT } from '../src/paths';
import { repoFiles } from '../src/repo-files';

const SOURCE_FOLDERS = [
  'shared-types/src',
  'scripts/src',
  'vj-hub/src',
  'vj-hub/web/src',
  'audio-agent/src',
  'paper-plugin/core/src/main',
  'paper-plugin/paper/src/main',
  'paper-plugin/standalone/src/main',
];
const LIST_FILE = path.join('shared-types', 'src', 'error-codes.ts');

describe('error codes', () => {
  it('are quoted nowhere in the sources but in shared-types/src/error-codes.ts', () => {
    const quoted = new RegExp(`['"](${Object.keys(ERROR_CODES).join('|')})['"]`);
    const files = SOURCE_FOLDERS.flatMap((folder) =>
      repoFiles(folder, (name) => /\.(ts|java)$/.test(name)),
    ).filter((file) => file !== LIST_FILE);
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(REPO_ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (quoted.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(found, []);
  });
});
