/**
 * The zones each source reported: every Minecraft server (by its URL) owns the zones it reports, and the preview
 * engine reports its own while no server has. The hub shows them all, in the order the sources first reported,
 * and the first source's entry where two report the same name; a command for a zone goes to the sources that own
 * it.
 */
import type { ZoneInfo } from '@audioviz/shared-types';

/** The source name of the hub's own preview engine. */
export const PREVIEW_SOURCE = 'preview';

export class ReportedZones {
  private readonly bySource = new Map<string, ZoneInfo[]>();
  private merged: ZoneInfo[] = [];

  /** Every zone once, as the hub shows them. */
  get all(): ZoneInfo[] {
    return this.merged;
  }

  /** Replaces what one source reports. A server's report also ends the preview's stand-in list. */
  set(source: string, zones: ZoneInfo[]): void {
    if (source !== PREVIEW_SOURCE) this.bySource.delete(PREVIEW_SOURCE);
    this.bySource.set(source, zones);
    this.merge();
  }

  /** Applies `change` to every source's copy of the named zones; false when none of them is known. */
  patch(names: readonly string[], change: (zone: ZoneInfo) => ZoneInfo): boolean {
    if (!this.merged.some((z) => names.includes(z.name))) return false;
    for (const [source, zones] of this.bySource)
      this.bySource.set(
        source,
        zones.map((z) => (names.includes(z.name) ? change(z) : z)),
      );
    this.merge();
    return true;
  }

  /** The sources that report a zone of this name (empty: nobody has it yet). */
  owners(zone: string): string[] {
    const out: string[] = [];
    for (const [source, zones] of this.bySource) if (zones.some((z) => z.name === zone)) out.push(source);
    return out;
  }

  private merge(): void {
    const seen = new Set<string>();
    this.merged = [];
    for (const zones of this.bySource.values())
      for (const z of zones) {
        if (seen.has(z.name)) continue;
        seen.add(z.name);
        this.merged.push(z);
      }
  }
}
