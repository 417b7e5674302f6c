// Each workspace declares the sibling workspaces it imports, so npm links and orders them, and a reader of its
// package.json sees what it depends on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { repoFiles } from '../src/repo-files';

const WORKSPACES: string[] = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
).workspaces;

describe('workspace dependencies', () => {
  for (const workspace of WORKSPACES) {
    it(`${workspace} declares every sibling workspace it imports`, () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, workspace, 'package.json'), 'utf8'));
      const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }));
      const imported = new Set(
        ['src', 'web/src'].flatMap((folder) =>
          repoFiles(path.join(workspace, folder), (name) => name.endsWith('.ts')).flatMap((file) =>
            [
              ...fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/from '(@audioviz\/[a-z-]+)/g),
            ].map((m) => m[1]!),
          ),
        ),
      );
      imported.delete(pkg.name);
      assert.deepEqual(
        [...imported].filter((name) => !declared.has(name)),
        [],
      );
    });
  }
});
