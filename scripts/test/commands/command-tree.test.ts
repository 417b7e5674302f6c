import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/engine';
import { RecordingHost, sender } from '../recording-host';

function setup() {
  const host = new RecordingHost();
  const engine = createEngine(host);
  const admin = sender();
  const run = (...args: string[]) => engine.command(admin, args);
  return { host, engine, admin, run };
}

describe('/audioviz command tree', () => {
  it('creates, lists, inspects, resizes, turns and deletes zones', () => {
    const { run, engine } = setup();
    const created = run('zone', 'create', 'stage', 'dj_booth');
    assert.equal(created.ok, true);
    assert.match(created.lines[0]!, /Zone "stage" created at world 100 64 -21, 3×4×3 blocks/);
    assert.match(run('zone', 'list').lines.join('\n'), /stage: world 100 64 -21/);
    assert.equal(run('zone', 'setsize', 'stage', '8', '4', '8').ok, true);
    assert.equal(run('zone', 'setrotation', 'stage', '90').ok, true);
    assert.match(run('zone', 'info', 'stage').lines.join('\n'), /size 8×4×8, rotation 90°/);
    assert.equal(run('zone', 'delete', 'stage').ok, true);
    assert.equal(engine.status().zones, 0);
  });

  it('makes a 10×10×10 zone without a template', () => {
    const { run } = setup();
    assert.match(run('zone', 'create', 'plain').lines[0]!, /10×10×10 blocks/);
  });

  it('needs a place from the console', () => {
    const { engine } = setup();
    const console = sender(['audioviz.admin'], null);
    assert.match(
      engine.command(console, ['zone', 'create', 'a']).lines[0]!,
      /from the console, give the place/,
    );
    assert.equal(engine.command(console, ['zone', 'create', 'a', 'arena', 'world', '0', '70', '0']).ok, true);
  });

  it('says what went wrong: unknown template, bad name, bad number, unknown zone', () => {
    const { run } = setup();
    assert.match(
      run('zone', 'create', 'a', 'castle').lines[0]!,
      /unknown template "castle": use one of small_stage/,
    );
    assert.match(run('zone', 'create', 'bad!name').lines[0]!, /not a valid zone name/);
    run('zone', 'create', 'a');
    assert.match(run('zone', 'create', 'a').lines[0]!, /already exists/);
    assert.match(
      run('zone', 'setsize', 'a', '100', '1', '1').lines[0]!,
      /x must be a number from 1 to 64, got "100"/,
    );
    assert.match(run('pool', 'init', 'ghost').lines[0]!, /there is no zone "ghost"/);
  });

  it('prints usage for a wrong argument count and for a bare group', () => {
    const { run } = setup();
    assert.deepEqual(run('zone', 'setrotation', 'a'), {
      ok: false,
      lines: ['Usage: /audioviz zone setrotation <name> <degrees>'],
    });
    assert.match(
      run('zone').lines[0]!,
      /Usage: \/audioviz zone <create\|delete\|list\|info\|setsize\|setrotation>/,
    );
    assert.match(run('dance').lines[0]!, /Unknown command "dance"/);
  });

  it('checks permission nodes', () => {
    const { engine } = setup();
    const dj = sender(['audioviz.control']);
    assert.deepEqual(engine.command(dj, ['zone', 'create', 'x']), {
      ok: false,
      lines: ['You need the permission audioviz.zone for /audioviz zone create.'],
    });
    assert.equal(engine.command(dj, ['preset', 'edm']).ok, true);
    assert.equal(engine.command(sender(['audioviz.zone']), ['reload']).ok, false);
    assert.equal(engine.command(sender([]), ['help']).ok, true);
  });

  it('shows only the commands a sender may use in help', () => {
    const { engine } = setup();
    const lines = engine.command(sender(['audioviz.control']), []).lines.join('\n');
    assert.match(lines, /\/av pattern set/);
    assert.doesNotMatch(lines, /\/av zone create/);
  });

  it('runs the show: pools, patterns, effects, presets, scenes, status, reload', () => {
    const { run, host } = setup();
    run('zone', 'create', 'a');
    assert.match(run('pool', 'init', 'a', '2000').lines[0]!, /count must be a number from 1 to 1024/);
    assert.match(run('pool', 'init', 'a', '300').lines[0]!, /set to 256 entities/); // the engine's cap
    assert.match(run('pattern', 'list').lines.join('\n'), /bars/);
    assert.match(run('pattern', 'set', 'circle', 'a', '2').lines[0]!, /Pattern "circle" on a/);
    assert.match(run('effect', 'strobe').lines[0]!, /Effect "strobe" on a/);
    assert.match(run('effect', 'confetti').lines[0]!, /unknown effect "confetti"/);
    assert.match(run('preset', 'chill').lines[0]!, /Preset "chill": Soft, slow movement/);
    assert.match(host.documents.get('settings') ?? '', /"chill"/);
    assert.equal(run('scene', 'save', 'mine').ok, true);
    assert.match(run('scene', 'list').lines.join('\n'), /mine/);
    run('preset', 'edm');
    assert.equal(run('scene', 'load', 'mine').ok, true);
    assert.match(host.documents.get('settings') ?? '', /"chill"/);
    assert.equal(run('scene', 'delete', 'mine').ok, true);
    assert.match(run('scene', 'delete', 'club_night').lines[0]!, /built-in/);
    assert.match(run('status').lines[0]!, /1 zone\(s\)/);
    assert.match(run('reload').lines[0]!, /saved; the server reloads the engine now/);
  });

  it('tunes a pattern parameter within its range and spawns item or text displays', () => {
    const { run, host } = setup();
    run('zone', 'create', 'a');
    run('pattern', 'set', 'bars', 'a', '0');
    assert.deepEqual(run('pattern', 'param', 'a', 'sensitivity', '2'), {
      ok: true,
      lines: ['Zone "a": sensitivity = 2.'],
    });
    assert.match(host.documents.get('zones') ?? '', /"sensitivity": 2/);
    assert.match(
      run('pattern', 'param', 'a', 'sensitivity', '9').lines[0]!,
      /sensitivity must be a number from 0.1 to 4, got 9/,
    );
    assert.match(run('pattern', 'param', 'a', 'colour', '1').lines[0]!, /has no parameter "colour"/);
    assert.equal(run('pool', 'init', 'a', '4', 'minecraft:diamond', 'item').ok, true);
    assert.match(run('zone', 'info', 'a').lines.join('\n'), /4 item entities/);
    assert.match(
      run('pool', 'init', 'a', '4', 'minecraft:diamond', 'cow').lines[0]!,
      /kind must be one of block, item, text/,
    );
  });

  it('completes subcommands, names and values for what the sender may use', () => {
    const { engine, run, admin } = setup();
    run('zone', 'create', 'stage');
    run('zone', 'create', 'street');
    assert.deepEqual(engine.complete(admin, ['']), [
      'zone',
      'pool',
      'pattern',
      'effect',
      'preset',
      'status',
      'reload',
      'scene',
      'help',
    ]);
    assert.deepEqual(engine.complete(sender(['audioviz.control']), ['z']), []);
    assert.deepEqual(engine.complete(admin, ['zone', 'se']), ['setsize', 'setrotation']);
    assert.deepEqual(engine.complete(admin, ['zone', 'info', 'st']), ['stage', 'street']);
    assert.deepEqual(engine.complete(admin, ['zone', 'create', 'x', 'a']), ['arena']);
    assert.deepEqual(engine.complete(admin, ['effect', 'spin']), ['spin_up', 'spin_down']);
    assert.deepEqual(engine.complete(admin, ['pattern', 'set', 'bars', '']), ['*', 'stage', 'street']);
    assert.deepEqual(engine.complete(admin, ['zone', 'info', 'stage', '']), []);
    assert.deepEqual(engine.complete(admin, ['pool', 'init', 'stage', '64', 'x', 't']), ['text']);
    run('pattern', 'set', 'bars', 'stage', '0');
    assert.ok(engine.complete(admin, ['pattern', 'param', 'stage', '']).includes('sensitivity'));
  });
});
