/** An engine double: records what the hub feeds it and answers get_zones / list_patterns like the real one. */
import type { BatchEntity } from '@audioviz/shared-types';
import type { CreateEngine, Host } from '@audioviz/scripts';

export const ZONE = {
  name: 'z1',
  world: 'w',
  origin: { x: 0, y: 0, z: 0 },
  size: { x: 4, y: 4, z: 4 },
  rotation: 0,
  entity_count: 1,
  pattern: 'bars',
};
export const PATTERN = { id: 'bars', name: 'Bars', category: 'spectrum', recommended_entities: 16 };

/** An engine double that records what the hub feeds it and answers get_zones / list_patterns like the real one. */
export function recordingEngine() {
  const log: { enqueued: string[]; ticks: number; trusted: boolean | null; host: Host | null } = {
    enqueued: [],
    ticks: 0,
    trusted: null,
    host: null,
  };
  const factory: CreateEngine = (host) => {
    log.host = host;
    return {
      enqueue: (clientId, text) => {
        log.enqueued.push(text);
        const message = JSON.parse(text) as { type: string; _seq?: number };
        if (message.type === 'get_zones')
          host.send(clientId, JSON.stringify({ type: 'zones', zones: [ZONE], _seq: message._seq }));
        if (message.type === 'list_patterns')
          host.send(clientId, JSON.stringify({ type: 'patterns', patterns: [PATTERN] }));
      },
      clientConnected: (_id, trusted) => (log.trusted = trusted),
      clientDisconnected: () => undefined,
      tick: () => {
        log.ticks++;
        return null; // nothing to show: the hub reads zoneEntities, not frames
      },
      command: () => ({ ok: true, lines: [] }),
      complete: () => [],
      loadPatternSource: () => null,
      interrupted: () => undefined,
      zoneEntities: (zone): BatchEntity[] => [{ id: 'block_0', x: 0.5, y: zone === 'z1' ? 1 : 0, z: 0 }],
      status: () => ({
        zones: 1,
        entities: 1,
        queueLength: 0,
        droppedMessages: 0,
        ticks: log.ticks,
        disabledPatterns: [],
      }),
      dispose: () => undefined,
    };
  };
  return { factory, log };
}
