/**
 * The hub's one source of truth. Servers change state only through these methods and learn of changes
 * only through `events`; no server reaches into another's sockets. Audio frames pass through here too
 * (`djs.frame` → `events.frame`), so the show loop and the DJ server never know each other.
 */
import {
  ERROR_CODES,
  type ErrorCode,
  type Clock,
  type EffectName,
  type Health,
  paramValuesProblem,
  type PatternInfo,
  type PatternParamValues,
  type PresetName,
  type RandomSource,
  type ZoneConfig,
  type ZoneInfo,
  DEFAULT_MAX_DJS,
} from '@audioviz/shared-types';
import { ConnectCodes, type NewConnectCode } from '../auth/connect-codes';
import { MAX_AUDIO_STATE_BPM } from '../dj/audio-shaper';
import { createHubEvents, defined, type ZoneCommand } from './hub-events';
import { DjRoster } from './dj-roster';
import { HealthCounters } from './health-counters';
import type { Scene, SceneZone } from '@audioviz/scripts';
import { PREVIEW_SOURCE, ReportedZones } from './reported-zones';
import { SceneFile } from './scene-file';
import { StoreError } from './store-error';

export { StoreError };
export type { PendingRecord, RosterSnapshot, ZoneCommand } from './hub-events';
export type { DjRecord } from './dj-roster';

export interface HubStoreOptions {
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly maxDjs?: number;
  /** Where scenes are saved (atomically); null keeps them in memory. */
  readonly scenesFile?: string | null;
  /** Called when an event listener throws; the other listeners still run. */
  readonly onListenerError?: (error: unknown) => void;
}

export class HubStore {
  readonly events: ReturnType<typeof createHubEvents>;

  readonly health = new HealthCounters();
  readonly codes: ConnectCodes;
  readonly maxDjs: number;

  readonly djs: DjRoster;
  private readonly minecraft = new Map<string, boolean>();
  private readonly scenes: SceneFile;

  preset: PresetName = 'auto';
  private operatorChosePreset = false;
  /** Operator gain per band, 0–2, on top of the preset's. */
  readonly bandSensitivity: [number, number, number, number, number] = [1, 1, 1, 1, 1];
  /** Pattern transition, s (0–3). */
  transitionDuration = 1;
  blackout = false;
  freeze = false;
  /** Operator overrides of the preset's smoothing (`set_audio_setting`). */
  readonly audioSettings: { attack?: number; release?: number; tapBpm?: number } = {};
  /** Pattern per zone as last set. */
  readonly currentPatterns: Record<string, string> = {};
  /** Zone settings the operator changed, replayed to a Minecraft server after it reconnects. */
  readonly zoneConfigs = new Map<string, ZoneConfig>();
  /** Pools the operator initialised, replayed after a reconnect. */
  readonly pools = new Map<string, { count?: number; material?: string }>();
  private readonly reported = new ReportedZones();
  patterns: PatternInfo[] = [];

  constructor(options: HubStoreOptions) {
    this.events = createHubEvents(options.onListenerError);
    this.codes = new ConnectCodes(options.clock, options.random);
    this.djs = new DjRoster(options.clock, this.events, this.health);
    this.maxDjs = options.maxDjs ?? DEFAULT_MAX_DJS;
    this.scenes = new SceneFile(options.scenesFile ?? null);
  }

  // ---- connect codes ----

  generateConnectCode(ttlMinutes?: number): NewConnectCode {
    return this.codes.generate(ttlMinutes === undefined ? undefined : ttlMinutes * 60_000);
  }

  // ---- show settings ----

  /**
   * The operator's preset: the DJs' analyzers smooth their levels with it (`preset_sync`) and every server's
   * engine eases its entities with it (`set_preset`), so one choice sets how the whole show follows the music.
   */
  setPreset(preset: PresetName): void {
    this.preset = preset;
    this.operatorChosePreset = true;
    this.sendZoneCommand({ type: 'set_preset', preset });
    this.events.presetChanged.emit({ preset });
    this.events.settings.emit();
  }

  /** The operator picked the preset or its smoothing (until then servers and DJs keep their own). */
  get presetChosen(): boolean {
    return this.operatorChosePreset;
  }

  setBandSensitivity(band: number, sensitivity: number): void {
    this.bandSensitivity[band] = sensitivity;
    this.events.settings.emit();
  }

  /**
   * `set_audio_setting`: "attack" / "release" (0–1, per 60 Hz frame) override the preset's smoothing of the
   * DJs' levels (sent to them in `preset_sync`);
   * "tap_bpm" (the operator's tapped tempo, 0 clears it) replaces the DJ's detected tempo.
   */
  setAudioSetting(setting: string, value: number | boolean | string): void {
    if (
      (setting === 'attack' || setting === 'release') &&
      typeof value === 'number' &&
      value > 0 &&
      value <= 1
    ) {
      this.audioSettings[setting] = value;
      // The DJs' analyzers smooth the levels: they get the new rate with the preset.
      this.operatorChosePreset = true;
      this.events.presetChanged.emit({ preset: this.preset });
    } else if (
      setting === 'tap_bpm' &&
      typeof value === 'number' &&
      value >= 0 &&
      value <= MAX_AUDIO_STATE_BPM
    ) {
      if (value === 0) delete this.audioSettings.tapBpm;
      else this.audioSettings.tapBpm = value;
    } else {
      throw new StoreError(
        ERROR_CODES.UNKNOWN_SETTING,
        `Audio setting "${setting}" = ${JSON.stringify(value)} not understood; use "attack" or "release" with a number in (0, 1], or "tap_bpm" with 0–${MAX_AUDIO_STATE_BPM}`,
      );
    }
    this.events.settings.emit();
  }

  setTransitionDuration(seconds: number): void {
    this.transitionDuration = seconds;
    this.events.settings.emit();
  }

  setPattern(pattern: string, zones?: string[]): void {
    const targets = zones ?? this.zones.map((z) => z.name);
    for (const zone of targets) this.currentPatterns[zone] = pattern;
    this.patchZones(targets, { pattern });
    if (zones === undefined)
      this.sendZoneCommand({ type: 'set_pattern', pattern, transition_s: this.transitionDuration });
    else
      for (const zone of zones)
        this.sendZoneCommand({ type: 'set_pattern', zone, pattern, transition_s: this.transitionDuration });
    this.events.patternChanged.emit(zones === undefined ? { pattern } : { pattern, zones });
  }

  /**
   * `set_pattern_params`: checks every value against the controls the zone's pattern declares, then sends
   * them to the servers and the preview. Returns the zone's pattern and every parameter now set on it.
   */
  setPatternParams(
    zone: string,
    params: PatternParamValues,
    replace = false,
  ): { pattern: string; params: PatternParamValues } {
    const info = this.zones.find((z) => z.name === zone);
    if (info === undefined)
      throw new StoreError(ERROR_CODES.ZONE_NOT_FOUND, `No zone "${zone}"; pick one from the zone list`);
    const specs = this.patterns.find((p) => p.id === info.pattern)?.params ?? {};
    const problem = paramValuesProblem(info.pattern, specs, params);
    if (problem !== null) throw new StoreError(ERROR_CODES.INVALID_ARGUMENT, problem);
    const now = replace ? { ...params } : { ...info.params, ...params };
    this.sendZoneCommand({ type: 'set_pattern_params', zone, params, ...(replace ? { replace } : {}) });
    this.patchZones([zone], { params: now });
    return { pattern: info.pattern, params: now };
  }

  triggerEffect(effect: EffectName, intensity?: number, duration?: number, zone?: string): void {
    this.sendZoneCommand({ type: 'trigger_effect', effect, ...defined({ intensity, duration, zone }) });
    this.events.effectTriggered.emit({ effect, ...defined({ intensity, duration }) });
  }

  /**
   * Blackout hides every zone's entities until it is turned off. Each engine (every server's and the preview's)
   * does it; the hub keeps the operator's choice to restore it on a server that reconnects.
   */
  setBlackout(enabled: boolean): void {
    this.blackout = enabled;
    this.sendZoneCommand({ type: 'set_blackout', enabled });
    this.events.settings.emit();
  }

  /** Freeze holds the last frame in every engine until it is lifted; audio keeps flowing, so it resumes at once. */
  setFreeze(enabled: boolean): void {
    this.freeze = enabled;
    this.sendZoneCommand({ type: 'set_freeze', enabled });
    this.events.settings.emit();
  }

  /**
   * A server's show was switched in game (its `show_state`): the whole show follows, as if the operator had
   * switched it here, so the panel, the preview, the other servers and the DJs agree with what players see.
   */
  followInGame(state: { preset: PresetName; blackout: boolean; freeze: boolean }): void {
    if (state.preset !== this.preset) this.setPreset(state.preset);
    if (state.blackout !== this.blackout) this.setBlackout(state.blackout);
    if (state.freeze !== this.freeze) this.setFreeze(state.freeze);
  }

  setZoneConfig(zone: string, config: ZoneConfig): void {
    this.zoneConfigs.set(zone, { ...this.zoneConfigs.get(zone), ...config });
    if (config.pattern !== undefined) this.currentPatterns[zone] = config.pattern;
    this.sendZoneCommand({ type: 'set_zone_config', zone, config });
    const { size, rotation, entity_count, pattern } = config;
    this.patchZones([zone], defined({ size, rotation, entity_count, pattern }));
  }

  initPool(zone: string, count?: number, material?: string): void {
    this.pools.set(zone, defined({ count, material }));
    this.sendZoneCommand({ type: 'init_pool', zone, ...defined({ count, material }) });
    if (count !== undefined) this.patchZones([zone], { entity_count: count });
  }

  cleanupZone(zone: string): void {
    this.pools.delete(zone);
    this.sendZoneCommand({ type: 'cleanup_zone', zone });
    this.patchZones([zone], { entity_count: 0 });
  }

  /**
   * Brings the zone summaries up to date with a change the operator just sent, so panels do not show stale
   * zones until a server reports them again (its next `zones` reply replaces them).
   */
  private patchZones(names: readonly string[], patch: Partial<ZoneInfo>): void {
    if (Object.keys(patch).length === 0 || !this.reported.patch(names, (z) => patched(z, patch))) return;
    this.events.zones.emit({ zones: this.zones });
  }

  /** Every zone of every server (or the preview's while no server reported any), each name once. */
  get zones(): ZoneInfo[] {
    return this.reported.all;
  }

  /** The Minecraft servers (URLs) that report a zone; empty when none does (yet). */
  zoneOwners(zone: string): string[] {
    return this.reported.owners(zone).filter((source) => source !== PREVIEW_SOURCE);
  }

  /** The zone names a command addressed to "every zone" means. */
  zoneNames(zone?: string): string[] {
    return zone !== undefined ? [zone] : this.zones.map((z) => z.name);
  }

  /**
   * Zones as one source reported them: a Minecraft server (its URL) or, by default, the preview engine. Each
   * server owns what it reports; the panel sees every server's zones.
   */
  setZones(zones: ZoneInfo[], source: string = PREVIEW_SOURCE): void {
    this.reported.set(source, zones);
    for (const z of zones) this.currentPatterns[z.name] ??= z.pattern;
    this.events.zones.emit({ zones: this.zones });
  }

  setPatterns(patterns: PatternInfo[]): void {
    this.patterns = patterns;
  }

  /** Messages that rebuild the operator's zone state on a Minecraft server that just (re)connected. */
  restoreCommands(): ZoneCommand[] {
    const out: ZoneCommand[] = [];
    if (this.operatorChosePreset) out.push({ type: 'set_preset', preset: this.preset });
    for (const [zone, config] of this.zoneConfigs) out.push({ type: 'set_zone_config', zone, config });
    for (const [zone, pool] of this.pools) out.push({ type: 'init_pool', zone, ...pool });
    for (const [zone, pattern] of Object.entries(this.currentPatterns))
      out.push({ type: 'set_pattern', zone, pattern });
    if (this.blackout) out.push({ type: 'set_blackout', enabled: true });
    if (this.freeze) out.push({ type: 'set_freeze', enabled: true });
    return out;
  }

  private sendZoneCommand(command: ZoneCommand): void {
    this.events.zoneCommand.emit(command);
  }

  // ---- scenes ----

  /** What was wrong with the stored scenes file when the hub started (empty: nothing). */
  get sceneFileProblems(): readonly string[] {
    return this.scenes.problems;
  }

  /** Saves the show as the operator set it up: the same scene a server's engine would save, plus band gains. */
  saveScene(name: string): void {
    const zones: Scene['zones'] = {};
    for (const [zone, pattern] of Object.entries(this.currentPatterns)) {
      const config = this.zoneConfigs.get(zone);
      const params = this.zones.find((z) => z.name === zone)?.params;
      zones[zone] = {
        pattern,
        params: { ...params },
        ...defined({
          // The set_zone_config schema holds it to five, one per band.
          materials: config?.materials as SceneZone['materials'],
          brightness: config?.brightness,
          glowOnBeat: config?.glow_on_beat,
        }),
      };
    }
    const refused = this.scenes.save({
      name,
      preset: this.preset,
      transitionS: this.transitionDuration,
      blackout: this.blackout,
      freeze: this.freeze,
      zones,
      bandSensitivity: [...this.bandSensitivity],
    });
    if (refused !== null) throw new StoreError(ERROR_CODES.INVALID_ARGUMENT, refused);
    this.events.scenes.emit(this.sceneList());
  }

  /**
   * Puts a scene back: preset, crossfade, band gains, blackout and freeze, and per zone its pattern, parameters
   * (replacing what is set) and look. A built-in scene's one pattern goes to every zone.
   */
  loadScene(name: string): void {
    const scene = this.scenes.book.get(name);
    if (scene === undefined)
      throw new StoreError(
        ERROR_CODES.SCENE_NOT_FOUND,
        `No scene "${name}"; save one first or pick from the list`,
      );
    this.transitionDuration = scene.transitionS;
    this.setPreset(scene.preset);
    if (scene.bandSensitivity !== undefined) this.bandSensitivity.splice(0, 5, ...scene.bandSensitivity);
    const zones = new Map(Object.entries(scene.zones));
    if (scene.pattern !== undefined)
      for (const zone of this.zoneNames())
        if (!zones.has(zone)) zones.set(zone, { pattern: scene.pattern, params: {} });
    for (const [zone, entry] of zones) {
      this.setPattern(entry.pattern, [zone]);
      // The scene's values replace whatever is set now (the file may be edited by hand; the engine checks them).
      this.sendZoneCommand({ type: 'set_pattern_params', zone, params: entry.params, replace: true });
      this.patchZones([zone], { params: entry.params });
      const look = defined({
        materials: entry.materials,
        brightness: entry.brightness,
        glow_on_beat: entry.glowOnBeat,
      });
      if (Object.keys(look).length > 0) this.setZoneConfig(zone, look);
    }
    if (scene.blackout !== this.blackout) this.setBlackout(scene.blackout);
    if (scene.freeze !== this.freeze) this.setFreeze(scene.freeze);
    this.events.settings.emit();
  }

  deleteScene(name: string): void {
    const refused = this.scenes.delete(name);
    if (refused !== null)
      throw new StoreError(
        this.scenes.book.isBuiltIn(name) ? ERROR_CODES.INVALID_ARGUMENT : ERROR_CODES.SCENE_NOT_FOUND,
        refused,
      );
    this.events.scenes.emit(this.sceneList());
  }

  /** Built-in scenes first, then the saved ones. */
  sceneNames(): string[] {
    return this.scenes.book.names();
  }

  /** The scenes as `scenes_list` carries them: every name, and which are built in. */
  sceneList(): { scenes: string[]; built_in: string[] } {
    const scenes = this.sceneNames();
    return { scenes, built_in: scenes.filter((name) => this.scenes.book.isBuiltIn(name)) };
  }

  // ---- Minecraft and health ----

  setMinecraftConnected(url: string, connected: boolean): void {
    const before = this.minecraftConnected;
    this.minecraft.set(url, connected);
    if (this.minecraftConnected !== before)
      this.events.minecraftStatus.emit({ connected: this.minecraftConnected });
  }

  /** True when at least one Minecraft server is linked. */
  get minecraftConnected(): boolean {
    for (const up of this.minecraft.values()) if (up) return true;
    return false;
  }

  healthSnapshot(browsers: number): Health {
    return this.health.snapshot(this.djs.count, browsers, this.minecraftConnected);
  }

  notice(code: ErrorCode, message: string): void {
    this.events.notice.emit({ code, message });
  }
}

/** A zone with a change applied; a new pattern starts at its defaults, as the engine starts it. */
function patched(zone: ZoneInfo, patch: Partial<ZoneInfo>): ZoneInfo {
  if (patch.pattern === undefined || patch.pattern === zone.pattern) return { ...zone, ...patch };
  const { params: _dropped, ...rest } = zone;
  return { ...rest, ...patch };
}
