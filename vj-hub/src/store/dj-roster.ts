/**
 * The DJs: who is connected, in queue order, who is live, who waits for approval, and each one's live stats
 * (frame rate, BPM, refused frames) for the roster. The first DJ goes live at once; when the live one leaves, the
 * next in the queue does. Every change is published on `events.roster`.
 */
import { ERROR_CODES, type Clock, type DjAudioFrame } from '@audioviz/shared-types';
import type { HealthCounters } from './health-counters';
import type { HubEvents, PendingRecord, RosterSnapshot } from './hub-events';
import { StoreError } from './store-error';

export interface DjRecord {
  readonly dj_id: string;
  readonly dj_name: string;
  readonly connectedAt: number;
  framesReceived: number;
  framesDropped: number;
  /** Malformed frames refused, and when the last one came (clock ms, 0 before any). */
  framesRefused: number;
  lastRefusedAt: number;
  lastFrameAt: number;
  /** Frames counted in the current one-second window, and the rate of the last full window (frames/s). */
  windowStart: number;
  windowFrames: number;
  fps: number;
  bpm: number;
  latencyMs: number;
}

export class DjRoster {
  private readonly djs = new Map<string, DjRecord>();
  private readonly pending = new Map<string, PendingRecord>();
  private activeDjId: string | null = null;

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly events: HubEvents,
    private readonly health: HealthCounters,
  ) {}

  get active(): string | null {
    return this.activeDjId;
  }

  get count(): number {
    return this.djs.size;
  }

  has(djId: string): boolean {
    return this.djs.has(djId) || this.pending.has(djId);
  }

  get(djId: string): DjRecord | undefined {
    return this.djs.get(djId);
  }

  /** Adds an authenticated DJ to the end of the queue; the first DJ goes live at once. */
  add(djId: string, djName: string): void {
    if (this.djs.has(djId))
      throw new StoreError(ERROR_CODES.ALREADY_CONNECTED, `DJ "${djId}" is already connected`);
    this.djs.set(djId, {
      dj_id: djId,
      dj_name: djName,
      connectedAt: this.clock.now(),
      framesReceived: 0,
      framesDropped: 0,
      framesRefused: 0,
      lastRefusedAt: 0,
      lastFrameAt: 0,
      windowStart: 0,
      windowFrames: 0,
      fps: 0,
      bpm: 0,
      latencyMs: 0,
    });
    this.health.djConnected();
    this.events.djJoined.emit({ dj_id: djId, dj_name: djName });
    if (this.activeDjId === null) this.activeDjId = djId;
    this.publishRoster();
  }

  /** Removes a DJ (disconnected, kicked); the next DJ in the queue goes live when the live one leaves. */
  remove(djId: string): void {
    if (this.pending.delete(djId)) return;
    const record = this.djs.get(djId);
    if (record === undefined) return;
    this.djs.delete(djId);
    this.health.djDisconnected();
    this.events.djLeft.emit({ dj_id: djId, dj_name: record.dj_name });
    if (this.activeDjId === djId) this.activeDjId = this.djs.keys().next().value ?? null;
    this.publishRoster();
  }

  setActive(djId: string): void {
    if (!this.djs.has(djId)) throw unknownDj(djId);
    if (this.activeDjId === djId) return;
    this.activeDjId = djId;
    this.publishRoster();
  }

  /** Moves a DJ to `position` (0-based) in the queue. */
  reorder(djId: string, position: number): void {
    const record = this.djs.get(djId);
    if (record === undefined) throw unknownDj(djId);
    const order = [...this.djs.values()].filter((d) => d.dj_id !== djId);
    order.splice(Math.min(position, order.length), 0, record);
    this.djs.clear();
    for (const d of order) this.djs.set(d.dj_id, d);
    this.publishRoster();
  }

  kick(djId: string): void {
    if (!this.djs.has(djId) && !this.pending.has(djId)) throw unknownDj(djId);
    this.events.kick.emit({ dj_id: djId });
    this.remove(djId);
  }

  /** A DJ presented a valid connect code and waits for an operator. */
  addPending(djId: string, djName: string): PendingRecord {
    const record = { dj_id: djId, dj_name: djName, requested_at: this.clock.now() };
    this.pending.set(djId, record);
    this.events.djPending.emit(record);
    return record;
  }

  waiting(): PendingRecord[] {
    return [...this.pending.values()];
  }

  /** Approves or denies a pending DJ. Approval only signals the DJ server, which then calls `add`. */
  decidePending(djId: string, approved: boolean): void {
    const record = this.pending.get(djId);
    if (record === undefined)
      throw new StoreError(ERROR_CODES.UNKNOWN_DJ, `No DJ "${djId}" is waiting for approval`);
    this.pending.delete(djId);
    this.events.pendingDecided.emit({ dj_id: djId, dj_name: record.dj_name, approved });
  }

  /** A frame from a DJ that passed the rate limit; published only when that DJ is live. */
  frame(djId: string, frame: DjAudioFrame, receivedAt: number): void {
    const record = this.djs.get(djId);
    if (record === undefined) return;
    record.framesReceived++;
    record.lastFrameAt = receivedAt;
    if (receivedAt - record.windowStart >= 1000) {
      record.fps = receivedAt - record.windowStart < 2000 ? record.windowFrames : 0;
      record.windowStart = receivedAt;
      record.windowFrames = 0;
    }
    record.windowFrames++;
    record.bpm = frame.bpm;
    if (djId === this.activeDjId) this.events.frame.emit({ dj_id: djId, frame, receivedAt });
  }

  /** A frame from a DJ that failed validation: counted, so the roster shows a DJ whose show went dark. */
  frameRefused(djId: string, receivedAt: number): void {
    const record = this.djs.get(djId);
    if (record === undefined) return;
    record.framesRefused++;
    record.lastRefusedAt = receivedAt;
  }

  snapshot(): RosterSnapshot {
    let position = 0;
    const now = this.clock.now();
    // Beyond docs/protocol.md's four fields (extra fields are allowed): live stats for the operator's roster.
    const djs = [...this.djs.values()].map((d) => ({
      dj_id: d.dj_id,
      dj_name: d.dj_name,
      is_active: d.dj_id === this.activeDjId,
      queue_position: position++,
      fps: now - d.lastFrameAt > 2000 ? 0 : d.fps,
      bpm: d.bpm,
      latency_ms: d.latencyMs,
      frames_dropped: d.framesDropped,
      frames_refused: d.framesRefused,
      refusing_frames: d.lastRefusedAt > d.lastFrameAt,
    }));
    return { djs, active_dj_id: this.activeDjId };
  }

  /** Re-sends the roster so its live stats stay current (the show loop calls this once a second). */
  refresh(): void {
    if (this.djs.size > 0) this.publishRoster();
  }

  private publishRoster(): void {
    this.events.roster.emit(this.snapshot());
  }
}

/** The refusal of a command naming a DJ who is not connected. */
function unknownDj(djId: string): StoreError {
  return new StoreError(ERROR_CODES.UNKNOWN_DJ, `No connected DJ "${djId}"; pick one from the roster`);
}
