/**
 * Tells players in chat who is on the decks. Any :8765 client may send `dj_info`, and a hub repeats it with
 * every tempo update, so chat hears only a change of live DJ, and at most one line per interval: a client
 * that flips DJs a hundred times a second reaches chat once per interval, with the latest state.
 */
import type { PluginInbound } from '@audioviz/shared-types';

/** The shortest gap between two chat lines about the DJ, ms. */
export const DJ_ANNOUNCE_INTERVAL_MS = 3_000;

type DjInfo = Pick<PluginInbound['dj_info'], 'dj_id' | 'dj_name' | 'bpm' | 'is_active'>;

export class DjAnnouncer {
  /** The state chat last heard, as `id|active`. */
  private announcedKey = '';
  private announcedAt = Number.NEGATIVE_INFINITY;
  /** A change that arrived too soon after the last line; said once the interval has passed. */
  private pending: DjInfo | null = null;

  constructor(
    private readonly now: () => number,
    private readonly announce: (message: string) => void,
  ) {}

  /** A `dj_info` arrived. */
  offer(info: DjInfo): void {
    this.pending = keyOf(info) === this.announcedKey ? null : info;
    this.flush();
  }

  /** Says a held-back change once its interval has passed; called every drain. */
  flush(): void {
    const info = this.pending;
    if (info === null) return;
    const now = this.now();
    if (now - this.announcedAt < DJ_ANNOUNCE_INTERVAL_MS) return;
    this.pending = null;
    this.announcedKey = keyOf(info);
    this.announcedAt = now;
    const name = chatSafe(info.dj_name) || chatSafe(info.dj_id) || 'the DJ';
    this.announce(
      info.is_active
        ? `Now playing: ${name}${info.bpm > 0 ? ` at ${Math.round(info.bpm)} BPM` : ''}`
        : `${name} left the decks`,
    );
  }
}

function keyOf(info: DjInfo): string {
  return `${info.dj_id}|${info.is_active}`;
}

/**
 * A name as plain chat text: control characters (line breaks included) and Minecraft's `§` formatting codes
 * removed, so a name cannot forge extra chat lines or colours.
 */
function chatSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00a7\u2028\u2029]/g, '').trim();
}
