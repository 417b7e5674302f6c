import type { ZoneInfo } from '@audioviz/shared-types';

/** A zone as a server reports it: 10×10×10 blocks in "world", 16 entities, showing `pattern`. */
export function reportedZone(name: string, pattern = 'bars'): ZoneInfo {
  return {
    name,
    world: 'world',
    origin: { x: 0, y: 64, z: 0 },
    size: { x: 10, y: 10, z: 10 },
    rotation: 0,
    entity_count: 16,
    pattern,
  };
}
