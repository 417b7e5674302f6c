import { strict as assert } from 'node:assert';
import { FALLBACK_MATERIAL, MAX_BATCH_MATERIALS, MaterialTable } from '../../src/pool/material-table';

describe('MaterialTable', () => {
  it('holds one canonical id for every spelling of a material', () => {
    const table = new MaterialTable();
    const indexes = ['SEA_LANTERN', 'sea_lantern', 'minecraft:sea_lantern', 'Minecraft:Sea_Lantern'].map(
      (id) => table.index(id),
    );
    assert.deepEqual(indexes, [0, 0, 0, 0]);
    assert.deepEqual(table.materials, ['minecraft:sea_lantern']);
  });

  it('never hands the host a name that cannot be a block id', () => {
    const table = new MaterialTable();
    assert.equal(table.materials[table.index('a:b:c')], FALLBACK_MATERIAL);
    assert.equal(table.materials[table.index('minecraft:no_such_block')], 'minecraft:no_such_block');
  });

  it('stops taking new client materials once full, but still finds known ones', () => {
    const table = new MaterialTable();
    for (let i = 0; i < MAX_BATCH_MATERIALS; i++) table.indexIfRoom(`minecraft:block_${i}`);
    assert.equal(table.indexIfRoom('minecraft:one_more'), -1);
    assert.equal(table.indexIfRoom('minecraft:block_3'), 3);
    assert.equal(table.materials.length, MAX_BATCH_MATERIALS);
  });
});
