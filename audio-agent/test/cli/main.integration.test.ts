import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLOSE_CODES, djValidator, pluginValidator } from '@audioviz/shared-types';
import { encodeWav } from '../../src/sources/wav';
import { renderSynth } from '../../src/sources/synth';
import { freePort, startServer } from '../transport/loopback';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, stdin?: Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audioviz-agent CLI', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'audioviz-agent-'));
  const wav = path.join(dir, 'drums128.wav');
  const material = renderSynth({ kind: 'drums', bpm: 128, seconds: 16 });
  writeFileSync(wav, encodeWav([material.samples], 48000, 16));

  it('prints help with every option and exits 0', async () => {
    const run = await cli(['--help']);
    assert.equal(run.code, 0);
    for (const flag of [
      '--source',
      '--hub',
      '--dj-key',
      '--minecraft',
      '--token',
      '--network',
      '--max-connect-attempts',
      '--connect-timeout',
      '--auto-reconnect',
      '--max-reconnect-attempts',
      '--quiet',
      '--preset',
      '--config',
    ])
      assert.ok(run.stdout.includes(flag), `help lacks ${flag}`);
  });

  it('exits 2 with usage when no command is given', async () => {
    assert.equal((await cli([])).code, 2);
  });

  it('exits 2 on an unknown option, naming it', async () => {
    const run = await cli(['run', '--volume', '11']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Unknown option --volume/);
  });

  it('analyze prints a summary with the tempo', async () => {
    const run = await cli(['analyze', wav]);
    assert.equal(run.code, 0, run.stderr);
    const bpm = Number(/bpm\s+([\d.]+)/.exec(run.stdout)?.[1]);
    assert.ok(Math.abs(bpm / 128 - 1) <= 0.02, `bpm ${bpm}`);
    assert.match(run.stdout, /duration\s+16\.00 s/);
  });

  it('analyze --jsonl prints one object per hop with the documented fields', async () => {
    const run = await cli(['analyze', wav, '--jsonl']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, Math.floor((16 * 48000) / 256));
    const last = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(last), [
      't',
      'beat',
      'bpm',
      'beat_phase',
      'tempo_conf',
      'bands',
      'amplitude',
      'onsets',
    ]);
    assert.equal(last.t, 16);
    assert.ok(Math.abs((last.bpm as number) - 128) < 2.56);
    const beats = lines.filter((l) => l.includes('"beat":true')).length;
    assert.ok(beats >= 30 && beats <= 36, `beats ${beats}`);
  });

  it('analyze exits 2 with a clear message on a missing file', async () => {
    const run = await cli(['analyze', path.join(dir, 'nope.wav')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot read .*nope\.wav: no such file/);
  });

  it('analyze exits 2 on a WAV it cannot decode, saying why', async () => {
    const bad = path.join(dir, 'eight-bit.wav');
    const bytes = encodeWav([new Float32Array(100)], 8000, 16);
    new DataView(bytes.buffer).setUint16(34, 8, true);
    new DataView(bytes.buffer).setUint16(32, 1, true);
    writeFileSync(bad, bytes);
    const run = await cli(['analyze', bad]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /8-bit integer WAV is not supported/);
  });

  it('analyze exits 2 on another format when ffmpeg is missing, saying how to fix it', async () => {
    const mp3 = path.join(dir, 'song.mp3');
    writeFileSync(mp3, 'ID3 not really audio');
    const run = await cli(['analyze', mp3], { AUDIOVIZ_FFMPEG: path.join(dir, 'no-ffmpeg') });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs ffmpeg.*Install ffmpeg/);
  });

  it('run exits 2 without a source or a destination', async () => {
    assert.match((await cli(['run', '--hub', 'ws://127.0.0.1:1'])).stderr, /needs --source/);
    const run = await cli(['run', '--source', 'synth:click:120']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /exactly one of --hub/);
  });

  it('run exits 3 when the hub refuses the key', async () => {
    const hub = await startServer(0, (socket, m) => {
      if (m.type !== 'dj_auth') return;
      socket.send(JSON.stringify({ type: 'auth_error', error: 'Invalid DJ credentials' }));
      socket.close(CLOSE_CODES.AUTH_FAILED, 'Authentication failed');
    });
    try {
      const run = await cli(
        ['run', '--source', 'synth:drums:128', '--hub', hub.url, '--dj-id', 'alice', '--quiet'],
        {
          AUDIOVIZ_DJ_KEY: 'wrong',
        },
      );
      assert.equal(run.code, 3);
      assert.match(run.stderr, /Authentication refused .*Invalid DJ credentials/);
    } finally {
      await hub.kill();
    }
  });

  it('run relays valid dj_audio_frames and heartbeats to a hub that accepts the key', async () => {
    const hub = await startServer(0, (socket, m) => {
      assert.ok(djValidator.validate(m).ok, JSON.stringify(m));
      if (m.type === 'dj_auth')
        socket.send(
          JSON.stringify({ type: 'auth_success', dj_id: m.dj_id, dj_name: m.dj_name, is_active: true }),
        );
      if (m.type === 'dj_heartbeat')
        socket.send(JSON.stringify({ type: 'heartbeat_ack', server_time: 0, echo_ts: m.ts }));
    });
    try {
      const run = await cli(
        [
          'run',
          '--source',
          'synth:drums:128',
          '--hub',
          hub.url,
          '--dj-id',
          'alice',
          '--dj-name',
          'Alice',
          '--quiet',
        ],
        { AUDIOVIZ_DJ_KEY: 'secret', AUDIOVIZ_DURATION: '2.5' },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /connected to ws:/);
      const auth = hub.received.find((m) => m.type === 'dj_auth')!;
      assert.deepEqual([auth.dj_id, auth.dj_name, auth.dj_key], ['alice', 'Alice', 'secret']);
      const frames = hub.received.filter((m) => m.type === 'dj_audio_frame');
      assert.ok(frames.length >= 20 && frames.length <= 170, `frames ${frames.length}`);
      assert.deepEqual(
        frames.slice(0, 5).map((f) => f.seq),
        [0, 1, 2, 3, 4],
      );
      assert.ok(hub.received.some((m) => m.type === 'dj_heartbeat'));
      assert.ok(hub.received.some((m) => m.type === 'going_offline'));
    } finally {
      await hub.kill();
    }
  });

  it('run exits 1 when the hub stays unreachable for the allowed attempts', async () => {
    const port = await freePort();
    const run = await cli([
      'run',
      '--source',
      'synth:click:120',
      '--hub',
      `ws://127.0.0.1:${port}`,
      '--dj-id',
      'a',
      '--dj-key',
      'k',
      '--max-connect-attempts',
      '1',
      '--quiet',
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Could not reach/);
  });

  it('run streams valid audio_state frames at about 60 fps to a plugin, configured from a file and the environment', async () => {
    const plugin = await startServer(0, (_s, m) =>
      assert.ok(pluginValidator.validate(m).ok, JSON.stringify(m)),
    );
    try {
      const config = path.join(dir, 'agent.json');
      writeFileSync(
        config,
        JSON.stringify({ source: 'synth:drums:128', minecraft: plugin.url, zone: 'stage' }),
      );
      const run = await cli(['run', '--config', config, '--quiet'], { AUDIOVIZ_DURATION: '3' });
      assert.equal(run.code, 0, run.stderr);
      const frames = plugin.received.filter((m) => m.type === 'audio_state');
      // At most ~60 per second; the lower bound allows for a slow start on a loaded machine.
      assert.ok(frames.length >= 20 && frames.length <= 200, `frames ${frames.length}`);
      assert.ok(frames.every((f) => f.zone === 'stage'));
      assert.ok(
        frames.some((f) => f.is_beat === true),
        'a beat in 3 s of 128 BPM drums',
      );
    } finally {
      await plugin.kill();
    }
  });

  it('run reads raw s16le PCM from stdin and exits 0 at its end', async () => {
    const plugin = await startServer(0, (_s, m) =>
      assert.ok(pluginValidator.validate(m).ok, JSON.stringify(m)),
    );
    try {
      const audio = renderSynth({ kind: 'click', bpm: 120, seconds: 2 }).samples;
      const pcm = Buffer.alloc(audio.length * 4);
      audio.forEach((v, i) => {
        pcm.writeInt16LE(Math.round(v * 32767), i * 4);
        pcm.writeInt16LE(Math.round(v * 32767), i * 4 + 2);
      });
      const args = ['run', '--source', 'stdin', '--format', 's16le', '--rate', '48000', '--channels', '2'];
      const run = await cli([...args, '--minecraft', plugin.url, '--quiet'], {}, pcm);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /source stdin s16le 48000 Hz ×2/);
      assert.match(run.stderr, /end of input/);
    } finally {
      await plugin.kill();
    }
  });

  it('exits 2 on a config file with an unknown setting', async () => {
    const config = path.join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ volume: 11 }));
    const run = await cli(['run', '--config', config]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown setting "volume"/);
  });
});
