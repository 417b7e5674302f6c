/** `/audioviz zone …` and `/audioviz pool …`: placing zones and filling them with entities. */
import { ERROR_CODES, MAX_ENTITIES_PER_ZONE, MAX_ROTATION_DEG } from '@audioviz/shared-types';
import { OpError } from '../op-error';
import { ENTITY_KIND_NAMES, ZONE_TEMPLATES } from '../zones/zone';
import {
  numberArg,
  PERMISSIONS,
  requireArg,
  zoneNames,
  type Command,
  type CommandContext,
  type CommandGroup,
} from './command';

const firstIsZone = (ctx: CommandContext, index: number): readonly string[] =>
  index === 0 ? zoneNames(ctx) : [];

/** The template word for the protocol's default 10×10×10 zone. */
const DEFAULT_TEMPLATE = 'default';

const create: Command = {
  name: 'create',
  usage: '<name> [template] [<world> <x> <y> <z>]',
  description: `creates a zone where you stand (templates: ${DEFAULT_TEMPLATE} 10×10×10, ${Object.keys(ZONE_TEMPLATES).join(', ')})`,
  permission: PERMISSIONS.ZONE,
  minArgs: 1,
  maxArgs: 6,
  complete: (_ctx, index) => (index === 1 ? [DEFAULT_TEMPLATE, ...Object.keys(ZONE_TEMPLATES)] : []),
  run(ctx, args) {
    const name = requireArg(args, 0, 'the zone name');
    const [, template = DEFAULT_TEMPLATE, ...place] = args;
    let world: string;
    let origin: { x: number; y: number; z: number };
    if (place.length === 4) {
      world = place[0]!;
      origin = {
        x: numberArg(place[1]!, 'x', -30_000_000, 30_000_000),
        y: numberArg(place[2]!, 'y', -2048, 2048),
        z: numberArg(place[3]!, 'z', -30_000_000, 30_000_000),
      };
    } else if (place.length === 0 && ctx.sender.location !== null) {
      const at = ctx.sender.location;
      world = at.world;
      origin = { x: Math.floor(at.x), y: Math.floor(at.y), z: Math.floor(at.z) };
    } else {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        'from the console, give the place: zone create <name> [template] <world> <x> <y> <z>',
      );
    }
    const entry = ctx.control.createZone(
      name,
      world,
      origin,
      template === DEFAULT_TEMPLATE ? undefined : template,
    );
    const s = entry.zone.size;
    return [
      `Zone "${name}" created at ${world} ${origin.x} ${origin.y} ${origin.z}, ${s.x}×${s.y}×${s.z} blocks.`,
      `Next: /audioviz pool init ${name}`,
    ];
  },
};

const remove: Command = {
  name: 'delete',
  usage: '<name>',
  description: 'deletes a zone and removes its entities',
  permission: PERMISSIONS.ZONE,
  minArgs: 1,
  maxArgs: 1,
  complete: firstIsZone,
  run(ctx, args) {
    const name = requireArg(args, 0, 'the zone name');
    ctx.control.deleteZone(name);
    return [`Zone "${name}" deleted.`];
  },
};

const list: Command = {
  name: 'list',
  usage: '',
  description: 'lists the zones',
  permission: PERMISSIONS.ZONE,
  minArgs: 0,
  maxArgs: 0,
  run(ctx) {
    const zones = ctx.control.zoneInfos();
    if (zones.length === 0) return ['No zones yet: /audioviz zone create <name>'];
    return [
      `${zones.length} zone(s):`,
      ...zones.map(
        (z) =>
          `  ${z.name}: ${z.world} ${z.origin.x} ${z.origin.y} ${z.origin.z}, ${z.entity_count} entities, pattern ${z.pattern}`,
      ),
    ];
  },
};

const info: Command = {
  name: 'info',
  usage: '<name>',
  description: 'shows one zone',
  permission: PERMISSIONS.ZONE,
  minArgs: 1,
  maxArgs: 1,
  complete: firstIsZone,
  run(ctx, args) {
    const entry = ctx.control.stage.zones.require(requireArg(args, 0, 'the zone name'));
    const z = entry.zone;
    return [
      `Zone "${z.name}" in ${z.world} at ${z.origin.x} ${z.origin.y} ${z.origin.z}`,
      `  size ${z.size.x}×${z.size.y}×${z.size.z}, rotation ${z.rotation}°`,
      `  ${z.entityCount} ${z.kind} entities, pattern ${z.pattern}`,
      `  materials ${z.materials.join(', ')}`,
      `  effects: ${entry.effects.active().join(', ') || 'none'}`,
    ];
  },
};

const setSize: Command = {
  name: 'setsize',
  usage: '<name> <x> <y> <z>',
  description: 'sets a zone’s size in blocks (1–64 per axis)',
  permission: PERMISSIONS.ZONE,
  minArgs: 4,
  maxArgs: 4,
  complete: firstIsZone,
  run(ctx, args) {
    const name = requireArg(args, 0, 'the zone name');
    const x = requireArg(args, 1, 'x');
    const y = requireArg(args, 2, 'y');
    const z = requireArg(args, 3, 'z');
    ctx.control.setSize(name, {
      x: numberArg(x, 'x', 1, 64),
      y: numberArg(y, 'y', 1, 64),
      z: numberArg(z, 'z', 1, 64),
    });
    return [`Zone "${name}" is now ${x}×${y}×${z} blocks.`];
  },
};

const setRotation: Command = {
  name: 'setrotation',
  usage: '<name> <degrees>',
  description: 'turns a zone around its corner (yaw, -360 to 360)',
  permission: PERMISSIONS.ZONE,
  minArgs: 2,
  maxArgs: 2,
  complete: (ctx, index) => (index === 0 ? zoneNames(ctx) : index === 1 ? ['0', '90', '180', '270'] : []),
  run(ctx, args) {
    const name = requireArg(args, 0, 'the zone name');
    const degrees = requireArg(args, 1, 'the rotation');
    ctx.control.setRotation(name, numberArg(degrees, 'rotation', -MAX_ROTATION_DEG, MAX_ROTATION_DEG));
    return [`Zone "${name}" turned to ${degrees}°.`];
  },
};

const poolInit: Command = {
  name: 'init',
  usage: '<zone> [count] [material] [block|item|text]',
  description: `spawns a zone's entities (default 256, at most ${MAX_ENTITIES_PER_ZONE}) as block, item or text displays`,
  permission: PERMISSIONS.ZONE,
  minArgs: 1,
  maxArgs: 4,
  complete: (ctx, index) =>
    index === 0
      ? zoneNames(ctx)
      : index === 1
        ? ['64', '128', '256', '512', '1024']
        : index === 3
          ? ENTITY_KIND_NAMES
          : [],
  run(ctx, args) {
    const zone = requireArg(args, 0, 'the zone name');
    const [, count, material, kind] = args;
    if (kind !== undefined) ctx.control.setKind(zone, kind);
    const n = ctx.control.initPool(
      zone,
      count === undefined ? undefined : numberArg(count, 'count', 1, MAX_ENTITIES_PER_ZONE),
      material,
    );
    return [`Pool of "${zone}" set to ${n} entities; they appear over the next ticks.`];
  },
};

const poolCleanup: Command = {
  name: 'cleanup',
  usage: '<zone>',
  description: "removes a zone's entities (the zone stays)",
  permission: PERMISSIONS.ZONE,
  minArgs: 1,
  maxArgs: 1,
  complete: firstIsZone,
  run(ctx, args) {
    const zone = requireArg(args, 0, 'the zone name');
    ctx.control.cleanupZone(zone);
    return [`Entities of "${zone}" removed.`];
  },
};

export const ZONE_GROUP: CommandGroup = {
  name: 'zone',
  description: 'create, delete, list, inspect, resize and turn zones',
  children: [create, remove, list, info, setSize, setRotation],
};

export const POOL_GROUP: CommandGroup = {
  name: 'pool',
  description: "spawn or remove a zone's entities",
  children: [poolInit, poolCleanup],
};
