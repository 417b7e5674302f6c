/**
 * Builds the `TickDiff` of host.ts: flat, reused typed arrays that grow by doubling (so a steady show
 * allocates nothing), an append-only material table, and the zone-slot → anchor list.
 */
import { FLOAT_STRIDE, INT_STRIDE, type TickDiff, type ZoneAnchor } from '../host';

const INITIAL_RECORDS = 256;

export class DiffBuilder implements TickDiff {
  count = 0;
  ints = new Int32Array(INITIAL_RECORDS * INT_STRIDE);
  floats = new Float32Array(INITIAL_RECORDS * FLOAT_STRIDE);
  /** Slot → anchor; a free slot holds null (the Java copier skips it). */
  zones: ZoneAnchor[] = [];
  readonly materials: string[] = [];
  private readonly materialIndex = new Map<string, number>();

  /** Starts a new tick's diff. */
  reset(): void {
    this.count = 0;
  }

  /** The index of a material id in `materials`, adding it on first use. */
  material(id: string): number {
    let index = this.materialIndex.get(id);
    if (index === undefined) {
      index = this.materials.length;
      this.materials.push(id);
      this.materialIndex.set(id, index);
    }
    return index;
  }

  /** Replaces the anchor list (on zone changes only, never per tick). */
  setZones(anchors: (ZoneAnchor | null)[]): void {
    this.zones = anchors as ZoneAnchor[];
  }

  /**
   * Appends one record and returns its index; the caller fills the ints it did not pass and the floats
   * at `index * FLOAT_STRIDE`.
   */
  add(zoneSlot: number, entity: number, flags: number): number {
    const index = this.count++;
    if (this.count * INT_STRIDE > this.ints.length) this.grow();
    const o = index * INT_STRIDE;
    this.ints[o] = zoneSlot;
    this.ints[o + 1] = entity;
    this.ints[o + 2] = flags;
    return index;
  }

  private grow(): void {
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const floats = new Float32Array(this.floats.length * 2);
    floats.set(this.floats);
    this.floats = floats;
  }
}
