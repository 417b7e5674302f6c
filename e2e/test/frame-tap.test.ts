import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { FrameTap } from '../src/frame-tap';

/** A stand-in hub on a free loopback port that echoes every text frame back with "echo:". */
async function echoHub(): Promise<{ server: WebSocketServer; url: string; sockets: WebSocket[] }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const sockets: WebSocket[] = [];
  server.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => ws.send(`echo:${data.toString()}`));
  });
  const { port } = server.address() as { port: number };
  return { server, url: `ws://127.0.0.1:${port}`, sockets };
}

async function connect(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  return ws;
}

const frame = (ts: number, beat: boolean): string =>
  JSON.stringify({ type: 'dj_audio_frame', seq: 1, ts, beat, bands: [0, 0, 0, 0, 0] });

describe('frame tap', () => {
  let hub: Awaited<ReturnType<typeof echoHub>>;
  let tap: FrameTap;

  beforeEach(async () => {
    hub = await echoHub();
    tap = await FrameTap.start(hub.url);
  });

  afterEach(async () => {
    await tap.close();
    hub.server.close();
  });

  it('relays text both ways unchanged and records each frame’s own timestamp and beat', async () => {
    const agent = await connect(tap.url);
    agent.send(frame(1_700_000_000.25, true));
    const [reply] = (await once(agent, 'message')) as [Buffer];
    assert.equal(reply.toString(), `echo:${frame(1_700_000_000.25, true)}`);
    agent.send(frame(1_700_000_000.5, false));
    await once(agent, 'message');
    assert.deepEqual(
      tap.frames.map((f) => [f.agentTs, f.beat]),
      [
        [1_700_000_000_250, true],
        [1_700_000_000_500, false],
      ],
    );
    assert.deepEqual(tap.beatTimes(), [1_700_000_000_250]);
    agent.close();
  });

  it('ignores messages that are not audio frames', async () => {
    const agent = await connect(tap.url);
    const replies: string[] = [];
    const bothAnswered = new Promise<void>((resolve) =>
      agent.on('message', (data: Buffer) => {
        if (replies.push(data.toString()) === 2) resolve();
      }),
    );
    agent.send('{"type":"dj_heartbeat","ts":5}');
    agent.send('not json "dj_audio_frame"');
    await bothAnswered;
    assert.equal(replies.length, 2);
    assert.equal(tap.frames.length, 0);
    agent.close();
  });

  it('passes a clean close code from the hub on to the agent', async () => {
    const agent = await connect(tap.url);
    agent.send('hello');
    await once(agent, 'message');
    hub.sockets[0]!.close(4004, 'Invalid credentials');
    const [code] = (await once(agent, 'close')) as [number];
    assert.equal(code, 4004);
  });

  it('cuts the agent’s socket without a close frame when the hub vanishes', async () => {
    const agent = await connect(tap.url);
    agent.send('hello');
    await once(agent, 'message');
    hub.sockets[0]!.terminate();
    const [code] = (await once(agent, 'close')) as [number];
    assert.equal(code, 1006);
  });

  it('notes every agent connection and the beats after a given moment', async () => {
    const first = await connect(tap.url);
    // Let the clock pass the first connection's millisecond, so "after since" cannot match it.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const since = Date.now();
    const second = await connect(tap.url);
    assert.equal(await tap.nextConnection(1_000, since - 1), tap.connections[1]);
    const beats = tap.beatsAfter(2, 5_000, since - 1);
    second.send(frame(10, true));
    second.send(frame(11, false));
    second.send(frame(12, true));
    assert.deepEqual(await beats, [10_000, 12_000]);
    first.close();
    second.close();
  });
});
