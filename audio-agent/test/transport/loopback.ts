/** Real WebSocket servers on loopback for the link tests, and a way to await a link's next event. */
import { createServer, type Server } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LinkEvents, TypedEmitter } from '../../src/transport/link-events';

export interface TestServer {
  readonly port: number;
  readonly url: string;
  readonly sockets: WebSocket[];
  /** Every text message received, parsed. */
  readonly received: Array<Record<string, unknown>>;
  /** Resolves with the next received message of `type` (or an already received, unclaimed one). */
  next(type: string): Promise<Record<string, unknown>>;
  /** Stops listening and drops every client without a close frame. */
  kill(): Promise<void>;
}

/**
 * Starts a ws server; `onMessage` answers each parsed message.
 * @param port 0 for any free port
 */
export async function startServer(
  port: number,
  onMessage: (socket: WebSocket, message: Record<string, unknown>) => void,
): Promise<TestServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address() as { port: number };
  const sockets: WebSocket[] = [];
  const received: Array<Record<string, unknown>> = [];
  const claimed = new Set<Record<string, unknown>>();
  const waiters: Array<{ type: string; resolve: (m: Record<string, unknown>) => void }> = [];
  wss.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      received.push(message);
      const waiter = waiters.findIndex((w) => w.type === message.type);
      if (waiter >= 0) {
        claimed.add(message);
        waiters.splice(waiter, 1)[0]!.resolve(message);
      }
      onMessage(socket, message);
    });
  });
  return {
    port: address.port,
    url: `ws://127.0.0.1:${address.port}`,
    sockets,
    received,
    next(type) {
      const found = received.find((m) => m.type === type && !claimed.has(m));
      if (found !== undefined) {
        claimed.add(found);
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
    async kill() {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never answers (a hung peer). */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const held: Array<{ destroy(): void }> = [];
  const server = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      held.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves with the arguments of the link's next `event`. */
export function nextEvent<E extends keyof LinkEvents & string>(
  link: TypedEmitter<LinkEvents>,
  event: E,
): Promise<LinkEvents[E]> {
  return new Promise((resolve) => link.once(event, (...args) => resolve(args)));
}

/** Records every event of a link, in order. */
export function recordEvents(link: TypedEmitter<LinkEvents>): string[] {
  const log: string[] = [];
  for (const e of ['connected', 'disconnected', 'reconnecting', 'auth_failed', 'reconnect_failed'] as const)
    link.on(e, () => log.push(e));
  return log;
}

/** Lets pending socket I/O run. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
