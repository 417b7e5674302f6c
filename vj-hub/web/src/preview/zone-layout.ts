/**
 * Where each zone sits in the preview. Zones of one world that lie near each other keep their real
 * relative placement (so the preview looks like the server); otherwise they are set side by side.
 */

export interface ZoneShape {
  readonly name: string;
  readonly world?: string;
  readonly origin?: { readonly x: number; readonly y: number; readonly z: number };
  readonly size: { readonly x: number; readonly y: number; readonly z: number };
  /** Yaw in degrees. */
  readonly rotation?: number;
}

export interface ZonePlacement {
  readonly name: string;
  /** Preview-space corner of the zone, in blocks. */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Yaw in radians. */
  readonly yaw: number;
  readonly size: { readonly x: number; readonly y: number; readonly z: number };
}

/** Zones further apart than this (blocks) are laid out side by side instead. */
const MAX_REAL_SPREAD = 128;
/** Gap between zones laid side by side, blocks. */
const GAP = 4;
/** Size of a zone known only from `state` (docs/protocol.md zone model default). */
export const DEFAULT_ZONE_SIZE = { x: 10, y: 10, z: 10 } as const;

/** Placements for `zones`, centred on the origin of the preview. */
export function layoutZones(zones: readonly ZoneShape[]): ZonePlacement[] {
  if (zones.length === 0) return [];
  const real = keepsRealPlacement(zones);
  let cursor = 0;
  const placed = zones.map((zone) => {
    const yaw = ((zone.rotation ?? 0) * Math.PI) / 180;
    if (real && zone.origin) return { name: zone.name, ...zone.origin, yaw, size: zone.size };
    const at = { name: zone.name, x: cursor, y: 0, z: 0, yaw, size: zone.size };
    cursor += Math.max(zone.size.x, zone.size.z) + GAP;
    return at;
  });
  const minX = Math.min(...placed.map((p) => p.x));
  const maxX = Math.max(...placed.map((p) => p.x + p.size.x));
  const minY = Math.min(...placed.map((p) => p.y));
  const minZ = Math.min(...placed.map((p) => p.z));
  const maxZ = Math.max(...placed.map((p) => p.z + p.size.z));
  const cx = (minX + maxX) / 2;
  const cz = (minZ + maxZ) / 2;
  return placed.map((p) => ({ ...p, x: p.x - cx, y: p.y - minY, z: p.z - cz }));
}

function keepsRealPlacement(zones: readonly ZoneShape[]): boolean {
  if (zones.length < 2) return zones.every((z) => z.origin !== undefined);
  const first = zones[0] as ZoneShape;
  if (!zones.every((z) => z.origin !== undefined && z.world === first.world)) return false;
  const xs = zones.map((z) => z.origin?.x ?? 0);
  const zs = zones.map((z) => z.origin?.z ?? 0);
  return (
    Math.max(...xs) - Math.min(...xs) <= MAX_REAL_SPREAD &&
    Math.max(...zs) - Math.min(...zs) <= MAX_REAL_SPREAD
  );
}

/** The slot of an entity id "block_N" (N < limit), or -1. */
export function entitySlot(id: string, limit: number): number {
  const n = Number(id.slice(6));
  return id.startsWith('block_') && Number.isInteger(n) && n >= 0 && n < limit ? n : -1;
}
