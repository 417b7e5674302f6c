/** Named scenes (patterns per zone, preset, sensitivity, transition), optionally saved to a file atomically. */
import fs from 'node:fs';
import type { PatternParamValues, PresetName } from '@audioviz/shared-types';
import { writeFileAtomic } from '../atomic-file';

export interface Scene {
  readonly patterns: Record<string, string>;
  /** Pattern parameters set per zone (scenes saved before parameters existed have none). */
  readonly params?: Record<string, PatternParamValues>;
  readonly preset: PresetName;
  readonly band_sensitivity: number[];
  readonly transition_duration: number;
}

/** Scenes kept at once; saving past this is refused so the file stays small. */
export const MAX_SCENES = 256;

export class SceneBook {
  private readonly scenes = new Map<string, Scene>();

  /** @param file where scenes persist, or null for memory only */
  constructor(private readonly file: string | null) {
    if (file !== null && fs.existsSync(file)) {
      try {
        const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Scene>;
        for (const [name, scene] of Object.entries(stored)) this.scenes.set(name, scene);
      } catch {
        // A damaged scenes file is left on disk untouched and the hub starts with none.
      }
    }
  }

  save(name: string, scene: Scene): void {
    if (!this.scenes.has(name) && this.scenes.size >= MAX_SCENES) {
      throw new Error(`At most ${MAX_SCENES} scenes; delete one first`);
    }
    this.scenes.set(name, scene);
    this.persist();
  }

  get(name: string): Scene | undefined {
    return this.scenes.get(name);
  }

  delete(name: string): boolean {
    const removed = this.scenes.delete(name);
    if (removed) this.persist();
    return removed;
  }

  names(): string[] {
    return [...this.scenes.keys()].sort();
  }

  private persist(): void {
    if (this.file === null) return;
    writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries(this.scenes), null, 2)}\n`);
  }
}
