/**
 * The frame's material table: material ids such as "minecraft:sea_lantern" by index, append-only so a host
 * only reads what is new.
 */
export class MaterialTable {
  readonly materials: string[] = [];
  private readonly byId = new Map<string, number>();

  /** The index of a material id, adding it on first use. */
  index(id: string): number {
    let index = this.byId.get(id);
    if (index === undefined) {
      index = this.materials.length;
      this.materials.push(id);
      this.byId.set(id, index);
    }
    return index;
  }
}
