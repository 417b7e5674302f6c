/**
 * The hub's scenes. They live in the engine's `SceneBook`, so the hub and every server share one scene model and
 * one document format, and are saved to the hub's scenes file atomically. A file the hub wrote in its first format
 * (scenes by name, with `patterns`, `params`, `preset`, `band_sensitivity`, `transition_duration`) is read too and
 * written in the shared format on the next save. A file that does not read cleanly is copied aside first, so a
 * later save never overwrites what could not be read.
 */
import fs from 'node:fs';
import { isPlainObject } from '@audioviz/shared-types';
import { SceneBook, type Scene } from '@audioviz/scripts';
import { writeFileAtomic } from '../atomic-file';

export class SceneFile {
  readonly book = new SceneBook();
  /** What was wrong with the stored file, one line each; empty when it read cleanly or did not exist. */
  readonly problems: string[] = [];

  /** @param file where scenes persist, or null for memory only */
  constructor(private readonly file: string | null) {
    if (file === null || !fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const problems = this.book.load(inSharedFormat(text));
    if (problems.length === 0) return;
    const copy = `${file}.unreadable`;
    fs.copyFileSync(file, copy);
    this.problems.push(...problems.map((p) => `${file}: ${p}; the file as it was is kept in ${copy}`));
  }

  /** Stores a scene and saves the file; returns why it was refused, or null. */
  save(scene: Scene): string | null {
    const refused = this.book.save(scene);
    if (refused === null) this.persist();
    return refused;
  }

  /** Deletes a saved scene and saves the file; returns why it was refused, or null. */
  delete(name: string): string | null {
    const refused = this.book.delete(name);
    if (refused === null) this.persist();
    return refused;
  }

  private persist(): void {
    if (this.file !== null) writeFileAtomic(this.file, `${this.book.serialize()}\n`);
  }
}

/** The stored text in the shared format: a first-format file converted, anything else as it is. */
function inSharedFormat(text: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isPlainObject(doc) || 'scenes' in doc) return text;
  const scenes = Object.entries(doc).map(([name, old]) =>
    isPlainObject(old) ? fromFirstFormat(name, old) : { name },
  );
  return JSON.stringify({ version: 1, scenes });
}

/** One first-format scene as a shared one; the book's reader then checks every field. */
function fromFirstFormat(name: string, old: Record<string, unknown>): unknown {
  const patterns = isPlainObject(old['patterns']) ? old['patterns'] : {};
  const params = isPlainObject(old['params']) ? old['params'] : {};
  return {
    name,
    preset: old['preset'],
    transitionS: old['transition_duration'],
    blackout: false,
    freeze: false,
    bandSensitivity: old['band_sensitivity'],
    zones: Object.fromEntries(
      Object.entries(patterns).map(([zone, pattern]) => [zone, { pattern, params: params[zone] }]),
    ),
  };
}
