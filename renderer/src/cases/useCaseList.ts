// A list of cases on a screen (the coordinator's queue, the head's board, the case list): the cases held
// that belong to it, in its order, up to the last row fetched of it, so the patches keep it right by
// themselves; its first page is fetched when the snapshot did not bring it, further pages on request.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseListHolds, caseListKey, caseListOrder, caseListTotal, type CaseList } from '../../../shared/domain/caseLists';
import type { CaseSummary } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { loadCasePage } from '../hub';
import { useStaff, type StaffData } from '../store';

export interface ShownCases {
  /** Null until the list's first page has arrived. */
  rows: CaseSummary[] | null;
  /** How many the whole list holds, when the counts say (lists of cases not closed). */
  total: number | null;
  /** More rows wait at the hub. */
  more: boolean;
  loadMore: () => void;
  loading: boolean;
}

function shownRows(data: StaffData | null, list: CaseList): CaseSummary[] | null {
  const window = data?.caseWindows[caseListKey(list)];
  if (!data || window === undefined) return null;
  const order = caseListOrder(list.order, data.me.id);
  return data.cases
    .filter((c) => caseListHolds(list.filter, c) && (window === null || order(c, window) <= 0))
    .sort(order);
}

export function useCaseList(list: CaseList): ShownCases {
  const key = caseListKey(list);
  const rows = useStaff(useShallow((s) => shownRows(s.data, list)));
  const fetched = rows !== null;
  const more = useStaff((s) => !!s.data?.caseWindows[key]);
  const total = useStaff((s) => (s.data ? caseListTotal(list.filter, s.data.caseCounts) : null));
  const online = useStaff((s) => s.online);
  const [loading, run] = usePending();
  useEffect(() => {
    if (online && !fetched) void run(() => loadCasePage(list, 0));
    // The list is named by its key: a new object for the same list asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetched, online, run]);
  return { rows, total, more, loading, loadMore: () => void run(() => loadCasePage(list, rows?.length ?? 0)) };
}
