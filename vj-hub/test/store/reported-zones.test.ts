import assert from 'node:assert/strict';
import { PREVIEW_SOURCE, ReportedZones } from '../../src/store/reported-zones';
import { reportedZone as zone } from '../helpers/zone-fixture';

describe('reported-zones', () => {
  it('shows every source’s zones once, the first source’s entry for a shared name', () => {
    const zones = new ReportedZones();
    zones.set('ws://a', [zone('north'), zone('shared', 'circle')]);
    zones.set('ws://b', [zone('south'), zone('shared', 'galaxy')]);
    assert.deepEqual(
      zones.all.map((z) => [z.name, z.pattern]),
      [
        ['north', 'bars'],
        ['shared', 'circle'],
        ['south', 'bars'],
      ],
    );
    assert.deepEqual(zones.owners('shared'), ['ws://a', 'ws://b']);
    assert.deepEqual(zones.owners('south'), ['ws://b']);
    assert.deepEqual(zones.owners('nowhere'), []);
    zones.set('ws://a', []);
    assert.deepEqual(zones.owners('shared'), ['ws://b'], 'a new report replaces that source’s list only');
  });

  it('lets a server’s report end the preview’s stand-in list', () => {
    const zones = new ReportedZones();
    zones.set(PREVIEW_SOURCE, [zone('stage')]);
    assert.deepEqual(zones.owners('stage'), [PREVIEW_SOURCE]);
    zones.set('ws://a', [zone('arena')]);
    assert.deepEqual(
      zones.all.map((z) => z.name),
      ['arena'],
    );
  });

  it('patches every copy of a zone, and says when it knows none of them', () => {
    const zones = new ReportedZones();
    zones.set('ws://a', [zone('shared')]);
    zones.set('ws://b', [zone('shared')]);
    assert.equal(
      zones.patch(['shared'], (z) => ({ ...z, pattern: 'circle' })),
      true,
    );
    zones.set('ws://a', []);
    assert.equal(zones.all[0]?.pattern, 'circle', 'the other server’s copy was patched too');
    assert.equal(
      zones.patch(['nowhere'], (z) => z),
      false,
    );
  });
});
