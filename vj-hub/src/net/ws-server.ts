/** Opening a WebSocket server on a port (0: any free port) and sending to slow clients without unbounded buffering. */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** A socket whose unsent output exceeds this is skipped (or closed) instead of buffering without bound, bytes. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface OpenServer {
  readonly wss: WebSocketServer;
  readonly port: number;
}

/**
 * Listens on `host:port`; frames larger than `maxPayload` bytes close the socket with 1009 (ws does this
 * as bytes arrive, before anything is decoded).
 */
export function openWebSocketServer(host: string, port: number, maxPayload: number): Promise<OpenServer> {
  return new Promise((resolve, reject) => {
    const wss = new WebSocketServer({
      host,
      port,
      maxPayload,
      perMessageDeflate: false,
      clientTracking: true,
    });
    wss.once('error', reject);
    wss.once('listening', () => {
      wss.off('error', reject);
      resolve({ wss, port: (wss.address() as AddressInfo).port });
    });
  });
}

/** Closes the server and every client with `code`, resolving once the port is free. */
export function closeWebSocketServer(wss: WebSocketServer, code: number, reason: string): Promise<void> {
  for (const client of wss.clients) {
    client.close(code, reason);
    // A client that never completes the closing handshake must not keep the hub alive.
    setTimeout(() => client.terminate(), 1000).unref();
  }
  return new Promise((resolve) => wss.close(() => resolve()));
}

/**
 * Sends a text frame unless the socket is closed or its output backlog is over MAX_BUFFERED_BYTES.
 * Broadcasts pass the UTF-8 bytes once (`Buffer`) rather than a string each socket would encode again.
 */
export function sendBounded(ws: WebSocket, text: string | Buffer): boolean {
  if (ws.readyState !== WebSocket.OPEN || ws.bufferedAmount > MAX_BUFFERED_BYTES) return false;
  ws.send(text, { binary: false });
  return true;
}

/** The peer's address for per-IP limits ("unknown" if the socket no longer knows it). */
export function remoteAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
