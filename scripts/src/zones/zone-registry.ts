/**
 * Every zone with its runtime parts (pool, show, effects, audio), its frame slot, and persistence: each
 * change writes the whole 'zones' document through the host (which writes it atomically). A deleted zone's
 * slot is free at once: the host removes the entities of a slot that is freed or taken by another zone id.
 */
import type { EffectName } from '@audioviz/shared-types';
import type { Effect } from '../effects/effect';
import type { ZoneAnchor } from '../host';
import { ERROR_CODES, MAX_ENTITIES_PER_ZONE } from '@audioviz/shared-types';
import { OpError } from '../op-error';
import { ZonePool } from '../pool/zone-pool';
import { AudioLevels } from '../show/audio-input';
import { EffectLayer } from '../show/effect-layer';
import { ZoneShow } from '../show/zone-show';
import { newZone, zoneNameProblem, type Vec3, type Zone } from './zone';
import { parseZones, serializeZones } from './zone-document';

/** Zones at most (the `zones` reply holds up to 256). */
export const MAX_ZONES = 256;

export interface ZoneEntry {
  readonly zone: Zone;
  readonly slot: number;
  /** Unique for the engine's life (the frame header's ID): tells the host a reused slot holds a new zone. */
  readonly id: number;
  readonly pool: ZonePool;
  readonly show: ZoneShow;
  readonly effects: EffectLayer;
  /** This zone's audio (a copy of the global audio unless a zone-addressed `audio_state` came recently). */
  readonly audio: AudioLevels;
  /** When this zone last got its own audio, ms (-Infinity: never). */
  ownAudioAt: number;
  /** When the last external batch for this zone was applied, ms (-Infinity: never). */
  batchAt: number;
}

export interface ZoneRegistryOptions {
  /** The material table's list (append-only), handed to the host with every frame. */
  readonly materials: string[];
  readonly effects: Readonly<Record<EffectName, Effect>>;
  /** Entity cap per zone (≤ 1024). */
  readonly maxEntities: number;
  readonly save: (text: string) => void;
  readonly report: (message: string) => void;
}

export class ZoneRegistry {
  private readonly entries = new Map<string, ZoneEntry>();
  private readonly anchors: (ZoneAnchor | null)[] = [];
  private readonly buffers: (ArrayBuffer | null)[] = [];
  private nextId = 1;
  /** What `tick()` hands the host; its arrays are replaced (never mutated) on zone changes. */
  readonly frame: { zones: (ZoneAnchor | null)[]; frames: (ArrayBuffer | null)[]; materials: string[] };

  constructor(private readonly options: ZoneRegistryOptions) {
    this.frame = { zones: [], frames: [], materials: options.materials };
  }

  /** Loads the stored document; problems are reported, never thrown. */
  load(text: string | null): void {
    const { zones, problems } = parseZones(text);
    for (const problem of problems) this.options.report(problem);
    for (const zone of zones.slice(0, MAX_ZONES)) {
      zone.entityCount = Math.min(zone.entityCount, this.options.maxEntities);
      this.add(zone);
    }
  }

  get(name: string): ZoneEntry | undefined {
    return this.entries.get(name);
  }

  /** The zone or an OpError naming it. */
  require(name: string): ZoneEntry {
    const entry = this.entries.get(name);
    if (entry === undefined) {
      throw new OpError(ERROR_CODES.ZONE_NOT_FOUND, `there is no zone "${name}": see "/audioviz zone list"`);
    }
    return entry;
  }

  all(): IterableIterator<ZoneEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  create(name: string, world: string, origin: Vec3, size: Vec3): ZoneEntry {
    const problem = zoneNameProblem(name);
    if (problem !== null) throw new OpError(ERROR_CODES.INVALID_NAME, problem);
    if (this.entries.has(name)) {
      throw new OpError(
        ERROR_CODES.ZONE_EXISTS,
        `zone "${name}" already exists: pick another name or delete it first`,
      );
    }
    if (this.entries.size >= MAX_ZONES) {
      throw new OpError(
        ERROR_CODES.INVALID_ARGUMENT,
        `there are already ${MAX_ZONES} zones: delete one first`,
      );
    }
    const entry = this.add(newZone(name, world, origin, size));
    this.save();
    return entry;
  }

  delete(name: string): void {
    const entry = this.require(name);
    this.entries.delete(name);
    this.anchors[entry.slot] = null;
    this.buffers[entry.slot] = null;
    this.publish();
    this.save();
  }

  /** Sets a zone's pool size (0 removes the pool), capped at the engine's maximum. */
  setEntityCount(entry: ZoneEntry, count: number): number {
    const capped = Math.max(0, Math.min(this.options.maxEntities, MAX_ENTITIES_PER_ZONE, Math.floor(count)));
    entry.zone.entityCount = capped;
    entry.pool.resize(capped);
    this.buffers[entry.slot] = entry.pool.frameBuffer;
    this.publish();
    this.save();
    return capped;
  }

  /** Re-publishes a zone's anchor after its placement or look changed, and saves. */
  changed(entry: ZoneEntry): void {
    this.anchors[entry.slot] = anchorOf(entry.zone);
    this.publish();
    this.save();
  }

  save(): void {
    this.options.save(serializeZones([...this.entries.values()].map((e) => e.zone)));
  }

  private add(zone: Zone): ZoneEntry {
    let slot = this.anchors.indexOf(null);
    if (slot < 0) slot = this.anchors.length;
    const entry: ZoneEntry = {
      zone,
      slot,
      id: this.nextId++,
      pool: new ZonePool(),
      show: new ZoneShow(),
      effects: new EffectLayer(this.options.effects),
      audio: new AudioLevels(),
      ownAudioAt: -Infinity,
      batchAt: -Infinity,
    };
    entry.pool.resize(zone.entityCount);
    this.anchors[slot] = anchorOf(zone);
    this.buffers[slot] = entry.pool.frameBuffer;
    this.entries.set(zone.name, entry);
    this.publish();
    return entry;
  }

  /** Hands the host fresh slot lists (copies: a host may keep the previous frame's lists). */
  private publish(): void {
    this.frame.zones = this.anchors.slice();
    this.frame.frames = this.buffers.slice();
  }
}

function anchorOf(zone: Zone): ZoneAnchor {
  return { name: zone.name, world: zone.world, x: zone.origin.x, y: zone.origin.y, z: zone.origin.z };
}
