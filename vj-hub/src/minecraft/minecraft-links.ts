/**
 * Every Minecraft link of the hub, wired to the store: shaped audio goes to every linked server, zone commands
 * go with `_seq` to the servers that own the zone and their failures reach the operator, and a server that comes
 * back gets the operator's zone state replayed (zones, pools, patterns).
 */
import {
  MAX_BPM,
  ERROR_CODES,
  type Clock,
  type PluginOutboundMessage,
  type RandomSource,
  type ZoneInfo,
} from '@audioviz/shared-types';
import type { Logger } from '../logger';
import type { HubStore, ZoneCommand } from '../store/hub-store';
import { MinecraftLink } from './minecraft-link';

export interface MinecraftTarget {
  /** `ws://host:8765` */
  readonly url: string;
  readonly token: string | null;
}

export interface MinecraftLinksOptions {
  readonly targets: readonly MinecraftTarget[];
  readonly store: HubStore;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly logger: Logger;
  /** A server reported its zones (the preview engine mirrors them). */
  readonly onZones?: (zones: ZoneInfo[]) => void;
}

export class MinecraftLinks {
  readonly links: MinecraftLink[];
  private readonly unsubscribe: (() => void)[] = [];
  private lastDjInfo = '';

  constructor(private readonly options: MinecraftLinksOptions) {
    const { store, logger } = options;
    this.links = options.targets.map(
      (target) =>
        new MinecraftLink({
          url: target.url,
          token: target.token,
          clock: options.clock,
          random: options.random,
          logger,
          events: {
            onUp: (reconnect) => this.onUp(target.url, reconnect),
            onDown: () => store.setMinecraftConnected(target.url, false),
            onMessage: (message) => this.handleMessage(target.url, message),
            onRejected: (reason) => {
              store.health.rejected.minecraft++;
              logger.debug('Minecraft server sent an invalid frame', { url: target.url, reason });
            },
          },
        }),
    );
    for (const target of options.targets) store.setMinecraftConnected(target.url, false);
  }

  start(): void {
    const { store } = this.options;
    this.unsubscribe.push(
      store.events.audio.on((state) => {
        const text = JSON.stringify(state);
        for (const link of this.links) link.sendText(text);
      }),
      store.events.zoneCommand.on((command) => this.relay(command)),
      store.events.roster.on(() => this.sendDjInfo()),
    );
    for (const link of this.links) link.start();
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    for (const link of this.links) link.stop();
  }

  /**
   * Sends one command to the servers it concerns: for a zone, the servers that report it (every server while
   * none does yet); otherwise all. Refusals and time-outs reach the operator as notices.
   */
  relay(command: ZoneCommand): void {
    for (const link of this.links) {
      if (!link.connected || !this.concerns(command, link.url)) continue;
      link.request(command).then(
        (reply) => {
          if (reply.type === 'error')
            this.options.store.notice(
              ERROR_CODES.MINECRAFT_REFUSED,
              `${link.url}: ${command.type}: ${reply.message}`,
            );
        },
        (err: Error) => this.options.store.notice(ERROR_CODES.MINECRAFT_TIMEOUT, err.message),
      );
    }
  }

  /** A command for a zone concerns the servers that report it, or every server while none does. */
  private concerns(command: ZoneCommand, url: string): boolean {
    if (typeof command['zone'] !== 'string') return true;
    const owners = this.options.store.zoneOwners(command['zone']);
    return owners.length === 0 || owners.includes(url);
  }

  private onUp(url: string, reconnect: boolean): void {
    const { store } = this.options;
    if (reconnect) store.health.minecraftReconnected();
    store.setMinecraftConnected(url, true);
    const link = this.links.find((l) => l.url === url);
    if (link === undefined) return;
    // Restore what the operator set before the server went away, then learn its zones and patterns.
    for (const command of store.restoreCommands())
      if (this.concerns(command, url)) link.request(command).catch(() => undefined);
    for (const type of ['get_zones', 'list_patterns']) {
      link.request({ type }).then(
        (reply) => this.handleMessage(url, reply),
        () => undefined,
      );
    }
    this.lastDjInfo = '';
    this.sendDjInfo();
  }

  private handleMessage(url: string, message: PluginOutboundMessage): void {
    const { store, logger } = this.options;
    if (message.type === 'zones') {
      store.setZones(message.zones, url);
      // The preview shows every server's zones.
      this.options.onZones?.(store.zones);
    } else if (message.type === 'patterns') store.setPatterns(message.patterns);
    else if (message.type === 'show_state') store.followInGame(message);
    else if (message.type === 'error')
      logger.warn('Minecraft server reported an error', { url, message: message.message });
  }

  /** Tells the servers who is live (shown in game) whenever that changes. */
  private sendDjInfo(): void {
    const { store } = this.options;
    const active = store.djs.active;
    const record = active === null ? undefined : store.djs.get(active);
    if (record === undefined) return;
    const text = JSON.stringify({
      type: 'dj_info',
      dj_name: record.dj_name,
      dj_id: record.dj_id,
      bpm: Math.min(MAX_BPM, record.bpm),
      is_active: true,
    });
    if (text === this.lastDjInfo) return;
    this.lastDjInfo = text;
    for (const link of this.links) link.sendText(text);
  }
}
