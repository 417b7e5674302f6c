/**
 * The show's clock: turns the live DJ's frames into `audio_state` for Minecraft (at most 20 Hz, beats kept),
 * ticks the preview engine at the game's 20 Hz and publishes the browsers' `state` (~20 Hz and at once on a
 * beat). When no frame arrives, the shaper's decay keeps the output moving toward silence.
 */
import {
  BROWSER_STATE_RATE_HZ,
  HUB_MINECRAFT_FORWARD_HZ,
  type AudioState,
  type BatchEntity,
  type BrowserOutbound,
  type Clock,
  type TimerHandle,
} from '@audioviz/shared-types';
import { AudioShaper, type ShapingSettings } from '../dj/audio-shaper';
import type { HubStore } from '../store/hub-store';
import type { PreviewEngine } from './preview-engine';

const FORWARD_INTERVAL_MS = 1000 / HUB_MINECRAFT_FORWARD_HZ;
const TICK_INTERVAL_MS = 1000 / BROWSER_STATE_RATE_HZ;
/** The roster's live stats are refreshed once a second. */
const ROSTER_REFRESH_TICKS = BROWSER_STATE_RATE_HZ;
/** `pattern` in `state` when no zone is known yet. */
const NO_PATTERN = 'none';

export class ShowLoop {
  private readonly shaper: AudioShaper;
  private tickTimer: TimerHandle | null = null;
  private ticks = 0;
  private forwardTimer: TimerHandle | null = null;
  private lastForwardAt = -Infinity;
  private lastBeatForwardAt = -Infinity;
  /** A shaped state waiting for the forward window; its beat is latched. */
  private pendingForward: AudioState | null = null;
  private latest: AudioState;
  private entities: Record<string, BatchEntity[]> = {};
  /** Arrival times of the live DJ's recent frames, for the `fps` figure. */
  private readonly frameTimes: number[] = [];
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly store: HubStore,
    private readonly engine: PreviewEngine,
    private readonly clock: Clock,
  ) {
    this.shaper = new AudioShaper(this.shapingSettings());
    this.latest = this.shaper.idle(clock.now());
    this.unsubscribe.push(
      store.events.frame.on(({ frame, receivedAt }) =>
        this.onFrame(frame.beat, this.shaper.ingest(frame, receivedAt), receivedAt),
      ),
      store.events.settings.on(() => this.shaper.configure(this.shapingSettings())),
      store.events.zoneCommand.on((command) => engine.command(command)),
    );
  }

  start(): void {
    if (this.tickTimer === null) this.scheduleTick();
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.tickTimer !== null) this.clock.clearTimeout(this.tickTimer);
    if (this.forwardTimer !== null) this.clock.clearTimeout(this.forwardTimer);
    this.tickTimer = null;
    this.forwardTimer = null;
  }

  private shapingSettings(): ShapingSettings {
    const { tapBpm } = this.store.audioSettings;
    return { bandSensitivity: this.store.bandSensitivity, ...(tapBpm !== undefined ? { tapBpm } : {}) };
  }

  private onFrame(isBeat: boolean, state: AudioState, now: number): void {
    this.frameTimes.push(now);
    while (this.frameTimes.length > 0 && now - this.frameTimes[0]! > 1000) this.frameTimes.shift();
    this.latest = state;
    this.forward(state);
    if (isBeat) this.publishPreview();
  }

  /**
   * Sends now if the 20 Hz window allows, or at once for a beat (at most one beat per window), else keeps the
   * newest state (beat latched) for the window's end.
   */
  private forward(state: AudioState): void {
    const now = this.clock.now();
    if (this.pendingForward?.is_beat === true && !state.is_beat) {
      state = {
        ...state,
        is_beat: true,
        beat_intensity: Math.max(state.beat_intensity, this.pendingForward.beat_intensity),
      };
    }
    // A beat is what the lights must hit on time: it leaves at once instead of waiting for the window (music
    // has a few beats a second; a DJ flagging every frame as a beat still adds at most 20 Hz).
    const beatNow = state.is_beat && now - this.lastBeatForwardAt >= FORWARD_INTERVAL_MS;
    if (beatNow || now - this.lastForwardAt >= FORWARD_INTERVAL_MS) {
      this.pendingForward = null;
      this.lastForwardAt = now;
      if (state.is_beat) this.lastBeatForwardAt = now;
      this.store.events.audio.emit(state);
      return;
    }
    this.pendingForward = state;
    if (this.forwardTimer === null) {
      this.forwardTimer = this.clock.setTimeout(
        () => {
          this.forwardTimer = null;
          const pending = this.pendingForward;
          if (pending !== null) this.forward(pending);
        },
        this.lastForwardAt + FORWARD_INTERVAL_MS - now,
      );
    }
  }

  private scheduleTick(): void {
    this.tickTimer = this.clock.setTimeout(() => this.tick(), TICK_INTERVAL_MS);
  }

  private tick(): void {
    this.scheduleTick();
    const now = this.clock.now();
    if (this.shaper.isSilent(now)) {
      this.latest = this.shaper.idle(now);
      this.forward(this.latest);
    }
    this.engine.audio(this.latest);
    this.engine.tick();
    this.entities = this.engine.entities(this.store.zones.map((z) => z.name));
    this.publishPreview();
    if (++this.ticks % ROSTER_REFRESH_TICKS === 0) this.store.djs.refresh();
  }

  private publishPreview(): void {
    // A beat can come before the first tick (or right after zones changed): never send a zone without its entities.
    if (Object.keys(this.entities).length !== this.store.zones.length) {
      this.entities = this.engine.entities(this.store.zones.map((z) => z.name));
    }
    const s = this.latest;
    const active = this.store.djs.active;
    const firstZone = this.store.zones[0]?.name;
    const now = this.clock.now();
    const recentFrames = this.frameTimes.filter((t) => now - t <= 1000).length;
    const message: BrowserOutbound['state'] = {
      type: 'state',
      entities: this.entities,
      bands: s.bands,
      amplitude: s.amplitude,
      is_beat: s.is_beat,
      beat_intensity: s.beat_intensity,
      bpm: s.bpm,
      beat_phase: s.beat_phase ?? 0,
      pattern: (firstZone !== undefined ? this.store.currentPatterns[firstZone] : undefined) ?? NO_PATTERN,
      active_dj: active,
      latency_ms: active === null ? 0 : (this.store.djs.get(active)?.latencyMs ?? 0),
      fps: active === null ? 0 : recentFrames,
      zone_status: { bpm_estimate: s.bpm },
    };
    this.store.events.preview.emit({ message, text: JSON.stringify(message) });
  }
}
