/** `/audioviz pattern|effect|preset|scene|status|reload`: running the show. */
import { EFFECT_NAMES, MAX_TRANSITION_S, PRESET_NAMES, type PresetName } from '@audioviz/shared-types';
import {
  numberArg,
  PERMISSIONS,
  requireArg,
  zoneNames,
  type Command,
  type CommandContext,
  type CommandGroup,
} from './command';

const patternIds = (ctx: CommandContext): string[] => ctx.control.patterns().map((p) => p.id);
const ALL = '*';

const patternList: Command = {
  name: 'list',
  usage: '',
  description: 'lists the patterns',
  permission: PERMISSIONS.CONTROL,
  minArgs: 0,
  maxArgs: 0,
  run(ctx) {
    const disabled = ctx.control.stage.library.disabled();
    return [
      ...ctx.control
        .patterns()
        .map((p) => `  ${p.id} — ${p.name} (${p.category}, ${p.recommended_entities} entities)`),
      ...(disabled.length > 0 ? [`Disabled after failures: ${disabled.join(', ')}`] : []),
    ];
  },
};

const patternSet: Command = {
  name: 'set',
  usage: `<pattern> [zone|*] [transition seconds 0–${MAX_TRANSITION_S}]`,
  description: 'sets the pattern of a zone or of every zone, with a crossfade',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 3,
  complete: (ctx, index) =>
    index === 0
      ? patternIds(ctx)
      : index === 1
        ? [ALL, ...zoneNames(ctx)]
        : index === 2
          ? ['0', '1', '3']
          : [],
  run(ctx, args) {
    const pattern = requireArg(args, 0, 'the pattern');
    const [, zone = ALL, seconds] = args;
    const fade = seconds === undefined ? undefined : numberArg(seconds, 'transition', 0, MAX_TRANSITION_S);
    const zones = ctx.control.setPattern(zone === ALL ? undefined : zone, pattern, fade);
    return [`Pattern "${pattern}" on ${zones.length === 0 ? 'no zones yet' : zones.join(', ')}.`];
  },
};

const patternParam: Command = {
  name: 'param',
  usage: '<zone> <key> <value>',
  description: "sets a parameter of a zone's pattern",
  permission: PERMISSIONS.CONTROL,
  minArgs: 3,
  maxArgs: 3,
  complete: (ctx, index, args) => {
    if (index === 0) return zoneNames(ctx);
    const pattern = ctx.control.stage.zones.get(args[0] ?? '')?.zone.pattern;
    const params = pattern === undefined ? undefined : ctx.control.stage.library.get(pattern)?.meta.params;
    if (params === undefined) return [];
    if (index === 1) return Object.keys(params);
    const spec = params[args[1] ?? ''];
    if (spec === undefined) return [];
    return spec.type === 'choice'
      ? spec.choices
      : spec.type === 'boolean'
        ? ['true', 'false']
        : [String(spec.default)];
  },
  run(ctx, args) {
    const zone = requireArg(args, 0, 'the zone name');
    const key = requireArg(args, 1, 'the parameter key');
    const raw = requireArg(args, 2, 'the value');
    const value =
      raw === 'true' ? true : raw === 'false' ? false : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    ctx.control.setParam(zone, key, value);
    return [`Zone "${zone}": ${key} = ${String(value)}.`];
  },
};

const effect: Command = {
  name: 'effect',
  usage: `<${EFFECT_NAMES.join('|')}> [zone|*] [intensity 0–1] [duration ms]`,
  description: 'triggers an effect (blackout and freeze toggle)',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 4,
  complete: (ctx, index) => (index === 0 ? EFFECT_NAMES : index === 1 ? [ALL, ...zoneNames(ctx)] : []),
  run(ctx, args) {
    const name = requireArg(args, 0, 'the effect name');
    const [, zone = ALL, intensity, duration] = args;
    const zones = ctx.control.triggerEffect(
      zone === ALL ? undefined : zone,
      name,
      intensity === undefined ? 1 : numberArg(intensity, 'intensity', 0, 1),
      duration === undefined ? undefined : numberArg(duration, 'duration', 0, 60_000),
    );
    return [`Effect "${name}" on ${zones.length === 0 ? 'no zones yet' : zones.join(', ')}.`];
  },
};

const preset: Command = {
  name: 'preset',
  usage: `<${PRESET_NAMES.join('|')}>`,
  description: 'sets the audio preset (how entities follow the music)',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 1,
  complete: (_ctx, index) => (index === 0 ? PRESET_NAMES : []),
  run(ctx, args) {
    const name = requireArg(args, 0, 'the preset name');
    ctx.control.setPreset(name);
    return [`Preset "${name}": ${ctx.control.presetDescription(name as PresetName)}.`];
  },
};

const sceneNames = (ctx: CommandContext, index: number): readonly string[] =>
  index === 0 ? ctx.control.scenes.names() : [];

const sceneSave: Command = {
  name: 'save',
  usage: '<name>',
  description: 'saves the show as a scene',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 1,
  run(ctx, args) {
    const name = requireArg(args, 0, 'the scene name');
    ctx.control.saveScene(name);
    return [`Scene "${name}" saved.`];
  },
};

const sceneLoad: Command = {
  name: 'load',
  usage: '<name>',
  description: 'loads a scene',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 1,
  complete: sceneNames,
  run(ctx, args) {
    const name = requireArg(args, 0, 'the scene name');
    return [`Scene "${name}" loaded.`, ...ctx.control.loadScene(name).map((p) => `  ${p}`)];
  },
};

const sceneList: Command = {
  name: 'list',
  usage: '',
  description: 'lists the scenes',
  permission: PERMISSIONS.CONTROL,
  minArgs: 0,
  maxArgs: 0,
  run(ctx) {
    return ctx.control.scenes
      .names()
      .map((n) => `  ${n}${ctx.control.scenes.isBuiltIn(n) ? ' (built-in)' : ''}`);
  },
};

const sceneDelete: Command = {
  name: 'delete',
  usage: '<name>',
  description: 'deletes a saved scene',
  permission: PERMISSIONS.CONTROL,
  minArgs: 1,
  maxArgs: 1,
  complete: sceneNames,
  run(ctx, args) {
    const name = requireArg(args, 0, 'the scene name');
    ctx.control.deleteScene(name);
    return [`Scene "${name}" deleted.`];
  },
};

const status: Command = {
  name: 'status',
  usage: '',
  description: 'shows what the engine is doing',
  permission: PERMISSIONS.CONTROL,
  minArgs: 0,
  maxArgs: 0,
  run(ctx) {
    const s = ctx.status();
    return [
      `AudioViz engine ${ctx.version}: ${s.zones} zone(s), ${s.entities} entities, ${s.ticks} ticks`,
      `  queue ${s.queueLength} waiting, ${s.droppedMessages} dropped; preset ${ctx.control.stage.settings.preset}`,
      `  disabled patterns: ${s.disabledPatterns.join(', ') || 'none'}`,
    ];
  },
};

const reload: Command = {
  name: 'reload',
  usage: '',
  description: 'saves everything and reloads the engine and its scripts',
  permission: PERMISSIONS.ADMIN,
  minArgs: 0,
  maxArgs: 0,
  run(ctx) {
    ctx.control.stage.zones.save();
    ctx.control.stage.saveSettings();
    return ['Zones, scenes and settings saved; the server reloads the engine now.'];
  },
};

export const PATTERN_GROUP: CommandGroup = {
  name: 'pattern',
  description: 'list, set or tune patterns',
  children: [patternList, patternSet, patternParam],
};
export const SCENE_GROUP: CommandGroup = {
  name: 'scene',
  description: 'save, load, list or delete scenes',
  children: [sceneSave, sceneLoad, sceneList, sceneDelete],
};
export const SHOW_COMMANDS: readonly Command[] = [effect, preset, status, reload];
