// What each audience may see: its snapshot, and its share of a change with that audience's next
// revision. The display and kiosk audiences never receive personal data or staff-only records.
import { randomUUID } from 'node:crypto';
import { CASE_LIST_ROWS, snapshotList, type SnapshotListName } from '../shared/domain/caseLists';
import type { CaseSummary, Counter, PublicCounter, Settings } from '../shared/domain/types';
import type {
  CaseListPage,
  DisplayPatch,
  DisplaySnapshot,
  KioskPatch,
  KioskSnapshot,
  Patch,
  Snapshot,
  StaffPatch,
  StaffSnapshot,
  SurveyPatch,
  SurveySnapshot,
  VisitorPatch,
  VisitorSnapshot,
} from '../shared/protocol/events';
import {
  findActiveTicketAtCounter,
  countUnclosedCases,
  getCaseSummary,
  getCounter,
  getOffice,
  getSettings,
  getTicket,
  listCounters,
  listDevices,
  listCasesAtCounters,
  listOpenPrinterFaults,
  listRecentCalls,
  listServices,
  listTicketsOfDay,
  listUsers,
  searchCases,
  waitingCounts,
  type Db,
} from './db/index';
import type { Change, HubDeps, Session } from './context';
import { RECENT_CALLS } from '../shared/domain/announcement';
import { officeDay } from '../shared/domain/officeTime';
import { surveyTabletView, viewBasis, visitorView, type ViewBasis } from './visitor';

type PersonalSession = Extract<Session, { kind: 'visitor' | 'survey' }>;

/**
 * The room of a visitor's phone (its ticket) or of a survey tablet (its counter): what such a socket sees
 * is built per room, so nothing about another ticket or counter can reach it.
 */
export function personalRoom(session: PersonalSession): string {
  return session.kind === 'visitor' ? `visitor:${session.ticketId}` : `survey:${session.device.counterId ?? 0}`;
}
const PERSONAL_ROOM = /^(visitor|survey):(\d+)$/;


const displaySettings = (s: Settings): DisplaySnapshot['settings'] => ({ runningText: s.runningText, voice: s.voice });
const kioskSettings = (s: Settings): KioskSnapshot['settings'] => ({
  priorityEnabled: s.priorityEnabled,
  ticketHoldSeconds: s.ticketHoldSeconds,
  ticketFooter: s.ticketFooter,
  openingHours: s.openingHours,
});

function publicCounter(db: Db, c: Counter): PublicCounter {
  return {
    id: c.id,
    name: c.name,
    number: c.number,
    state: c.state,
    pauseReason: c.pauseReason,
    currentNumber: findActiveTicketAtCounter(db, c.id)?.number ?? null,
  };
}

/**
 * The changes of one commit as one: patches are made from the database once the whole batch has committed,
 * so each audience gets one patch with every ticket, counter, case and call the batch touched, in their
 * final state. Twenty calls at once are then one patch to each screen, not twenty (each but the last
 * repeating the same queue lengths).
 */
export function mergeChanges(changes: readonly (Change | undefined)[]): Change | undefined {
  const present = changes.filter((c) => c !== undefined);
  if (!present.length) return undefined;
  const ids = (key: 'ticketIds' | 'counterIds' | 'caseIds') => {
    const all = present.flatMap((c) => c[key] ?? []);
    return all.length ? [...new Set(all)] : undefined;
  };
  const any = (key: 'waiting' | 'settings' | 'office' | 'printerFaults' | 'printingKiosks' | 'admin' | 'personal' | 'storage') =>
    present.some((c) => c[key]) || undefined;
  const resync = [...new Set(present.flatMap((c) => c.resync ?? []))];
  const merged: Change = {
    ticketIds: ids('ticketIds'),
    counterIds: ids('counterIds'),
    calls: present.some((c) => c.calls?.length) ? present.flatMap((c) => c.calls ?? []) : undefined,
    caseIds: ids('caseIds'),
    waiting: any('waiting'),
    settings: any('settings'),
    office: any('office'),
    printerFaults: any('printerFaults'),
    printingKiosks: any('printingKiosks'),
    admin: any('admin'),
    personal: any('personal'),
    storage: any('storage'),
    resync: resync.length ? resync : undefined,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Change;
}

export class Audiences {
  readonly epoch = randomUUID();
  private readonly revs: Record<'display' | 'kiosk' | 'staff', number> = { display: 0, kiosk: 0, staff: 0 };
  /**
   * Snapshots built since the last write, by audience (and kiosk): asking again costs nothing until
   * something changes. Per-socket parts (the time, `me`) are filled in on the way out.
   */
  private readonly built = new Map<string, Snapshot>();
  /** Each staff member's case list's first rows since the last write, by office day and user. */
  private readonly caseListsBuilt = new Map<string, ReturnType<Audiences['firstRows']>>();
  /** Per personal room: its revision and the view last sent, so only a real change is sent. */
  private readonly personal = new Map<string, { rev: number; last: string }>();

  constructor(
    private readonly deps: HubDeps,
    /** Kiosks whose page is connected with a printer bridge now. */
    private readonly bridgeKiosks: () => Iterable<number>,
  ) {}

  /** Kiosks whose tickets staff can reprint: a network printer, or a bridge connected now. */
  private printingKiosks(): number[] {
    const ids = new Set(this.bridgeKiosks());
    for (const d of listDevices(this.deps.db)) if (d.kind === 'kiosk' && d.printer !== null) ids.add(d.id);
    return [...ids].sort((a, b) => a - b);
  }

  private today(): string {
    return officeDay(this.deps.clock(), this.deps.timeZone);
  }

  /** Something may have changed: every snapshot is built afresh when next asked for. */
  changed(): void {
    this.built.clear();
    this.caseListsBuilt.clear();
  }

  snapshot(session: Session): Snapshot {
    if (session.kind === 'staff' && session.passwordChangeRequired) {
      return { audience: 'password', epoch: this.epoch, rev: 0, serverTime: this.deps.clock().toISOString(), me: session.user };
    }
    const today = this.today();
    if (session.kind === 'visitor' || session.kind === 'survey') return this.personalSnapshot(personalRoom(session), today);
    const key = `${today}:${session.kind === 'kiosk' ? `kiosk:${session.device.id}` : session.kind}`;
    let built = this.built.get(key);
    if (!built) {
      built = this.build(session, today);
      this.built.set(key, built);
    }
    const serverTime = this.deps.clock().toISOString();
    if (session.kind !== 'staff' || built.audience !== 'staff') return { ...built, serverTime };
    // The case list, the officer's own cases first, is the one part of the staff snapshot that is theirs alone.
    const mineKey = `${today}:${session.user.id}`;
    const mine = this.caseListsBuilt.get(mineKey) ?? this.firstRows('mine', session.user.id);
    this.caseListsBuilt.set(mineKey, mine);
    const known = new Set(built.cases.map((c) => c.id));
    return {
      ...built,
      serverTime,
      me: session.user,
      cases: [...built.cases, ...mine.rows.filter((c) => !known.has(c.id))],
      caseLists: { ...built.caseLists, mine: mine.page },
    };
  }

  /** The first rows of one of the snapshot's lists of cases. */
  private firstRows(name: SnapshotListName, me: number): { rows: CaseSummary[]; page: CaseListPage } {
    const { filter, order } = snapshotList(name);
    const rows = searchCases(this.deps.db, { ...filter, order, limit: CASE_LIST_ROWS + 1, offset: 0 }, me);
    const first = rows.slice(0, CASE_LIST_ROWS);
    return { rows: first, page: { ids: first.map((c) => c.id), complete: rows.length === first.length } };
  }

  private personalView(room: string, basis: ViewBasis) {
    const [, kind, id] = PERSONAL_ROOM.exec(room) ?? [];
    const { db } = this.deps;
    return kind === 'visitor'
      ? { audience: 'visitor' as const, visit: visitorView(db, Number(id), basis) }
      : { audience: 'survey' as const, tablet: surveyTabletView(db, Number(id), basis) };
  }

  private personalSnapshot(room: string, today: string): VisitorSnapshot | SurveySnapshot {
    const base = {
      epoch: this.epoch,
      rev: this.personal.get(room)?.rev ?? 0,
      serverTime: this.deps.clock().toISOString(),
      timeZone: this.deps.timeZone,
      office: getOffice(this.deps.db),
    };
    return { ...base, ...this.personalView(room, viewBasis(this.deps.db, today)) };
  }

  /** Each given personal room's view, for those whose view changed since last sent. */
  personalPatches(rooms: Iterable<string>): Array<{ room: string; patch: VisitorPatch | SurveyPatch }> {
    const out: Array<{ room: string; patch: VisitorPatch | SurveyPatch }> = [];
    let basis: ViewBasis | undefined;
    for (const room of rooms) {
      if (!PERSONAL_ROOM.test(room)) continue;
      basis ??= viewBasis(this.deps.db, this.today());
      const view = this.personalView(room, basis);
      const text = JSON.stringify(view);
      const state = this.personal.get(room) ?? { rev: 0, last: '' };
      this.personal.set(room, state);
      if (state.last === text) continue;
      state.last = text;
      state.rev += 1;
      out.push({ room, patch: { ...view, epoch: this.epoch, rev: state.rev } });
    }
    return out;
  }

  /** A personal room emptied: its state goes with it. */
  forget(room: string): void {
    this.personal.delete(room);
  }

  private build(session: Exclude<Session, PersonalSession>, today: string): Snapshot {
    const { db } = this.deps;
    const settings = getSettings(db);
    const base = {
      epoch: this.epoch,
      serverTime: this.deps.clock().toISOString(),
      timeZone: this.deps.timeZone,
      office: getOffice(db),
      services: listServices(db),
      waiting: waitingCounts(db, today),
    };
    if (session.kind === 'staff') {
      return {
        ...base,
        audience: 'staff',
        rev: this.revs.staff,
        settings,
        counters: listCounters(db),
        tickets: listTicketsOfDay(db, today),
        // Names for choosing a case's owner; sign-in names are nobody else's business.
        users: listUsers(db).map(({ id, name, role }) => ({ id, name, role })),
        printerFaults: listOpenPrinterFaults(db),
        recentCalls: listRecentCalls(db, today, RECENT_CALLS),
        me: session.user,
        ...this.sharedCaseLists(today),
        printingKiosks: this.printingKiosks(),
        storage: this.deps.storage.state,
      } satisfies StaffSnapshot;
    }
    if (session.kind === 'kiosk') {
      return {
        ...base,
        audience: 'kiosk',
        rev: this.revs.kiosk,
        settings: kioskSettings(settings),
        device: { id: session.device.id, name: session.device.name, hasPrinter: session.device.printer !== null },
      } satisfies KioskSnapshot;
    }
    return {
      ...base,
      audience: 'display',
      rev: this.revs.display,
      settings: displaySettings(settings),
      counters: listCounters(db).map((c) => publicCounter(db, c)),
      recentCalls: listRecentCalls(db, today, RECENT_CALLS),
    } satisfies DisplaySnapshot;
  }

  /**
   * What every staff member's snapshot holds of the cases: the first rows of the lists the same for all, and
   * the cases at the counters; `mine` is added per staff member (see `snapshot`).
   */
  private sharedCaseLists(today: string): Pick<StaffSnapshot, 'cases' | 'caseLists' | 'caseCounts'> {
    const cases = new Map(listCasesAtCounters(this.deps.db, today).map((c) => [c.id, c]));
    const page = (name: Exclude<SnapshotListName, 'mine'>) => {
      const { rows, page } = this.firstRows(name, 0);
      for (const c of rows) cases.set(c.id, c);
      return page;
    };
    // `mine` is each staff member's own, filled in by `snapshot`.
    const caseLists = { mine: { ids: [], complete: true }, escalated: page('escalated'), reported: page('reported'), unclosed: page('unclosed') };
    return { cases: [...cases.values()], caseLists, caseCounts: countUnclosedCases(this.deps.db) };
  }

  /** Each audience's patch for a change; audiences the change does not concern get none. */
  patches(change: Change): Patch[] {
    const { db } = this.deps;
    const today = this.today();
    const settings = change.settings ? getSettings(db) : undefined;
    const office = change.office ? getOffice(db) : undefined;
    const waiting = change.waiting ? waitingCounts(db, today) : undefined;
    const counters = (change.counterIds ?? []).map((id) => getCounter(db, id)).filter((c) => c !== undefined);
    const tickets = (change.ticketIds ?? []).map((id) => getTicket(db, id)).filter((t) => t !== undefined);
    const calls = change.calls ?? [];
    // Cases carry personal data: they go to staff only, as the summaries the lists show.
    const cases = (change.caseIds ?? []).map((id) => getCaseSummary(db, id)).filter((c) => c !== undefined);
    // A call changes what its counter is showing, even when the counter itself did not change state.
    const displayCounters = new Map(counters.map((c) => [c.id, c]));
    for (const call of calls) {
      if (displayCounters.has(call.counterId)) continue;
      const c = getCounter(db, call.counterId);
      if (c) displayCounters.set(c.id, c);
    }

    const display: Omit<DisplayPatch, 'rev' | 'epoch' | 'audience'> = {};
    if (office) display.office = office;
    if (settings) display.settings = displaySettings(settings);
    if (displayCounters.size) display.counters = [...displayCounters.values()].map((c) => publicCounter(db, c));
    if (waiting) display.waiting = waiting;
    if (calls.length) display.calls = calls;
    const noShows = tickets.filter((t) => t.status === 'no_show').map((t) => t.number);
    if (noShows.length) display.noShows = noShows;

    const kiosk: Omit<KioskPatch, 'rev' | 'epoch' | 'audience'> = {};
    if (office) kiosk.office = office;
    if (settings) kiosk.settings = kioskSettings(settings);
    if (waiting) kiosk.waiting = waiting;

    const staff: Omit<StaffPatch, 'rev' | 'epoch' | 'audience'> = {};
    if (office) staff.office = office;
    if (settings) staff.settings = settings;
    if (counters.length) staff.counters = counters;
    if (tickets.length) staff.tickets = tickets;
    if (waiting) staff.waiting = waiting;
    if (cases.length) {
      staff.cases = cases;
      staff.caseCounts = countUnclosedCases(db);
    }
    if (change.printerFaults) staff.printerFaults = listOpenPrinterFaults(db);
    if (change.printingKiosks) staff.printingKiosks = this.printingKiosks();
    if (change.storage) staff.storage = this.deps.storage.state;

    const out: Patch[] = [];
    if (Object.keys(display).length) out.push({ ...display, audience: 'display', epoch: this.epoch, rev: ++this.revs.display });
    if (Object.keys(kiosk).length) out.push({ ...kiosk, audience: 'kiosk', epoch: this.epoch, rev: ++this.revs.kiosk });
    if (Object.keys(staff).length) out.push({ ...staff, audience: 'staff', epoch: this.epoch, rev: ++this.revs.staff });
    return out;
  }

}
