/**
 * Resolves a URL path to a file under the web UI's folder (vj-hub/public/) and refuses anything that would
 * leave it: `..` segments (raw or percent-encoded), NUL bytes, backslashes, absolute paths and symlinks out.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Page routes of docs/protocol.md :8080 and the files that hold them (either name works). */
const PAGE_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/': ['index.html'],
  '/preview': ['preview.html', 'preview/index.html'],
  '/dj': ['dj.html', 'dj/index.html'],
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  readonly file: string;
  readonly contentType: string;
  readonly size: number;
}

/** The file a URL path names inside `root`, or null (not found, or outside `root`). */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalized = decoded.length > 1 && decoded.endsWith('/') ? decoded.slice(0, -1) : decoded;
  const candidates = PAGE_ROUTES[normalized] ?? [normalized.slice(1)];
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return null;
  }
  for (const relative of candidates) {
    if (relative.split('/').some((segment) => segment === '..')) return null;
    const file = inside(realRoot, relative);
    if (file !== null) return file;
  }
  return null;
}

function inside(realRoot: string, relative: string): StaticFile | null {
  const target = path.resolve(realRoot, relative);
  if (target !== realRoot && !target.startsWith(realRoot + path.sep)) return null;
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(target);
    stat = fs.statSync(real);
  } catch {
    return null;
  }
  if (!real.startsWith(realRoot + path.sep) || !stat.isFile()) return null;
  const contentType = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  return { file: real, contentType, size: stat.size };
}
