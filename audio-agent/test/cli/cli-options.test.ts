import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { helpText, OPTIONS, parseCommandLine, UsageError } from '../../src/cli/cli-options';

const dir = mkdtempSync(path.join(tmpdir(), 'agent-options-'));
let files = 0;

function configFile(content: unknown): string {
  const file = path.join(dir, `config-${files++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('parseCommandLine', () => {
  it('reads the command, positionals and typed flags in both --flag value and --flag=value forms', () => {
    const parsed = parseCommandLine(['run', '--source=synth:click:120', '--rate', '44100', '--quiet'], {});
    assert.equal(parsed.command, 'run');
    assert.deepEqual(parsed.settings, { source: 'synth:click:120', rate: 44100, quiet: true });
  });

  it('takes flags over environment over config file', () => {
    const file = configFile({ hub: 'ws://file:9000', 'dj-id': 'file', network: 'wan', preset: 'chill' });
    const env = { AUDIOVIZ_DJ_ID: 'env', AUDIOVIZ_PRESET: 'rock', AUDIOVIZ_CONFIG: file };
    const { settings } = parseCommandLine(['run', '--preset', 'edm'], env);
    assert.equal(settings.hub, 'ws://file:9000');
    assert.equal(settings['dj-id'], 'env');
    assert.equal(settings.network, 'wan');
    assert.equal(settings.preset, 'edm');
  });

  it('turns a boolean off with --no-flag, over a true environment value', () => {
    const { settings } = parseCommandLine(['run', '--no-auto-reconnect'], {
      AUDIOVIZ_AUTO_RECONNECT: 'true',
    });
    assert.equal(settings['auto-reconnect'], false);
  });

  const bad: Array<[string[], Record<string, string>, RegExp]> = [
    [['run', '--rate', 'fast'], {}, /--rate: "fast" is not a number/],
    [['run', '--rate', '1000'], {}, /--rate: 1000 is outside 8000–192000/],
    [['run', '--network', 'moon'], {}, /"moon" is not one of lan, wan/],
    [['run', '--source'], {}, /--source needs a value/],
    [['run'], { AUDIOVIZ_QUIET: 'maybe' }, /AUDIOVIZ_QUIET: "maybe" is not true or false/],
  ];
  for (const [argv, env, message] of bad) {
    it(`refuses ${[...argv, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)].join(' ')} with a usage error`, () => {
      assert.throws(
        () => parseCommandLine(argv, env),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      );
    });
  }

  it('refuses a config file that is not a JSON object, or has a setting of the wrong type', () => {
    assert.throws(() => parseCommandLine(['run', '--config', configFile('{oops')]), UsageError);
    assert.throws(() => parseCommandLine(['run', '--config', configFile([1, 2])]), /must hold a JSON object/);
    assert.throws(
      () => parseCommandLine(['run', '--config', configFile({ rate: 'x' })]),
      /rate: "x" is not a number/,
    );
    assert.throws(
      () => parseCommandLine(['run', '--config', path.join(dir, 'missing.json')]),
      /Cannot use config file/,
    );
  });

  it('documents every option and its environment variable in the help', () => {
    const help = helpText();
    for (const o of OPTIONS) {
      assert.ok(help.includes(`--${o.flag}`), o.flag);
      if ('env' in o) assert.ok(help.includes(o.env), o.env);
    }
  });
});
