/**
 * Sends fuzz frames to a server as fast as its sockets take them, over several connections at once. A socket
 * the server closes (a documented close code is a fine answer to garbage) is replaced, so every frame is sent.
 */
import WebSocket from 'ws';

export interface FloodOptions {
  /** Parallel connections. */
  readonly sockets?: number;
  /** Sent first on every connection (e.g. a `dj_auth`), so frames reach past the handshake. */
  readonly hello?: string;
  /** A frame in this many is sent as binary instead of text. */
  readonly binaryEvery?: number;
}

export interface FloodResult {
  readonly sent: number;
  readonly ms: number;
  /** Close codes the server answered with, and how often. */
  readonly closes: ReadonlyMap<number, number>;
  /** Replies the server sent (a reply proves a frame got past the transport to whatever answers it). */
  readonly replies: number;
}

const MAX_BUFFERED_BYTES = 1024 * 1024;
/** A connection is done once the server has sent nothing for this long, or after QUIET_MAX_MS. */
const QUIET_MS = 300;
/** Hubs broadcast state to panels many times a second: those sockets are never quiet. */
const QUIET_MAX_MS = 2_000;

/** Resolves once `ws` has received nothing for `ms`, has closed, or QUIET_MAX_MS have passed. */
function quiet(ws: WebSocket, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, ms);
    const cap = setTimeout(done, QUIET_MAX_MS);
    const onMessage = (): void => {
      clearTimeout(timer);
      timer = setTimeout(done, ms);
    };
    function done(): void {
      clearTimeout(timer);
      clearTimeout(cap);
      ws.off('message', onMessage);
      ws.off('close', done);
      resolve();
    }
    ws.on('message', onMessage);
    ws.once('close', done);
  });
}

function open(url: string, onReply: () => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.on('message', onReply); // read and count the replies, so the server is never blocked on us
  });
}

export async function flood(
  url: string,
  frames: readonly string[],
  options: FloodOptions = {},
): Promise<FloodResult> {
  const start = Date.now();
  const closes = new Map<number, number>();
  let next = 0;
  let sent = 0;
  let replies = 0;
  const onReply = (): void => {
    replies++;
  };
  const lane = async (): Promise<void> => {
    while (next < frames.length) {
      const ws = await open(url, onReply);
      const closed = new Promise<void>((resolve) =>
        ws.once('close', (code) => {
          closes.set(code, (closes.get(code) ?? 0) + 1);
          resolve();
        }),
      );
      if (options.hello !== undefined) ws.send(options.hello);
      while (next < frames.length && ws.readyState === WebSocket.OPEN) {
        const i = next++;
        const frame = frames[i] ?? '';
        ws.send(
          options.binaryEvery !== undefined && i % options.binaryEvery === 0 ? Buffer.from(frame) : frame,
        );
        sent++;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) await new Promise((r) => setTimeout(r, 5));
        else if (i % 64 === 0) await new Promise((r) => setImmediate(r));
      }
      if (ws.readyState === WebSocket.OPEN) {
        await quiet(ws, QUIET_MS); // the replies still on their way are part of the answer
        ws.close();
        await closed;
      }
    }
  };
  await Promise.all(Array.from({ length: options.sockets ?? 3 }, lane));
  return { sent, ms: Date.now() - start, closes, replies };
}
