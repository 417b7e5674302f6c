// A real Minecraft protocol client for the standalone server's tests and benchmark: joins offline, prints one
// JSON line per event it sees on stdout, and runs lines from stdin ("chat <text>", "quit").
//
//   node watch-entities.cjs --host 127.0.0.1 --port 25565 [--username Watcher] [--version 26.1]
//
// Events: {"event":"joined"}, {"event":"spawn","id","type","x","y","z"},
// {"event":"metadata","id","fields":{name: value}}, {"event":"destroy","ids"}, {"event":"chat","text"},
// {"event":"position","packet","id"} (position sync, teleport or velocity of an entity),
// {"event":"end","reason"}, {"event":"error","message"}. Metadata fields of display entities are named
// (translation, scale, left_rotation, interpolation_delay, ...); others appear as "i<index>". A block display's
// `displayed` is a block state id; its block's name is added as "block" ("glowstone").
'use strict';
const readline = require('node:readline');
const mc = require('minecraft-protocol');

/** Display entity metadata indices (Minecraft 1.20.2+ layout: entity base 0–7, display 8–22, kind 23+). */
const DISPLAY_FIELDS = {
  0: 'flags',
  8: 'interpolation_delay',
  9: 'interpolation_duration',
  10: 'teleport_duration',
  11: 'translation',
  12: 'scale',
  13: 'left_rotation',
  14: 'right_rotation',
  16: 'brightness',
  17: 'view_range',
  20: 'width',
  21: 'height',
  22: 'glow_color',
  23: 'displayed',
};

function option(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function emit(event) {
  process.stdout.write(JSON.stringify(event, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
}

const version = option('version', '26.1');
const registry = require('minecraft-data')(version);
const client = mc.createClient({
  host: option('host', '127.0.0.1'),
  port: Number(option('port', '25565')),
  username: option('username', 'Watcher'),
  version,
  auth: 'offline',
});

client.on('login', () => emit({ event: 'joined' }));
/** Entity ids of the block displays spawned, whose `displayed` field is a block state. */
const blockDisplays = new Set();
client.on('spawn_entity', (p) => {
  const type = registry.entities[p.type];
  if (type && type.name === 'block_display') blockDisplays.add(p.entityId);
  emit({ event: 'spawn', id: p.entityId, type: type ? type.name : String(p.type), x: p.x, y: p.y, z: p.z });
});
client.on('entity_metadata', (p) => {
  const fields = {};
  for (const entry of p.metadata) fields[DISPLAY_FIELDS[entry.key] ?? 'i' + entry.key] = entry.value;
  if (blockDisplays.has(p.entityId) && typeof fields.displayed === 'number') {
    const block = registry.blocksByStateId[fields.displayed];
    fields.block = block ? block.name : 'unknown state ' + fields.displayed;
  }
  emit({ event: 'metadata', id: p.entityId, fields });
});
client.on('entity_destroy', (p) => {
  for (const id of p.entityIds) blockDisplays.delete(id);
  emit({ event: 'destroy', ids: p.entityIds });
});
for (const name of ['sync_entity_position', 'entity_teleport', 'entity_velocity']) {
  client.on(name, (p) => emit({ event: 'position', packet: name, id: p.entityId }));
}
client.on('system_chat', (p) => emit({ event: 'chat', text: JSON.stringify(p.content) }));
client.on('position', (p) => {
  // Confirm the server's teleport, as a vanilla client does, so the server considers the player placed.
  if (p.teleportId !== undefined) client.write('teleport_confirm', { teleportId: p.teleportId });
});
client.on('error', (e) => emit({ event: 'error', message: String(e && e.message ? e.message : e) }));
client.on('end', (reason) => {
  emit({ event: 'end', reason: String(reason) });
  process.exit(0);
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'quit') {
    client.end('done');
  } else if (line.startsWith('chat ')) {
    client.chat(line.slice(5));
  }
});
