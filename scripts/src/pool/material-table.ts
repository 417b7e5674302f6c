import { canonicalMaterial } from '@audioviz/shared-types';

/**
 * Distinct materials a batch may introduce. Zone materials always get a place; past this many, a client's
 * per-entity material is ignored (the zone's band material shows), so a flood of names cannot grow the table.
 */
export const MAX_BATCH_MATERIALS = 256;
/** Shown for a name that cannot be a block id at all; the host never sees such a name. */
export const FALLBACK_MATERIAL = 'minecraft:white_concrete';

/**
 * The frame's material table: material ids such as "minecraft:sea_lantern" by index, append-only so a host
 * only reads what is new. Every id in it is canonical (lower case, namespaced), whatever spelling was asked for:
 * a host resolving "SEA_LANTERN" could fail inside its tick.
 */
export class MaterialTable {
  readonly materials: string[] = [];
  private readonly byId = new Map<string, number>();

  /** The index of a material id, adding it on first use. */
  index(id: string): number {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    const canonical = canonicalMaterial(id) ?? FALLBACK_MATERIAL;
    let index = this.byId.get(canonical);
    if (index === undefined) {
      index = this.materials.length;
      this.materials.push(canonical);
      this.byId.set(canonical, index);
    }
    return index;
  }

  /** The index of a material a client sent, or -1 when it is new and the table already holds its share. */
  indexIfRoom(id: string): number {
    const known = this.byId.get(id);
    if (known !== undefined) return known;
    return this.materials.length < MAX_BATCH_MATERIALS ? this.index(id) : -1;
  }
}
