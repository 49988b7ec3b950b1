// The display's one store: what the waiting room sees, kept current by the hub's snapshot and patches
// (wired in wiring.ts, outside the components). Pure update functions, so the rules are testable alone.
import { create } from 'zustand';
import { RECENT_CALLS } from '../../shared/domain/announcement';
import { DEFAULT_TIMEZONE, officeDay } from '../../shared/domain/officeTime';
import type { Call, Office, PublicCounter, Service, WaitingCounts } from '../../shared/domain/types';
import type { Lang } from '../../shared/protocol/errors';
import type { DisplayPatch, DisplaySnapshot } from '../../shared/protocol/events';
import { upsert } from '../../shared/ui/upsert';


export interface DisplayState {
  /** Connected to the hub right now; null until the first attempt settles, so a page load does not flash "offline". */
  online: boolean | null;
  lang: Lang;
  office: Office | null;
  runningText: string;
  voice: 'clips' | 'system';
  timeZone: string;
  /** Hub clock minus this machine's clock: the TV shows the office's time even when its own clock is wrong. */
  clockOffsetMs: number;
  services: Service[];
  /** Sorted by counter number. */
  counters: PublicCounter[];
  waiting: WaitingCounts;
  /** Newest first; one entry per ticket and counter (a recall moves it to the top). */
  recentCalls: Call[];
  /** Counts live calls and recalls, so the big number flashes again on each one. */
  flashes: number;
  /** The browser blocks sound until someone clicks. */
  soundBlocked: boolean;
  /** This display was given a key the hub no longer accepts (revoked, or replaced by a new one). */
  revoked: boolean;
}

export const initialState = (lang: Lang): DisplayState => ({
  online: null,
  lang,
  office: null,
  runningText: '',
  voice: 'clips',
  timeZone: DEFAULT_TIMEZONE,
  clockOffsetMs: 0,
  services: [],
  counters: [],
  waiting: {},
  recentCalls: [],
  flashes: 0,
  soundBlocked: false,
  revoked: false,
});

// Nobody touches the TV: its language is Indonesian unless its address says `?lang=en` (see wiring.ts).
export const useDisplay = create<DisplayState>()(() => initialState('id'));

const sameCall = (a: Call, b: Call) => a.ticketNumber === b.ticketNumber && a.counterId === b.counterId;

/** The recent-calls list with `call` on top, bounded. */
export function withCall(calls: readonly Call[], call: Call): Call[] {
  return [call, ...calls.filter((c) => !sameCall(c, call))].slice(0, RECENT_CALLS);
}

/** Calls of an earlier office day (a TV left on overnight) are no longer recent. */
export function todaysCalls(calls: Call[], now: Date, timeZone: string): Call[] {
  const today = officeDay(now, timeZone);
  const kept = calls.filter((c) => officeDay(new Date(c.at), timeZone) === today);
  return kept.length === calls.length ? calls : kept;
}


const byNumber = (a: PublicCounter, b: PublicCounter) => a.number - b.number || a.name.localeCompare(b.name);

export function fromSnapshot(s: DisplaySnapshot, receivedAt: number): Partial<DisplayState> {
  return {
    office: s.office,
    runningText: s.settings.runningText,
    voice: s.settings.voice,
    timeZone: s.timeZone,
    clockOffsetMs: Date.parse(s.serverTime) - receivedAt,
    services: s.services,
    counters: [...s.counters].sort(byNumber),
    waiting: s.waiting,
    recentCalls: s.recentCalls.reduceRight<Call[]>((list, call) => withCall(list, call), []),
  };
}

export function fromPatch(state: DisplayState, p: DisplayPatch): Partial<DisplayState> {
  const next: Partial<DisplayState> = {};
  if (p.office) next.office = p.office;
  if (p.settings) {
    next.runningText = p.settings.runningText;
    next.voice = p.settings.voice;
  }
  if (p.services) next.services = upsert(state.services, p.services);
  if (p.counters) next.counters = upsert(state.counters, p.counters).sort(byNumber);
  if (p.waiting) next.waiting = p.waiting;
  if (p.calls?.length) {
    next.recentCalls = p.calls.reduce(withCall, state.recentCalls);
    next.flashes = state.flashes + 1;
  }
  if (p.noShows) {
    const gone = new Set(p.noShows);
    next.recentCalls = (next.recentCalls ?? state.recentCalls).filter((c) => !gone.has(c.ticketNumber));
  }
  return next;
}
