// Staff: everything of the day's queue, the cases as summaries, the printers and the disk. A session that must
// first replace its temporary password sees only who it is.
import { RECENT_CALLS } from '../../shared/domain/announcement';
import { CASE_LIST_ROWS, snapshotList, type SnapshotListName } from '../../shared/domain/caseLists';
import type { CaseSummary, StaffUser } from '../../shared/domain/types';
import type { CaseListPage, PasswordChangeSnapshot, StaffPatch, StaffSnapshot, StorageState } from '../../shared/protocol/events';
import {
  countUnclosedCases,
  getCaseSummary,
  getSettings,
  listCasesAtCounters,
  listCounters,
  listDevices,
  listOpenPrinterFaults,
  listRecentCalls,
  listTicketsOfDay,
  listUsers,
  searchCases,
  type ReadDb,
} from '../db/index';
import type { Body, ChangeReads, Live, SnapshotBase } from './base';

/** What the staff audience reads besides the database. */
export interface StaffLive {
  bridgeKiosks: Live['bridgeKiosks'];
  storage: () => StorageState;
}

/** Kiosks whose tickets staff can reprint: a network printer, or a bridge connected now. */
function printingKiosks(db: ReadDb, live: StaffLive): number[] {
  const ids = new Set(live.bridgeKiosks());
  for (const d of listDevices(db)) if (d.kind === 'kiosk' && d.printer !== null) ids.add(d.id);
  return [...ids].sort((a, b) => a - b);
}

/** The first rows of one of the snapshot's lists of cases. */
export interface FirstRows {
  rows: CaseSummary[];
  page: CaseListPage;
}

function firstRows(db: ReadDb, name: SnapshotListName, me: number): FirstRows {
  const { filter, order } = snapshotList(name);
  const rows = searchCases(db, { ...filter, order, limit: CASE_LIST_ROWS + 1, offset: 0 }, me);
  const first = rows.slice(0, CASE_LIST_ROWS);
  return { rows: first, page: { ids: first.map((c) => c.id), complete: rows.length === first.length } };
}

/** A staff member's own cases, first rows: the one part of the staff snapshot that is theirs alone. */
export const myCases = (db: ReadDb, userId: number): FirstRows => firstRows(db, 'mine', userId);

/**
 * What every staff member's snapshot holds of the cases: the first rows of the lists the same for all, and
 * the cases at the counters; `mine` is added per staff member (`withMyCases`).
 */
function sharedCaseLists(db: ReadDb, today: string): Pick<StaffSnapshot, 'cases' | 'caseLists' | 'caseCounts'> {
  const cases = new Map(listCasesAtCounters(db, today).map((c) => [c.id, c]));
  const page = (name: Exclude<SnapshotListName, 'mine'>) => {
    const { rows, page } = firstRows(db, name, 0);
    for (const c of rows) cases.set(c.id, c);
    return page;
  };
  const caseLists = { mine: { ids: [], complete: true }, escalated: page('escalated'), reported: page('reported'), unclosed: page('unclosed') };
  return { cases: [...cases.values()], caseLists, caseCounts: countUnclosedCases(db) };
}

/** The snapshot every staff member shares, `me` being whoever asked first: `withMyCases` makes it theirs. */
export function staffSnapshot(db: ReadDb, base: SnapshotBase, today: string, me: StaffUser, live: StaffLive): StaffSnapshot {
  return {
    ...base,
    audience: 'staff',
    settings: getSettings(db),
    counters: listCounters(db),
    tickets: listTicketsOfDay(db, today),
    // Names for choosing a case's owner; sign-in names are nobody else's business.
    users: listUsers(db).map(({ id, name, role }) => ({ id, name, role })),
    printerFaults: listOpenPrinterFaults(db),
    recentCalls: listRecentCalls(db, today, RECENT_CALLS),
    me,
    ...sharedCaseLists(db, today),
    printingKiosks: printingKiosks(db, live),
    storage: live.storage(),
  };
}

/** The shared staff snapshot as one staff member's: their own cases listed first, and `me`. */
export function withMyCases(shared: StaffSnapshot, me: StaffUser, mine: FirstRows): StaffSnapshot {
  const known = new Set(shared.cases.map((c) => c.id));
  return {
    ...shared,
    me,
    cases: [...shared.cases, ...mine.rows.filter((c) => !known.has(c.id))],
    caseLists: { ...shared.caseLists, mine: mine.page },
  };
}

export function staffPatch(db: ReadDb, { change, office, settings, waiting, counters, tickets }: ChangeReads, live: StaffLive): Body<StaffPatch> {
  const patch: Body<StaffPatch> = {};
  if (office) patch.office = office;
  if (settings) patch.settings = settings;
  if (counters.length) patch.counters = counters;
  if (tickets.length) patch.tickets = tickets;
  if (waiting) patch.waiting = waiting;
  // Cases carry personal data: they go to staff only, as the summaries the lists show.
  const cases = (change.caseIds ?? []).map((id) => getCaseSummary(db, id)).filter((c) => c !== undefined);
  if (cases.length) {
    patch.cases = cases;
    patch.caseCounts = countUnclosedCases(db);
  }
  if (change.printerFaults) patch.printerFaults = listOpenPrinterFaults(db);
  if (change.printingKiosks) patch.printingKiosks = printingKiosks(db, live);
  if (change.storage) patch.storage = live.storage();
  return patch;
}

/** A session with a temporary password: who it is, nothing else, until the password is its own. */
export function passwordSnapshot(epoch: string, serverTime: string, me: StaffUser): PasswordChangeSnapshot {
  return { audience: 'password', epoch, rev: 0, serverTime, me };
}
