// Socket → store and announcer, outside the components: the hub's snapshot and patches become the screen,
// and every call or recall in them becomes an announcement.
import type { Call } from '../../shared/domain/types';
import type { Lang } from '../../shared/protocol/errors';
import { connectHub } from '../../shared/ui/hubClient';
import { Announcer, type PhrasePlayer } from './announcer';
import { browserPlayer, instantPlayer } from './players';
import { fromPatch, fromSnapshot, todaysCalls, useDisplay } from './store';

/** The debug log keeps this many phrases (docs/testids.md). */
export const ANNOUNCEMENT_LOG_SIZE = 200;
/** After being cut off, calls made this recently are still announced when the screen is back. */
export const MISSED_CALL_WINDOW_MS = 2 * 60_000;
/** Silence between two calls. */
const GAP_MS = 600;
const NEW_DAY_CHECK_MS = 60_000;

declare global {
  interface Window {
    /** With `?debug=1`: the phrases announced, oldest first, recorded as each starts playing. */
    __announcements?: string[];
  }
}

export interface DisplayOptions {
  /** A display device key, optional: the display sees only public data. */
  key: string | null;
  debug: boolean;
  /** `?audio=instant`: phrases "play" in no time (soak tests). */
  instantAudio: boolean;
  lang: Lang | null;
}

export function readOptions(search: string): DisplayOptions {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  return {
    key: q.get('key') || null,
    debug: q.get('debug') === '1',
    instantAudio: q.get('audio') === 'instant',
    lang: lang === 'id' || lang === 'en' ? lang : null,
  };
}

/**
 * Calls in a snapshot that this screen never announced: made while it was cut off (a pulled cable, a sleeping
 * TV), and recent enough to still matter. Oldest first. On the very first snapshot nothing is news.
 */
export function missedCalls(recentCalls: readonly Call[], lastHeardAt: string | null, serverTime: string): Call[] {
  if (lastHeardAt === null) return [];
  const since = Date.parse(serverTime) - MISSED_CALL_WINDOW_MS;
  return recentCalls.filter((c) => c.at > lastHeardAt && Date.parse(c.at) >= since).reverse();
}

const later = (a: string | null, b: string | undefined) => (b !== undefined && (a === null || b > a) ? b : a);

export interface RunningDisplay {
  /** The click on "enable sound". */
  enableSound(): void;
}

export function startDisplay(options: DisplayOptions): RunningDisplay {
  if (options.lang) useDisplay.setState({ lang: options.lang });
  const log: string[] | null = options.debug ? [] : null;
  if (log) window.__announcements = log;
  let player: PhrasePlayer = instantPlayer;
  if (!options.instantAudio) {
    const browser = browserPlayer(() => useDisplay.getState().voice);
    // Loading media holds up the page's load event: fetch the clips once the page is up.
    if (document.readyState === 'complete') browser.preload();
    else window.addEventListener('load', () => browser.preload(), { once: true });
    player = browser;
  }
  const announcer = new Announcer({
    player,
    gapMs: options.instantAudio ? 0 : GAP_MS,
    onStarted: (phrase) => {
      if (!log) return;
      log.push(phrase.text);
      if (log.length > ANNOUNCEMENT_LOG_SIZE) log.splice(0, log.length - ANNOUNCEMENT_LOG_SIZE);
    },
    onBlocked: (soundBlocked) => useDisplay.setState({ soundBlocked }),
    onError: (e) => console.warn('announcer:', e),
  });

  const key = options.key;
  /** How long a throttled display waits before asking again. */
  const REFUSED_RETRY_MS = 30_000;
  let lastHeardAt: string | null = null;
  const client = connectHub({
    auth: () => (key ? { deviceKey: key } : {}),
    lang: () => useDisplay.getState().lang,
    onOnline: (online) => useDisplay.setState({ online }),
    onSnapshot: (s) => {
      if (s.audience !== 'display') return;
      const missed = missedCalls(s.recentCalls, lastHeardAt, s.serverTime);
      lastHeardAt = later(later(lastHeardAt, s.serverTime), s.recentCalls[0]?.at);
      useDisplay.setState(fromSnapshot(s, Date.now()));
      for (const call of missed) announcer.announce(call);
    },
    onPatch: (p) => {
      if (p.audience !== 'display') return;
      useDisplay.setState((state) => fromPatch(state, p));
      for (const call of p.calls ?? []) {
        lastHeardAt = later(lastHeardAt, call.at);
        announcer.announce(call);
      }
    },
    onRefused: (code) => {
      // A display given a key does not fall back to keyless when the key stops working: an admin revoked
      // or replaced it, and the screen says so instead of quietly showing the queue. A throttled address is
      // let in again after a minute: it asks again.
      if (code === 'DEVICE_KEY_RATE_LIMITED') return void setTimeout(() => client.socket.connect(), REFUSED_RETRY_MS);
      if (code !== 'DEVICE_REVOKED' && code !== 'DEVICE_KEY_INVALID') return;
      useDisplay.setState({ revoked: true });
      client.close();
    },
  });

  // A screen left on overnight starts the new office day without yesterday's calls.
  setInterval(() => {
    const s = useDisplay.getState();
    const recentCalls = todaysCalls(s.recentCalls, new Date(Date.now() + s.clockOffsetMs), s.timeZone);
    if (recentCalls !== s.recentCalls) useDisplay.setState({ recentCalls });
  }, NEW_DAY_CHECK_MS);

  return { enableSound: () => announcer.resume() };
}
