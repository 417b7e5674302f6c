/**
 * Every operation an operator can ask for, shared by the :8765 protocol handler and the `/audioviz`
 * command tree so both behave the same: zones, pools, entity overrides, patterns, effects, presets and
 * scenes. Each validates what the wire schema cannot (names that must exist, caps) and throws `OpError`.
 */
import {
  ERROR_CODES,
  AUDIO_PRESETS,
  EFFECT_NAMES,
  canonicalMaterial,
  paramValuesProblem,
  MAX_ROTATION_DEG,
  MAX_TRANSITION_S,
  PRESET_NAMES,
  type EffectName,
  type PatternInfo,
  type PresetName,
  type ZoneConfig,
  type ZoneInfo,
} from '@audioviz/shared-types';
import { readDocument, writeDocument } from './documents';
import { OpError } from './op-error';
import type { ParamValue } from './patterns/pattern';
import { SceneBook, type Scene } from './show/scene-book';
import type { Stage } from './show/stage';
import {
  DEFAULT_POOL_SIZE,
  DEFAULT_ZONE_SIZE,
  ENTITY_KIND_NAMES,
  ZONE_TEMPLATES,
  type EntityKind,
  type Vec3,
  type Zone,
} from './zones/zone';
import type { ZoneEntry } from './zones/zone-registry';

/** The effects an operator switches on and off rather than triggers. */
const SHOW_SWITCHES = ['blackout', 'freeze'] as const;
type ShowSwitch = (typeof SHOW_SWITCHES)[number];
const isShowSwitch = (effect: string): effect is ShowSwitch =>
  (SHOW_SWITCHES as readonly string[]).includes(effect);

export class Control {
  readonly scenes = new SceneBook();
  /** Blackout and freeze as last switched for every zone at once (`set_blackout` / `set_freeze` with no zone). */
  private readonly everyZone: Record<ShowSwitch, boolean> = { blackout: false, freeze: false };

  constructor(readonly stage: Stage) {
    for (const problem of this.scenes.load(readDocument(stage.options.host, 'scenes'))) {
      stage.options.host.log('warn', problem);
    }
  }

  // ---- zones ----

  /** Creates a zone; `shape` is a template name or a size in blocks (default 10×10×10, docs/protocol.md). */
  createZone(name: string, world: string, origin: Vec3, shape: string | Vec3 = DEFAULT_ZONE_SIZE): ZoneEntry {
    const size = typeof shape === 'string' ? ZONE_TEMPLATES[shape] : shape;
    if (size === undefined) {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        `unknown template "${String(shape)}": use one of ${Object.keys(ZONE_TEMPLATES).join(', ')}`,
      );
    }
    checkSize(size);
    const entry = this.stage.zones.create(name, world, origin, size);
    // A zone created during a show-wide blackout or freeze joins it, as a hub that switched them expects.
    const now = this.stage.options.host.now();
    for (const effect of SHOW_SWITCHES) if (this.everyZone[effect]) entry.effects.set(effect, true, now);
    return entry;
  }

  deleteZone(name: string): void {
    this.stage.zones.delete(name);
  }

  setSize(name: string, size: Vec3): void {
    checkSize(size);
    const entry = this.stage.zones.require(name);
    entry.zone.size = { ...size };
    this.stage.zones.changed(entry);
  }

  setRotation(name: string, degrees: number): void {
    if (!Number.isFinite(degrees) || Math.abs(degrees) > MAX_ROTATION_DEG) {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        `rotation must be -${MAX_ROTATION_DEG} to ${MAX_ROTATION_DEG} degrees, got ${degrees}`,
      );
    }
    const entry = this.stage.zones.require(name);
    entry.zone.rotation = degrees;
    this.stage.zones.changed(entry);
  }

  /** Applies a `set_zone_config` (every field optional; already schema-checked). */
  configure(name: string, config: ZoneConfig): void {
    const entry = this.stage.zones.require(name);
    const zone = entry.zone;
    if (config.pattern !== undefined) this.requirePattern(config.pattern);
    // Checked before anything changes, so a refused config leaves the zone as it was.
    const materials =
      config.materials !== undefined
        ? (config.materials.map(blockId) as Zone['materials'])
        : config.block_type !== undefined
          ? bandMaterials(config.block_type)
          : undefined;
    if (config.size !== undefined) zone.size = { ...config.size };
    if (config.rotation !== undefined) zone.rotation = config.rotation;
    if (materials !== undefined) zone.materials = materials;
    if (config.brightness !== undefined) zone.brightness = config.brightness;
    if (config.interpolation !== undefined) zone.interpolation = config.interpolation;
    if (config.glow_on_beat !== undefined) zone.glowOnBeat = config.glow_on_beat;
    if (config.dynamic_brightness !== undefined) zone.dynamicBrightness = config.dynamic_brightness;
    if (config.pattern !== undefined)
      this.setZonePattern(entry, config.pattern, this.stage.settings.transitionS);
    if (config.entity_count !== undefined) this.stage.zones.setEntityCount(entry, config.entity_count);
    this.stage.zones.changed(entry);
  }

  /** Sets a zone's entity kind (block, item or text displays); respawns nothing until the pool is re-initialised. */
  setKind(name: string, kind: string): void {
    if (!ENTITY_KIND_NAMES.includes(kind as EntityKind)) {
      throw new OpError(ERROR_CODES.INVALID_ARGUMENT, `kind must be one of ${ENTITY_KIND_NAMES.join(', ')}`);
    }
    const entry = this.stage.zones.require(name);
    entry.zone.kind = kind as EntityKind;
    this.stage.zones.changed(entry);
  }

  /** Creates or resizes a zone's pool; returns the entity count (capped). */
  initPool(name: string, count = DEFAULT_POOL_SIZE, material?: string): number {
    const entry = this.stage.zones.require(name);
    if (material !== undefined) {
      entry.zone.materials = bandMaterials(material);
      this.stage.zones.changed(entry);
    }
    return this.stage.zones.setEntityCount(entry, count);
  }

  cleanupZone(name: string): void {
    this.stage.zones.setEntityCount(this.stage.zones.require(name), 0);
  }

  /** Forces entities (all when `ids` is absent) hidden/shown, glowing, or to a brightness. */
  override(
    name: string,
    what: 'visible' | 'glow' | 'brightness',
    value: number,
    ids?: readonly string[],
  ): number {
    const pool = this.stage.zones.require(name).pool;
    const array =
      what === 'visible'
        ? pool.visibleOverride
        : what === 'glow'
          ? pool.glowOverride
          : pool.brightnessOverride;
    // Showing again means "no override": the pattern decides visibility.
    const stored = what === 'visible' && value === 1 ? -1 : value;
    pool.overridden();
    if (ids === undefined) {
      array.fill(stored);
      return pool.capacity;
    }
    let n = 0;
    for (const id of ids) {
      const i = /^block_[0-9]{1,4}$/.test(id) ? Number(id.slice(6)) : -1;
      if (i >= 0 && i < pool.capacity) {
        array[i] = stored;
        n++;
      }
    }
    return n;
  }

  zoneInfo(entry: ZoneEntry): ZoneInfo {
    const z = entry.zone;
    return {
      name: z.name,
      world: z.world,
      origin: { ...z.origin },
      size: { ...z.size },
      rotation: z.rotation,
      entity_count: z.entityCount,
      pattern: z.pattern,
      ...(Object.keys(z.params).length > 0 ? { params: { ...z.params } } : {}),
    };
  }

  zoneInfos(): ZoneInfo[] {
    return [...this.stage.zones.all()].map((e) => this.zoneInfo(e));
  }

  // ---- patterns ----

  patterns(): PatternInfo[] {
    return this.stage.library.list().map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
      recommended_entities: m.recommendedEntities,
      params: m.params,
    }));
  }

  /** Sets the pattern of one zone, or of every zone; returns the zone names changed. */
  setPattern(zone: string | undefined, pattern: string, transitionS?: number): string[] {
    this.requirePattern(pattern);
    const fade = transitionS ?? this.stage.settings.transitionS;
    const entries = zone === undefined ? [...this.stage.zones.all()] : [this.stage.zones.require(zone)];
    for (const entry of entries) this.setZonePattern(entry, pattern, fade);
    this.stage.zones.save();
    return entries.map((e) => e.zone.name);
  }

  /** Sets one parameter of a zone's pattern (checked against the pattern's spec). */
  setParam(zone: string, key: string, value: ParamValue): void {
    this.setParams(zone, { [key]: value });
  }

  /**
   * Sets parameters of a zone's pattern: every value is checked against the pattern's spec before any is
   * applied. With `replace`, parameters not named go back to their defaults. Returns the zone's pattern and
   * every parameter now set on it.
   */
  setParams(
    zone: string,
    params: Readonly<Record<string, ParamValue>>,
    replace = false,
  ): { pattern: string; params: Record<string, ParamValue> } {
    const entry = this.stage.zones.require(zone);
    const specs = this.stage.library.get(entry.zone.pattern)?.meta.params ?? {};
    const problem = paramValuesProblem(entry.zone.pattern, specs, params);
    if (problem !== null) throw new OpError(ERROR_CODES.INVALID_ARGUMENT, problem);
    entry.zone.params = replace ? { ...params } : { ...entry.zone.params, ...params };
    this.stage.zones.save();
    return { pattern: entry.zone.pattern, params: { ...entry.zone.params } };
  }

  private setZonePattern(entry: ZoneEntry, pattern: string, transitionS: number): void {
    if (entry.zone.pattern !== pattern) entry.zone.params = {};
    entry.zone.pattern = pattern;
    entry.show.transitionNext(Math.min(MAX_TRANSITION_S, Math.max(0, transitionS)));
  }

  private requirePattern(id: string): void {
    if (this.stage.library.isDisabled(id)) {
      throw new OpError(
        ERROR_CODES.PATTERN_DISABLED,
        `pattern "${id}" is disabled after repeated failures: load a fixed version first`,
      );
    }
    if (!this.stage.library.has(id)) {
      throw new OpError(
        ERROR_CODES.PATTERN_NOT_FOUND,
        `there is no pattern "${id}": see "/audioviz pattern list"`,
      );
    }
  }

  // ---- effects, presets ----

  triggerEffect(zone: string | undefined, effect: string, intensity = 1, durationMs?: number): string[] {
    if (!EFFECT_NAMES.includes(effect as EffectName)) {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        `unknown effect "${effect}": use one of ${EFFECT_NAMES.join(', ')}`,
      );
    }
    // Blackout or freeze switched on every zone (no duration) is the show-wide switch, as the hub's: zones created
    // later join it. With a duration it is a timed effect, as any other.
    if (zone === undefined && durationMs === undefined && isShowSwitch(effect)) {
      // As for a zone's: intensity 0 switches it off, anything else toggles it.
      return this.setShowSwitch(undefined, effect, intensity > 0 && !this.showState()[effect]);
    }
    const entries = this.entriesOf(zone);
    const now = this.stage.options.host.now();
    for (const entry of entries) entry.effects.trigger(effect as EffectName, now, intensity, durationMs);
    return entries.map((e) => e.zone.name);
  }

  /**
   * The preset and the show-wide blackout and freeze switches (a zone's own or a timed blackout or freeze is an
   * effect of that zone, not the show's state).
   */
  showState(): { preset: PresetName; blackout: boolean; freeze: boolean } {
    const { blackout, freeze } = this.everyZone;
    return { preset: this.stage.settings.preset, blackout, freeze };
  }

  /** One zone's entry, or every zone's when no zone is named. */
  private entriesOf(zone: string | undefined): ZoneEntry[] {
    return zone === undefined ? [...this.stage.zones.all()] : [this.stage.zones.require(zone)];
  }

  /**
   * Switches blackout or freeze on or off in one zone, or in every zone (zones created later then start with
   * it); answers the zones it reached.
   */
  setShowSwitch(zone: string | undefined, effect: ShowSwitch, on: boolean): string[] {
    if (zone === undefined) this.everyZone[effect] = on;
    const entries = this.entriesOf(zone);
    const now = this.stage.options.host.now();
    for (const entry of entries) entry.effects.set(effect, on, now);
    return entries.map((e) => e.zone.name);
  }

  setPreset(name: string): void {
    if (!PRESET_NAMES.includes(name as PresetName)) {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        `unknown preset "${name}": use one of ${PRESET_NAMES.join(', ')}`,
      );
    }
    this.stage.settings.preset = name as PresetName;
    this.stage.saveSettings();
  }

  presetDescription(name: PresetName): string {
    return AUDIO_PRESETS[name].description;
  }

  // ---- scenes ----

  saveScene(name: string): void {
    const zones: Scene['zones'] = {};
    let blackout = false;
    let freeze = false;
    for (const e of this.stage.zones.all()) {
      zones[e.zone.name] = {
        pattern: e.zone.pattern,
        params: { ...e.zone.params },
        materials: [...e.zone.materials],
        brightness: e.zone.brightness,
        glowOnBeat: e.zone.glowOnBeat,
      };
      blackout ||= e.effects.isActive('blackout');
      freeze ||= e.effects.isActive('freeze');
    }
    const { preset, transitionS } = this.stage.settings;
    const error = this.scenes.save({ name, preset, transitionS, blackout, freeze, zones });
    if (error !== null) throw new OpError(ERROR_CODES.INVALID_ARGUMENT, error);
    writeDocument(this.stage.options.host, 'scenes', this.scenes.serialize());
  }

  /** Applies a scene; returns problems that did not stop it (a pattern it names is missing, …). */
  loadScene(name: string): string[] {
    const scene = this.scenes.get(name);
    if (scene === undefined) {
      throw new OpError(
        ERROR_CODES.SCENE_NOT_FOUND,
        `there is no scene "${name}": see "/audioviz scene list"`,
      );
    }
    const problems: string[] = [];
    this.stage.settings.preset = scene.preset;
    this.stage.saveSettings();
    this.setShowSwitch(undefined, 'blackout', scene.blackout);
    this.setShowSwitch(undefined, 'freeze', scene.freeze);
    for (const entry of this.stage.zones.all()) {
      const want =
        scene.zones[entry.zone.name] ??
        (scene.pattern !== undefined ? { pattern: scene.pattern, params: {} } : undefined);
      if (want === undefined) continue;
      if (!this.stage.library.get(want.pattern)) {
        problems.push(
          `zone "${entry.zone.name}": pattern "${want.pattern}" is not available, kept "${entry.zone.pattern}"`,
        );
      } else {
        this.setZonePattern(entry, want.pattern, scene.transitionS);
        entry.zone.params = { ...want.params };
      }
      if (want.materials !== undefined) entry.zone.materials = [...want.materials];
      if (want.brightness !== undefined) entry.zone.brightness = want.brightness;
      if (want.glowOnBeat !== undefined) entry.zone.glowOnBeat = want.glowOnBeat;
      this.stage.zones.changed(entry);
    }
    return problems;
  }

  deleteScene(name: string): void {
    const error = this.scenes.delete(name);
    if (error !== null) throw new OpError(ERROR_CODES.SCENE_NOT_FOUND, error);
    writeDocument(this.stage.options.host, 'scenes', this.scenes.serialize());
  }
}

function checkSize(size: Vec3): void {
  for (const v of [size.x, size.y, size.z]) {
    if (!Number.isFinite(v) || v < 1 || v > 64) {
      throw new OpError(ERROR_CODES.INVALID_ARGUMENT, `a zone is 1–64 blocks along each axis, got ${v}`);
    }
  }
}

/** A material in canonical form ("SEA_LANTERN" → "minecraft:sea_lantern"); what cannot be a block id is refused. */
function blockId(name: string): string {
  const id = canonicalMaterial(name);
  if (id === null) {
    throw new OpError(
      ERROR_CODES.INVALID_ARGUMENT,
      `"${name}" is not a block id such as minecraft:sea_lantern`,
    );
  }
  return id;
}

/** One material for all five bands. */
function bandMaterials(name: string): Zone['materials'] {
  const id = blockId(name);
  return [id, id, id, id, id];
}
