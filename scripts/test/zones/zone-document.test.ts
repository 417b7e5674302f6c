import { strict as assert } from 'node:assert';
import { newZone } from '../../src/zones/zone';
import { parseZones, serializeZones } from '../../src/zones/zone-document';

describe('zones document', () => {
  it('reads back what it wrote', () => {
    const zone = newZone('main', 'world', { x: 1, y: 2, z: 3 }, { x: 5, y: 3, z: 5 });
    zone.rotation = 90;
    zone.entityCount = 128;
    zone.pattern = 'circle';
    zone.params = { speed: 2 };
    const { zones, problems } = parseZones(serializeZones([zone]));
    assert.deepEqual(problems, []);
    assert.deepEqual(zones, [zone]);
  });

  it('treats a missing document as no zones', () => {
    assert.deepEqual(parseZones(null), { zones: [], problems: [] });
  });

  it('reports a document that is not JSON and starts empty', () => {
    const { zones, problems } = parseZones('{"zones": [');
    assert.deepEqual(zones, []);
    assert.match(problems[0]!, /not valid JSON/);
  });

  it('reports a document without a zones list', () => {
    assert.match(parseZones('[1,2]').problems[0]!, /no "zones" list/);
  });

  it('skips bad zones, keeps good ones and says which were skipped', () => {
    const good = newZone('ok', 'world', { x: 0, y: 0, z: 0 });
    const text = JSON.stringify({
      zones: [
        good,
        { ...good, name: 'bad name!' },
        { ...good, name: 'huge', size: { x: 500, y: 1, z: 1 } },
        { ...good, name: 'noworld', world: '' },
        'zone',
        good,
      ],
    });
    const { zones, problems } = parseZones(text);
    assert.deepEqual(
      zones.map((z) => z.name),
      ['ok'],
    );
    assert.equal(problems.length, 5);
    assert.match(problems[0]!, /#2 skipped: "bad name!" is not a valid zone name/);
    assert.match(problems[1]!, /#3 .*size/);
    assert.match(problems[4]!, /#6 .*used twice/);
  });

  it('falls back to defaults for optional fields that do not check out', () => {
    const raw = {
      ...newZone('z', 'w', { x: 0, y: 0, z: 0 }),
      entityCount: 99999,
      materials: ['x'],
      interpolation: -1,
      kind: 'cow',
    };
    const [zone] = parseZones(JSON.stringify({ zones: [raw] })).zones;
    assert.ok(zone);
    assert.equal(zone.entityCount, 0);
    assert.equal(zone.materials.length, 5);
    assert.equal(zone.interpolation, 2);
    assert.equal(zone.kind, 'block');
  });
});
