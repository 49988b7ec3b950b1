// The waiting-room announcer: every call is spoken once per call or recall, in the order the calls arrive,
// one after another and never on top of each other. Plain TS: the sound itself is a PhrasePlayer, so the
// queue can be tested without a browser.
import { callAnnouncement, type CallAnnouncement } from '../../shared/domain/announcement';
import type { Call } from '../../shared/domain/types';

export type Phrase = CallAnnouncement;

/** A player rejects with this when the browser refuses to make sound until someone interacts with the page. */
export class SoundBlockedError extends Error {
  constructor() {
    super('the browser blocks sound until the page is clicked');
    this.name = 'SoundBlockedError';
  }
}

export interface PhrasePlayer {
  /**
   * Plays the phrase to its end; calls `started` once it is audible. Rejects with SoundBlockedError when the
   * browser blocks sound; any other trouble (a missing clip) is the player's to skip over.
   */
  play(phrase: Phrase, started: () => void): Promise<void>;
}

export interface AnnouncerOptions {
  player: PhrasePlayer;
  /** A phrase became audible (the debug log records it here). */
  onStarted?: (phrase: Phrase) => void;
  /** Sound became blocked (show the "enable sound" button) or was enabled again. */
  onBlocked?: (blocked: boolean) => void;
  /** A player failed in a way it did not handle; the announcer carries on with the next call. */
  onError?: (error: unknown) => void;
  /** Silence between two calls. */
  gapMs?: number;
  /**
   * A call still waiting after this long is no longer worth saying (a TV nobody unblocked for hours). The
   * only limit: a burst is spoken whole, in order, and age alone keeps the queue bounded.
   */
  maxAgeMs?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

interface Pending {
  phrase: Phrase;
  queuedAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Announcer {
  private readonly pending: Pending[] = [];
  private running = false;
  private blocked = false;
  private readonly gapMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: AnnouncerOptions) {
    this.gapMs = options.gapMs ?? 0;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
  }

  /** Queues a call (or recall) to be spoken after those already waiting. */
  announce(call: Pick<Call, 'ticketNumber' | 'counterNumber'>): void {
    let phrase: Phrase;
    try {
      phrase = callAnnouncement(call);
    } catch (e) {
      // A number the voice cannot say is still shown on screen; it just is not spoken.
      this.options.onError?.(e);
      return;
    }
    this.dropStale();
    this.pending.push({ phrase, queuedAt: this.now() });
    void this.drain();
  }

  /** Someone clicked "enable sound": try again with what was held back. */
  resume(): void {
    if (!this.blocked) return;
    this.setBlocked(false);
    void this.drain();
  }

  get isBlocked(): boolean {
    return this.blocked;
  }

  /** Calls waiting to be spoken (not counting the one playing). */
  get waiting(): number {
    return this.pending.length;
  }

  private setBlocked(blocked: boolean): void {
    this.blocked = blocked;
    this.options.onBlocked?.(blocked);
  }

  /** Oldest first, so the stale ones are a prefix. */
  private dropStale(): void {
    const fresh = this.now() - this.maxAgeMs;
    const stale = this.pending.findIndex((p) => p.queuedAt >= fresh);
    this.pending.splice(0, stale === -1 ? this.pending.length : stale);
  }

  private next(): Pending | undefined {
    this.dropStale();
    return this.pending.shift();
  }

  private async drain(): Promise<void> {
    if (this.running || this.blocked) return;
    this.running = true;
    try {
      let item: Pending | undefined;
      while (!this.blocked && (item = this.next())) {
        const { phrase } = item;
        try {
          await this.options.player.play(phrase, () => this.options.onStarted?.(phrase));
        } catch (e) {
          if (e instanceof SoundBlockedError) {
            // Kept at the head: the click plays it first, so nothing is lost.
            this.pending.unshift(item);
            this.setBlocked(true);
            break;
          }
          this.options.onError?.(e);
        }
        if (this.gapMs > 0) await this.wait(this.gapMs);
      }
    } finally {
      this.running = false;
    }
  }
}
