/**
 * A stand-in for the Minecraft plugin's :8765 socket: a real WebSocket server that greets with `connected`,
 * checks the token, and answers each command with the reply docs/protocol.md names (echoing `_seq`).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Received } from './ws-client';
import { reportedZone } from './zone-fixture';

const REPLIES: Record<string, (m: Received) => Received> = {
  ping: () => ({ type: 'pong', timestamp: 1 }),
  list_patterns: () => ({
    type: 'patterns',
    patterns: [{ id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 16 }],
  }),
  set_pattern: (m) => ({ type: 'pattern_changed', pattern: m['pattern'] as string }),
  set_zone_config: (m) => ({ type: 'zone_config_updated', zone: m['zone'] as string }),
  init_pool: (m) => ({
    type: 'pool_initialized',
    zone: m['zone'] as string,
    count: (m['count'] as number) ?? 1,
  }),
  cleanup_zone: (m) => ({ type: 'zone_cleaned', zone: m['zone'] as string }),
  trigger_effect: (m) => ({ type: 'effect_triggered', effect: m['effect'] as string }),
};

export class FakePlugin {
  readonly received: Received[] = [];
  /** When false the plugin answers nothing (not even pings). */
  answering = true;
  private wss: WebSocketServer | null = null;
  private sockets = new Set<WebSocket>();
  port = 0;

  /**
   * @param zones the zones `get_zones` answers with
   */
  constructor(
    private readonly token: string | null = null,
    private readonly zones: readonly string[] = ['stage'],
  ) {}

  async start(port = 0): Promise<number> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    this.wss = wss;
    this.port = (wss.address() as AddressInfo).port;
    wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      let authed = this.token === null;
      ws.send(JSON.stringify({ type: 'connected', version: '1.0.0', server_type: 'standalone' }));
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as Received;
        this.received.push(message);
        if (!authed) {
          if (message.type === 'auth' && message['token'] === this.token) {
            authed = true;
            ws.send(JSON.stringify({ type: 'auth_ok' }));
          } else ws.close(4002, 'Bad token');
          return;
        }
        const reply =
          message.type === 'get_zones'
            ? () => ({ type: 'zones', zones: this.zones.map((name) => reportedZone(name)) })
            : REPLIES[message.type];
        if (!this.answering || reply === undefined) return;
        const seq = message['_seq'];
        ws.send(JSON.stringify({ ...reply(message), ...(seq !== undefined ? { _seq: seq } : {}) }));
      });
    });
    return this.port;
  }

  /** Sends raw text to every connected hub. */
  broadcast(text: string): void {
    for (const ws of this.sockets) ws.send(text);
  }

  get clients(): number {
    return this.sockets.size;
  }

  of(type: string): Received[] {
    return this.received.filter((m) => m.type === type);
  }

  /** Kills the server and every connection at once, like a crashed plugin. */
  async kill(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => (this.wss === null ? resolve() : this.wss.close(() => resolve())));
    this.wss = null;
  }
}
