/**
 * The :8765 protocol (docs/protocol.md ":8765 — hub or agent ⇄ Minecraft"): every inbound frame is size-checked,
 * parsed and validated by shared-types' `pluginValidator`, then dispatched. Within one drain only the
 * newest `audio_state` per zone (and for all zones) and the newest `batch_update` per zone are applied.
 * Every refusal is an `error` reply with the request's `_seq` and a stable `code`; nothing throws out.
 */
import {
  ERROR_CODES,
  MCAV_DEFAULT_ZONE,
  readPluginMessage,
  type PluginInbound,
  type PluginInboundMessage,
  type SkippedEntity,
} from '@audioviz/shared-types';
import type { Control } from '../control';
import type { Host } from '../host';
import { OpError } from '../op-error';
import { errorText } from '../show/pattern-library';
import { DjAnnouncer } from './dj-announcer';

/** The key of the audio for every zone in the per-drain newest-audio map. */
const ALL_ZONES = '';
/** A client that keeps sending bad entities hears about it at most this often, ms. */
const SKIPPED_REPORT_INTERVAL_MS = 1_000;

export interface ProtocolOptions {
  readonly host: Host;
  readonly control: Control;
  /** Hot-loads a pattern bundle; returns an error message or null. */
  readonly loadScript: (name: string, source: string) => string | null;
  /** The engine's version, reported by `auth`. */
  readonly version: string;
}

export class ProtocolHandler {
  private readonly trusted = new Map<string, boolean>();
  /** When each client was last told about entities dropped from its batches. */
  private readonly skippedReportedAt = new Map<string, number>();
  private readonly djAnnouncer: DjAnnouncer;
  private readonly newestAudio = new Map<string, PluginInbound['audio_state']>();
  private readonly newestBatch = new Map<
    string,
    { clientId: string; message: PluginInbound['batch_update'] }
  >();

  /** The message being handled right now, if any. */
  private inFlight: { clientId: string; message: PluginInboundMessage } | null = null;

  constructor(private readonly options: ProtocolOptions) {
    this.djAnnouncer = new DjAnnouncer(
      () => options.host.now(),
      (message) => options.host.announce(null, message),
    );
  }

  clientConnected(clientId: string, trusted: boolean): void {
    this.trusted.set(clientId, trusted);
  }

  clientDisconnected(clientId: string): void {
    this.trusted.delete(clientId);
    this.skippedReportedAt.delete(clientId);
  }

  /**
   * Handles one raw frame of a drain (audio and batches wait for `endDrain`). Returns false after a
   * `load_script`: the drain stops there, so a tick evaluates at most one script (hosts give such a tick a
   * longer time budget, one script's worth); the messages after it wait, in order, for the next tick.
   */
  handle(clientId: string, text: string): boolean {
    const parsed = readPluginMessage(text);
    if (!parsed.ok) {
      this.send(
        clientId,
        { type: 'error', message: parsed.error.message, code: parsed.error.code },
        seqOf(text, parsed.error.code),
      );
      return true;
    }
    if (parsed.skipped.length > 0) this.reportSkipped(clientId, parsed.skipped, parsed.value._seq);
    const message = this.withZoneAlias(parsed.value);
    // Known while it is handled, so `interrupted()` can answer it if the host stops the call. Not cleared in
    // a `finally`: once the host interrupts a call, the code still running in it (catch, finally) may be cut
    // short too.
    this.inFlight = { clientId, message };
    this.handleMessage(clientId, message);
    this.inFlight = null;
    return message.type !== 'load_script';
  }

  /**
   * The host cut the last call short. A message it interrupted is answered here: the client learns what
   * became of its request instead of waiting for a reply that never comes.
   */
  interrupted(): void {
    const cut = this.inFlight;
    this.inFlight = null;
    if (cut === null) return;
    const m = cut.message;
    const script = m.type === 'load_script';
    this.send(
      cut.clientId,
      {
        type: 'error',
        message: script
          ? `${m.name}: it ran past the server's time budget and was stopped (an endless loop?)`
          : `the server stopped handling "${m.type}": it ran past its time budget; try again`,
        code: script ? ERROR_CODES.SCRIPT_REJECTED : ERROR_CODES.INTERNAL_ERROR,
      },
      m._seq,
    );
  }

  /** Entities dropped from a batch (the rest was applied), said at most once a second per client. */
  private reportSkipped(clientId: string, skipped: readonly SkippedEntity[], seq: number | undefined): void {
    const now = this.options.host.now();
    const last = this.skippedReportedAt.get(clientId);
    if (last !== undefined && now - last < SKIPPED_REPORT_INTERVAL_MS) return;
    this.skippedReportedAt.set(clientId, now);
    const listed = skipped
      .slice(0, 3)
      .map((s) => `entities[${s.index}]${s.id === null ? '' : ` (${s.id})`}: ${s.reason}`)
      .join('; ');
    const more = skipped.length > 3 ? `; and ${skipped.length - 3} more` : '';
    this.send(
      clientId,
      {
        type: 'error',
        code: ERROR_CODES.INVALID_FIELD,
        message: `skipped ${skipped.length} entit${skipped.length === 1 ? 'y' : 'ies'}, applied the rest: ${listed}${more}`,
      },
      seq,
    );
  }

  /** MCAV's default zone name reaches this server's first zone when no zone has that name. */
  private withZoneAlias(m: PluginInboundMessage): PluginInboundMessage {
    if (!('zone' in m) || m.zone !== MCAV_DEFAULT_ZONE) return m;
    const zones = this.options.control.stage.zones;
    if (zones.get(MCAV_DEFAULT_ZONE) !== undefined) return m;
    const first = zones.all().next();
    return first.done === true ? m : { ...m, zone: first.value.zone.name };
  }

  private handleMessage(clientId: string, message: PluginInboundMessage): void {
    try {
      this.dispatch(clientId, message);
    } catch (err) {
      const known = err instanceof OpError;
      if (!known) this.options.host.log('error', `handling "${message.type}" failed: ${errorText(err)}`);
      this.send(
        clientId,
        {
          type: 'error',
          message: known ? err.message : `the server could not handle "${message.type}"; it was logged`,
          code: known ? err.code : ERROR_CODES.INTERNAL_ERROR,
        },
        message._seq,
      );
    }
  }

  /** Applies the newest audio and batches of the drain. */
  endDrain(): void {
    const control = this.options.control;
    this.djAnnouncer.flush();
    const all = this.newestAudio.get(ALL_ZONES);
    if (all !== undefined) control.stage.applyAudio(all);
    for (const [zone, state] of this.newestAudio) {
      if (zone !== ALL_ZONES) this.guarded('', state._seq, () => control.stage.applyAudio(state));
    }
    this.newestAudio.clear();
    for (const { clientId, message } of this.newestBatch.values()) {
      this.inFlight = { clientId, message };
      this.guarded(clientId, message._seq, () => {
        const updated = control.stage.applyBatch(message);
        if (message._seq !== undefined)
          this.send(clientId, { type: 'batch_updated', zone: message.zone, updated }, message._seq);
      });
      this.inFlight = null;
    }
    this.newestBatch.clear();
  }

  private dispatch(clientId: string, m: PluginInboundMessage): void {
    const control = this.options.control;
    const seq = m._seq;
    const ack = (): void => {
      if (seq !== undefined) this.send(clientId, { type: 'ack', request: m.type }, seq);
    };
    switch (m.type) {
      case 'auth':
        // The host checks tokens before frames reach the engine; here only the outcome is reported.
        if (this.trusted.get(clientId) === true) this.send(clientId, { type: 'auth_ok' }, seq);
        else
          throw new OpError(
            ERROR_CODES.UNAUTHORIZED,
            'authentication is checked when the connection opens: reconnect and send auth first',
          );
        return;
      case 'ping':
        this.send(clientId, { type: 'pong', timestamp: this.options.host.now() }, seq);
        return;
      case 'audio_state':
        if (m.zone !== undefined) control.stage.zones.require(m.zone);
        this.newestAudio.set(
          m.zone ?? ALL_ZONES,
          withLatchedBeat(m, this.newestAudio.get(m.zone ?? ALL_ZONES)),
        );
        ack();
        return;
      case 'batch_update': {
        control.stage.zones.require(m.zone);
        const superseded = this.newestBatch.get(m.zone);
        if (superseded !== undefined && superseded.message._seq !== undefined) {
          // Only the newest batch per zone per tick is applied; an older one is answered as "0 updated".
          this.send(
            superseded.clientId,
            { type: 'batch_updated', zone: m.zone, updated: 0 },
            superseded.message._seq,
          );
        }
        this.newestBatch.set(m.zone, { clientId, message: m });
        return;
      }
      case 'update_entity': {
        const { type: _type, zone, _seq, v: _v, ...entity } = m;
        control.stage.applyBatch({ type: 'batch_update', zone, entities: [entity] });
        this.send(clientId, { type: 'entity_updated', zone, id: entity.id }, seq);
        return;
      }
      case 'get_renderer_capabilities':
        this.send(
          clientId,
          {
            type: 'renderer_capabilities',
            ...defined({ zone: m.zone }),
            supported_backends: ['display_entities'],
            active_backend: 'display_entities',
          },
          seq,
        );
        return;
      case 'get_zones':
        this.send(clientId, { type: 'zones', zones: control.zoneInfos() }, seq);
        return;
      case 'get_zone':
        this.send(
          clientId,
          { type: 'zone', zone: control.zoneInfo(control.stage.zones.require(m.zone)) },
          seq,
        );
        return;
      case 'set_zone_config':
        control.configure(m.zone, m.config);
        this.send(clientId, { type: 'zone_config_updated', zone: m.zone, config: m.config }, seq);
        return;
      case 'init_pool': {
        const count = control.initPool(m.zone, m.count, m.material);
        this.send(clientId, { type: 'pool_initialized', zone: m.zone, count }, seq);
        return;
      }
      case 'cleanup_zone':
        control.cleanupZone(m.zone);
        this.send(clientId, { type: 'zone_cleaned', zone: m.zone }, seq);
        return;
      case 'set_visible':
        control.override(m.zone, 'visible', m.visible ? 1 : 0, m.entities);
        ack();
        return;
      case 'set_entity_glow':
        control.override(m.zone, 'glow', m.glow ? 1 : 0, m.entities);
        ack();
        return;
      case 'set_entity_brightness':
        control.override(m.zone, 'brightness', m.brightness, m.entities);
        ack();
        return;
      case 'set_pattern': {
        const zones = control.setPattern(m.zone, m.pattern, m.transition_s);
        this.send(
          clientId,
          {
            type: 'pattern_changed',
            pattern: m.pattern,
            ...(m.zone !== undefined ? { zone: m.zone } : { zones }),
          },
          seq,
        );
        return;
      }
      case 'set_preset':
        control.setPreset(m.preset);
        ack();
        return;
      case 'set_pattern_params': {
        const set = control.setParams(m.zone, m.params, m.replace === true);
        this.send(clientId, { type: 'pattern_params', zone: m.zone, ...set }, seq);
        return;
      }
      case 'trigger_effect':
        control.triggerEffect(m.zone, m.effect, m.intensity, m.duration);
        this.send(
          clientId,
          {
            type: 'effect_triggered',
            effect: m.effect,
            ...defined({ zone: m.zone, intensity: m.intensity, duration: m.duration }),
          },
          seq,
        );
        return;
      case 'set_blackout':
      case 'set_freeze':
        control.setShowSwitch(m.zone, m.type === 'set_blackout' ? 'blackout' : 'freeze', m.enabled);
        ack();
        return;
      case 'list_patterns':
        this.send(clientId, { type: 'patterns', patterns: control.patterns() }, seq);
        return;
      case 'load_script': {
        if (this.trusted.get(clientId) !== true) {
          throw new OpError(
            ERROR_CODES.UNAUTHORIZED,
            'load_script needs an authenticated connection: connect with the plugin token',
          );
        }
        const error = this.options.loadScript(m.name, m.source);
        if (error !== null) throw new OpError(ERROR_CODES.SCRIPT_REJECTED, `${m.name}: ${error}`);
        this.send(clientId, { type: 'script_loaded', name: m.name }, seq);
        return;
      }
      case 'dj_info':
        this.djAnnouncer.offer(m);
        ack();
        return;
      default: {
        const unreachable: never = m;
        throw new OpError(ERROR_CODES.INVALID_ARGUMENT, `unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private guarded(clientId: string, seq: number | undefined, run: () => void): void {
    try {
      run();
    } catch (err) {
      if (clientId === '') return; // audio has no one to answer: a vanished zone is simply skipped
      const known = err instanceof OpError;
      this.send(
        clientId,
        {
          type: 'error',
          message: known ? err.message : errorText(err),
          code: known ? err.code : ERROR_CODES.INTERNAL_ERROR,
        },
        seq,
      );
    }
  }

  /** Sends a message nobody asked for to every connected client (`show_state`, `zones` after an in-game change). */
  tellEveryClient(message: Record<string, unknown>): void {
    for (const clientId of this.trusted.keys()) this.send(clientId, message, undefined);
  }

  private send(clientId: string, reply: Record<string, unknown>, seq: number | undefined): void {
    try {
      this.options.host.send(clientId, JSON.stringify(seq === undefined ? reply : { ...reply, _seq: seq }));
    } catch (err) {
      this.options.host.log('warn', `reply to ${clientId} could not be sent: ${errorText(err)}`);
    }
  }
}

/** `_seq` of a frame that failed validation, when it is at least a JSON object with a numeric `_seq`. */
function seqOf(text: string, code: string): number | undefined {
  if (code === ERROR_CODES.MESSAGE_TOO_BIG || code === ERROR_CODES.INVALID_JSON) return undefined;
  try {
    const seq = (JSON.parse(text) as { _seq?: unknown } | null)?._seq;
    return typeof seq === 'number' && Number.isFinite(seq) ? seq : undefined;
  } catch {
    return undefined;
  }
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}

/**
 * The newest audio state wins within a tick, but a beat or onset in a state it replaces must not be lost: an
 * agent sending 60 frames/s puts three states in every 20 Hz tick, and the beat is usually in an older one.
 */
function withLatchedBeat(
  next: PluginInbound['audio_state'],
  replaced: PluginInbound['audio_state'] | undefined,
): PluginInbound['audio_state'] {
  if (replaced === undefined) return next;
  const beat = replaced.is_beat && !next.is_beat;
  const o = replaced.onsets;
  const onsets = o !== undefined && (o.kick || o.snare || o.hat);
  if (!beat && !onsets) return next;
  return {
    ...next,
    is_beat: next.is_beat || replaced.is_beat,
    beat_intensity: beat ? Math.max(next.beat_intensity, replaced.beat_intensity) : next.beat_intensity,
    ...(o === undefined
      ? {}
      : {
          onsets: {
            kick: o.kick || next.onsets?.kick === true,
            snare: o.snare || next.onsets?.snare === true,
            hat: o.hat || next.onsets?.hat === true,
          },
        }),
  };
}
