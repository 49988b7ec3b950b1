// The staff app's one store: who is signed in, what the hub has shown this staff member (a snapshot kept
// current by patches), where they are, and the last refusal to show. The socket writes into it from
// hub.ts; components read it through selectors.
import { create } from 'zustand';
import { DEFAULT_TIMEZONE, officeDay } from '../../shared/domain/officeTime';
import { caseListKey, SNAPSHOT_LISTS, snapshotList } from '../../shared/domain/caseLists';
import {
  CASE_WITHDRAWN,
  caseSummary,
  type AdminView,
  type Case,
  type CaseIntake,
  type CaseSummary,
  type Counter,
  type StaffUser,
  type Ticket,
} from '../../shared/domain/types';
import type { Report } from '../../shared/domain/report';
import type { Lang, ReplyError } from '../../shared/protocol/errors';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import { initialLang } from '../../shared/ui/i18n';
import { upsert } from '../../shared/ui/upsert';
import { useNow } from '../../shared/ui/useNow';
import { parseRoute, type Route } from './routes';

const TOKEN_KEY = 'antrian.staffToken';

/**
 * The staff snapshot as patches keep it, plus how far the hub's clock is from ours. The recent calls are
 * the display's business: no staff screen shows them.
 */
export interface StaffData extends Omit<StaffSnapshot, 'rev' | 'epoch' | 'serverTime' | 'audience' | 'recentCalls' | 'caseLists'> {
  clockSkewMs: number;
  /**
   * How far each list of cases has been fetched, by `caseListKey`: its last row fetched (the list shows the
   * cases held up to it), or null when all of it was; a list not here is fetched when shown.
   */
  caseWindows: Record<string, CaseSummary | null>;
  /** The whole case the hub last returned to this user's own action, shown at once by the case screen. */
  lastCase: Case | null;
}

/** The intake typed into the case on screen and not saved yet, with the revision it was typed over. */
export interface IntakeDraft {
  caseId: number;
  intake: CaseIntake;
  base: number;
}

/** What the user asked for while the intake had unsaved typing; it waits for their answer (save / discard / stay). */
export type Leave = { kind: 'finish'; counterId: number; ticketId: number } | { kind: 'navigate'; route: Route } | { kind: 'signOut' };

export interface State {
  lang: Lang;
  token: string | null;
  online: boolean;
  data: StaffData | null;
  route: Route | null;
  /** The last refusal from the hub, shown until the next action or dismissed. */
  refusal: ReplyError | null;
  /** Why the sign-in screen is shown again (an expired session). */
  signInNotice: string | null;
  /** Signed in with a temporary password: nothing else is shown until the user has set their own. */
  passwordChange: StaffUser | null;
  /** Admins only: the admin section's lists, as the hub last sent them. */
  admin: AdminView | null;
  intakeDraft: IntakeDraft | null;
  pendingLeave: Leave | null;
  /**
   * The reports section's period and the report the hub computed for it (null while it is being computed),
   * or why it could not be computed.
   */
  report: { from: string; to: string; data: Report | null; failure: ReplyError | null };
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function rememberToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the session lasts as long as the page.
  }
}

export const NO_REPORT: State['report'] = { from: '', to: '', data: null, failure: null };

export const useStaff = create<State>(() => ({
  lang: initialLang('staff'),
  token: readToken(),
  online: false,
  data: null,
  route: parseRoute(window.location.hash),
  refusal: null,
  signInNotice: null,
  passwordChange: null,
  admin: null,
  intakeDraft: null,
  pendingLeave: null,
  report: NO_REPORT,
}));


export function fromSnapshot(s: StaffSnapshot): StaffData {
  const { rev: _rev, epoch: _epoch, serverTime, audience: _audience, recentCalls: _recentCalls, caseLists, ...rest } = s;
  const byId = new Map(s.cases.map((c) => [c.id, c]));
  const caseWindows = Object.fromEntries(
    SNAPSHOT_LISTS.map((name) => {
      const { ids, complete } = caseLists[name];
      return [caseListKey(snapshotList(name)), complete ? null : (byId.get(ids.at(-1) ?? 0) ?? null)];
    }),
  );
  return { ...rest, caseWindows, lastCase: null, clockSkewMs: Date.parse(serverTime) - Date.now() };
}

/** Cases from the hub into the held ones: a row never replaces a newer revision of itself; withdrawn ones leave. */
export function mergeCases(held: readonly CaseSummary[], incoming: readonly CaseSummary[] | undefined): CaseSummary[] {
  if (!incoming?.length) return held as CaseSummary[];
  const known = new Map(held.map((c) => [c.id, c]));
  const newer = incoming.filter((c) => (known.get(c.id)?.revision ?? -1) <= c.revision);
  // A withdrawn case (a visit's, with nothing recorded) belongs on no staff list.
  return upsert(held, newer).filter((c) => c.status !== CASE_WITHDRAWN);
}

export function applyPatch(data: StaffData, p: StaffPatch): StaffData {
  return {
    ...data,
    office: p.office ?? data.office,
    settings: p.settings ?? data.settings,
    services: upsert(data.services, p.services),
    counters: upsert(data.counters, p.counters),
    tickets: upsert(data.tickets, p.tickets),
    cases: mergeCases(data.cases, p.cases),
    caseCounts: p.caseCounts ?? data.caseCounts,
    waiting: p.waiting ?? data.waiting,
    // The open faults as a whole: a fault that was dealt with simply leaves the list.
    printerFaults: p.printerFaults ?? data.printerFaults,
    printingKiosks: p.printingKiosks ?? data.printingKiosks,
    storage: p.storage ?? data.storage,
  };
}

/** Puts a case the hub just returned into the store, unless a newer revision already arrived by patch. */
export function mergeCase(c: Case): void {
  useStaff.setState((s) => {
    if (!s.data) return {};
    const known = s.data.cases.find((x) => x.id === c.id);
    if (known && known.revision >= c.revision) return {};
    return { data: { ...s.data, cases: mergeCases(s.data.cases, [caseSummary(c)]), lastCase: c } };
  });
}

// Selectors shared by several screens.

/** The counter the signed-in staff member holds (open or paused), if any. */
export function myCounter(s: State): Counter | null {
  const me = s.data?.me;
  return s.data?.counters.find((c) => c.userId === me?.id && c.state !== 'closed') ?? null;
}

/** The ticket a counter has called or is serving. */
export function activeTicketAt(tickets: readonly Ticket[], counterId: number | undefined): Ticket | null {
  if (counterId === undefined) return null;
  return tickets.find((t) => t.counterId === counterId && (t.status === 'called' || t.status === 'serving')) ?? null;
}

export function caseById(s: State, caseId: number): CaseSummary | null {
  return s.data?.cases.find((c) => c.id === caseId) ?? null;
}

/** The hub's "now", so ages and waiting times agree with the hub whatever this PC's clock says. */
export function hubNow(data: StaffData | null): number {
  return Date.now() + (data?.clockSkewMs ?? 0);
}

/** The office time zone the hub reported, for every time shown. */
export function useTimeZone(): string {
  return useStaff((s) => s.data?.timeZone ?? DEFAULT_TIMEZONE);
}

/** The hub's "now" as a ticking clock, for ages and waiting times on screen. */
export function useHubNow(intervalMs: number): number {
  return useNow(intervalMs, useStaff((s) => s.data?.clockSkewMs ?? 0));
}

/**
 * Today's tickets. The snapshot holds only today's, but a page left open overnight also holds yesterday's
 * (their expiry arrives as a patch), which must not count in today's lists and tally.
 */
export function todaysTickets(data: StaffData | null): Ticket[] {
  if (!data) return [];
  const today = officeDay(new Date(hubNow(data)), data.timeZone);
  return data.tickets.filter((t) => t.officeDay === today);
}
