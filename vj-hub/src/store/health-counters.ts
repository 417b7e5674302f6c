/** The hub's health counters (docs/protocol.md "Keeping a link alive"). */
import type { Health } from '@audioviz/shared-types';

export class HealthCounters {
  djConnects = 0;
  djDisconnects = 0;
  browserConnects = 0;
  browserDisconnects = 0;
  mcReconnectCount = 0;
  /** Frames dropped by the 120/s limit, all DJs (metrics only). */
  framesDropped = 0;
  /** Messages refused as malformed, per port (metrics only). */
  readonly rejected = { dj: 0, browser: 0, minecraft: 0 };

  djConnected(): void {
    this.djConnects++;
  }

  djDisconnected(): void {
    this.djDisconnects++;
  }

  browserConnected(): void {
    this.browserConnects++;
  }

  browserDisconnected(): void {
    this.browserDisconnects++;
  }

  minecraftReconnected(): void {
    this.mcReconnectCount++;
  }

  /** Exactly the docs/protocol.md health fields. */
  snapshot(currentDjs: number, currentBrowsers: number, mcConnected: boolean): Health {
    return {
      dj_connects: this.djConnects,
      dj_disconnects: this.djDisconnects,
      browser_connects: this.browserConnects,
      browser_disconnects: this.browserDisconnects,
      mc_reconnect_count: this.mcReconnectCount,
      current_djs: currentDjs,
      current_browsers: currentBrowsers,
      mc_connected: mcConnected,
    };
  }
}
