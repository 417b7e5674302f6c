/** Files of the repository, found by walking its folders, skipping installed and built ones. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist', 'dist-test', 'public', '.artifacts', '.git']);

/** Repository-relative paths of the files under `folder` whose name `keep` accepts, sorted. */
export function repoFiles(folder: string, keep: (name: string) => boolean, root = REPO_ROOT): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (keep(entry.name)) found.push(path.relative(root, path.join(dir, entry.name)));
    }
  };
  const start = path.join(root, folder);
  if (fs.existsSync(start)) walk(start);
  return found.sort();
}
