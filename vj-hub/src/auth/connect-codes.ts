/**
 * One-time connect codes `WORD-XXXX` (docs/protocol.md :9000 `code_auth`): issued from the admin panel, valid for
 * `CONNECT_CODE_TTL_MS` unless told otherwise, and used up by the first DJ who presents one.
 */
import { CONNECT_CODE_TTL_MS, type Clock, type RandomSource } from '@audioviz/shared-types';

const WORDS = [
  'BASS',
  'BEAT',
  'DROP',
  'KICK',
  'SNARE',
  'GROOVE',
  'TEMPO',
  'RHYTHM',
  'ECHO',
  'PULSE',
  'WAVE',
  'NEON',
  'LASER',
  'STROBE',
  'VINYL',
  'SYNTH',
  'TRACK',
  'REMIX',
  'LOOP',
  'SAMPLE',
  'DISCO',
  'FUNK',
  'HOUSE',
  'TECHNO',
] as const;
/** Letters and digits that read unambiguously aloud and on screen (no O/0, I/1). */
const SUFFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Codes alive at once; the oldest is dropped past this, so a flood of requests cannot grow memory. */
export const MAX_ACTIVE_CONNECT_CODES = 100;

export interface ConnectCode {
  readonly code: string;
  /** Clock ms at which the code stops working. */
  readonly expiresAt: number;
}

/** A code as just made: also how long it works, minutes (MCAV's panel shows this). */
export interface NewConnectCode extends ConnectCode {
  readonly ttlMinutes: number;
}

export class ConnectCodes {
  private readonly codes = new Map<string, number>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly random: RandomSource,
    private readonly defaultTtlMs = CONNECT_CODE_TTL_MS,
  ) {}

  /** Issues a fresh code valid for `ttlMs` (default 30 min). */
  generate(ttlMs = this.defaultTtlMs): NewConnectCode {
    this.dropExpired();
    let code: string;
    do code = `${this.pick(WORDS)}-${Array.from({ length: 4 }, () => this.pick(SUFFIX_ALPHABET)).join('')}`;
    while (this.codes.has(code));
    if (this.codes.size >= MAX_ACTIVE_CONNECT_CODES) {
      const oldest = this.codes.keys().next().value;
      if (oldest !== undefined) this.codes.delete(oldest);
    }
    const expiresAt = this.clock.now() + ttlMs;
    this.codes.set(code, expiresAt);
    return { code, expiresAt, ttlMinutes: ttlMs / 60_000 };
  }

  /** Uses up a code: true once for a live code, false for an unknown, expired, revoked or used one. */
  consume(code: string): boolean {
    const expiresAt = this.codes.get(code);
    if (expiresAt === undefined) return false;
    this.codes.delete(code);
    return this.clock.now() < expiresAt;
  }

  /** Withdraws a code; false if it was not live. */
  revoke(code: string): boolean {
    return this.codes.delete(code);
  }

  /** Live codes, oldest first. */
  active(): ConnectCode[] {
    this.dropExpired();
    return [...this.codes].map(([code, expiresAt]) => ({ code, expiresAt }));
  }

  private dropExpired(): void {
    const now = this.clock.now();
    for (const [code, expiresAt] of this.codes) if (now >= expiresAt) this.codes.delete(code);
  }

  private pick<T>(items: ArrayLike<T>): T {
    return items[Math.min(items.length - 1, Math.floor(this.random() * items.length))] as T;
  }
}
