/** Loopback helpers: free ports and waiting for a port or an HTTP endpoint to answer. */
import http from 'node:http';
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when a TCP connection to the port succeeds, false when it is refused. */
export function portAccepts(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** GETs a JSON document from the loopback; rejects on a non-2xx status or bad JSON. */
export function getJson<T>(port: number, urlPath: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: LOOPBACK, port, path: urlPath, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 300) return reject(new Error(`GET ${urlPath}: HTTP ${res.statusCode}`));
        try {
          resolve(JSON.parse(body) as T);
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${urlPath}: no answer`)));
    req.on('error', reject);
  });
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined; rejects with `what` after
 * `timeoutMs`. For conditions no process announces (a port opening, a health figure changing).
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === null ? '' : ` (last error: ${String(lastError)})`;
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
