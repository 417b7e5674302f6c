// Preloaded (node --require) into the standalone server's protocol client, paper-plugin/standalone/src/test/js/
// watch-entities.cjs, which prints what entities do but not when each packet arrived or what it weighed. For
// every entity packet this prints {"event":"packet","name","id","t","bytes"} just before the client's own line
// for it: t is the arrival time (ms since the epoch), bytes the packet's size (id + payload, uncompressed).
'use strict';
const mc = require('minecraft-protocol');

/** Packets that create, change, move or remove an entity. */
const ENTITY_PACKETS = new Set([
  'spawn_entity',
  'entity_metadata',
  'entity_destroy',
  'rel_entity_move',
  'entity_move_look',
  'entity_look',
  'entity_teleport',
  'sync_entity_position',
  'entity_head_rotation',
  'entity_velocity',
  'entity_update_attributes',
]);

const createClient = mc.createClient;
mc.createClient = function createMeteredClient(options) {
  const client = createClient(options);
  client.on('packet', (data, meta, buffer) => {
    if (!ENTITY_PACKETS.has(meta.name)) return;
    const id = data && data.entityId !== undefined ? data.entityId : null;
    process.stdout.write(
      JSON.stringify({ event: 'packet', name: meta.name, id, t: Date.now(), bytes: buffer.length }) + '\n',
    );
  });
  return client;
};
