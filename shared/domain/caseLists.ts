// The staff screens' lists of cases as rules both sides share: which cases a list holds and in what order.
// The hub sends the first rows of each list (in the staff snapshot) or a further page (`case:search`); a staff
// screen shows the rows it holds that belong to the list, up to the last row fetched, so a case that changes
// enters or leaves the list by itself, and the totals come from the counts.
import type { CaseCount, CaseSummary, ListedCaseStatus } from './types';

/** Rows per list in the staff snapshot, and per further page: two screens of rows at 1366×768. */
export const CASE_LIST_ROWS = 30;

/** `mine`: the asker's own cases not closed first, then the newest (the case list's order). */
export const CASE_ORDERS = ['oldest', 'newest', 'mine'] as const;
export type CaseOrder = (typeof CASE_ORDERS)[number];

export interface CaseListFilter {
  status?: ListedCaseStatus;
  ownerId?: number;
  /** Only cases not closed. */
  unclosed?: boolean;
}

export interface CaseList {
  filter: CaseListFilter;
  order: CaseOrder;
}

/** The lists whose first rows the staff snapshot carries. */
export const SNAPSHOT_LISTS = ['mine', 'escalated', 'reported', 'unclosed'] as const;
export type SnapshotListName = (typeof SNAPSHOT_LISTS)[number];

/**
 * `mine` is the case list (every case, the officer's own not closed first) and so differs per officer;
 * `escalated` is the coordinator's queue, `reported` the head's reported cases, `unclosed` the head's board.
 */
export function snapshotList(name: SnapshotListName): CaseList {
  if (name === 'mine') return { filter: {}, order: 'mine' };
  if (name === 'unclosed') return { filter: { unclosed: true }, order: 'oldest' };
  return { filter: { status: name }, order: 'oldest' };
}

export function caseListHolds(f: CaseListFilter, c: Pick<CaseSummary, 'status' | 'ownerId'>): boolean {
  return (
    c.status !== 'withdrawn' &&
    (f.status === undefined || c.status === f.status) &&
    (f.ownerId === undefined || c.ownerId === f.ownerId) &&
    (!f.unclosed || c.status !== 'closed')
  );
}

/**
 * The order of a list, as the hub's `ORDER BY` gives it (`me`: the asker). Cases are in the order they were
 * opened: by id, which the hub's indexes walk without sorting.
 */
export function caseListOrder(order: CaseOrder, me: number): (a: CaseSummary, b: CaseSummary) => number {
  if (order === 'oldest') return (a, b) => a.id - b.id;
  if (order === 'newest') return (a, b) => b.id - a.id;
  const rank = (c: CaseSummary) => (c.ownerId === me && c.status !== 'closed' ? 0 : 1);
  return (a, b) => rank(a) - rank(b) || b.id - a.id;
}

/** How many cases a list of cases not closed holds, from the counts; null for a list that may hold closed ones. */
export function caseListTotal(f: CaseListFilter, counts: readonly CaseCount[]): number | null {
  if (!f.unclosed && f.status === undefined) return null;
  if (f.status === 'closed') return null;
  return counts.filter((k) => caseListHolds(f, k)).reduce((sum, k) => sum + k.n, 0);
}

/** One name per list, whatever way it is asked for: a status other than closed already means "not closed". */
export function caseListKey({ filter: f, order }: CaseList): string {
  const unclosed = !!f.unclosed && (f.status === undefined || f.status === 'closed');
  return JSON.stringify([f.status ?? null, f.ownerId ?? null, unclosed, order]);
}
