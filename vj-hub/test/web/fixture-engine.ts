/**
 * A stand-in for the engine of `@audioviz/scripts`, used by the browser tests only while that package does
 * not export `createEngine` yet: one 6×6 zone whose blocks rise with the bands of the latest `audio_state`,
 * and two patterns. It speaks the same :8765 messages, so the hub and the pages cannot tell the difference.
 */
import type { BatchEntity } from '@audioviz/shared-types';
import type { CreateEngine, Engine } from '@audioviz/scripts/dist/engine-api';

const SIDE = 6;
const PATTERNS = [
  { id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 36 },
  { id: 'pulse_grid', name: 'Pulse grid', category: 'beat', recommended_entities: 36 },
];

export const createFixtureEngine: CreateEngine = (host) => {
  let bands = [0, 0, 0, 0, 0];
  let pattern = 'bars';
  const zone = () => ({
    name: 'stage',
    world: 'world',
    origin: { x: 0, y: 64, z: 0 },
    size: { x: 10, y: 10, z: 10 },
    rotation: 0,
    entity_count: SIDE * SIDE,
    pattern,
  });
  const reply = (clientId: string, message: Record<string, unknown>, seq: unknown): void =>
    host.send(clientId, JSON.stringify(seq === undefined ? message : { ...message, _seq: seq }));
  const engine: Engine = {
    enqueue(clientId, text) {
      const m = JSON.parse(text) as Record<string, unknown>;
      if (m['type'] === 'audio_state' && Array.isArray(m['bands'])) bands = m['bands'] as number[];
      else if (m['type'] === 'get_zones') reply(clientId, { type: 'zones', zones: [zone()] }, m['_seq']);
      else if (m['type'] === 'list_patterns')
        reply(clientId, { type: 'patterns', patterns: PATTERNS }, m['_seq']);
      else if (m['type'] === 'set_pattern' && typeof m['pattern'] === 'string') pattern = m['pattern'];
    },
    clientConnected: () => undefined,
    clientDisconnected: () => undefined,
    tick: () => ({
      count: 0,
      ints: new Int32Array(0),
      floats: new Float32Array(0),
      zones: [],
      materials: [],
    }),
    command: () => ({ ok: false, lines: ['not in the fixture engine'] }),
    complete: () => [],
    loadPatternSource: () => 'not in the fixture engine',
    interrupted: () => undefined,
    zoneEntities(name) {
      if (name !== 'stage') return [];
      const out: BatchEntity[] = [];
      for (let i = 0; i < SIDE * SIDE; i++) {
        const band = i % 5;
        const level = Math.min(1, Math.max(0, bands[band] ?? 0));
        out.push({
          id: `block_${i}`,
          x: (i % SIDE) / (SIDE - 1),
          y: level * 0.9,
          z: Math.floor(i / SIDE) / (SIDE - 1),
          scale: 0.3 + level,
          band,
          visible: true,
          glow: level > 0.6,
          brightness: Math.round(5 + level * 10),
        });
      }
      return out;
    },
    status: () => ({
      zones: 1,
      entities: SIDE * SIDE,
      queueLength: 0,
      droppedMessages: 0,
      ticks: 0,
      disabledPatterns: [],
    }),
    dispose: () => undefined,
  };
  return engine;
};
