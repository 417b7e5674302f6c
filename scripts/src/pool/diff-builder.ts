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
    this.reserve(this.count);
    const o = index * INT_STRIDE;
    this.ints[o] = zoneSlot;
    this.ints[o + 1] = entity;
    this.ints[o + 2] = flags;
    return index;
  }

  /** Makes room for `records` records in all (doubling, so a steady show stops allocating). */
  reserve(records: number): void {
    if (records * INT_STRIDE <= this.ints.length) return;
    let length = this.ints.length / INT_STRIDE;
    while (length < records) length *= 2;
    const ints = new Int32Array(length * INT_STRIDE);
    ints.set(this.ints);
    this.ints = ints;
    const floats = new Float32Array(length * FLOAT_STRIDE);
    floats.set(this.floats);
    this.floats = floats;
  }
}
