// The case list: every case, the staff member's own not closed first, then the newest, a page at a time
// and live; a search reaches every case ever recorded, a page at a time too.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CASE_LIST_ROWS, snapshotList } from '../../../shared/domain/caseLists';
import { CASE_STATUSES, type CaseSummary, type ListedCaseStatus } from '../../../shared/domain/types';
import type { ClientPayload } from '../../../shared/protocol/schemas';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { DateField } from '../DateField';
import { useCaseT } from './text';
import { useStaff } from '../store';
import { OwnerFilter, StatusFilter } from './CaseFilters';
import { CaseTable, MoreCases } from './CaseTable';
import { useCaseList } from './useCaseList';

interface Filters {
  query: string;
  status: ListedCaseStatus | '';
  ownerId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { query: '', status: '', ownerId: '', from: '', to: '' };

/** Every case, the staff member's own not closed first: its first rows come with the snapshot. */
const EVERY_CASE = snapshotList('mine');

export function CaseListScreen() {
  const t = useCaseT();
  const live = useStaff(useShallow((s) => s.data?.cases ?? []));
  const every = useCaseList(EVERY_CASE);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  /** The search asked and the rows found so far; `more` when the last page was full. */
  const [results, setResults] = useState<{ asked: ClientPayload<'case:search'>; rows: CaseSummary[]; more: boolean } | null>(null);
  const [pending, run] = usePending();

  const fetchResults = async (asked: ClientPayload<'case:search'>, held: CaseSummary[]) => {
    const reply = await run(() => request('case:search', { ...asked, offset: held.length, limit: CASE_LIST_ROWS }));
    if (!reply.ok) return;
    const seen = new Set(held.map((c) => c.id));
    setResults({ asked, rows: [...held, ...reply.data.filter((c) => !seen.has(c.id))], more: reply.data.length === CASE_LIST_ROWS });
  };
  const search = async (e: FormEvent) => {
    e.preventDefault();
    const payload: ClientPayload<'case:search'> = {};
    if (filters.query.trim()) payload.query = filters.query.trim();
    if (filters.status) payload.status = filters.status;
    if (filters.ownerId) payload.ownerId = Number(filters.ownerId);
    if (filters.from) payload.from = filters.from;
    if (filters.to) payload.to = filters.to;
    await fetchResults(payload, []);
  };
  const clear = () => {
    setFilters(NO_FILTERS);
    setResults(null);
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });

  // Search results stay live: a case the hub has since changed shows as it is now.
  const byId = new Map(live.map((c) => [c.id, c]));
  const shown = results ? results.rows.map((c) => byId.get(c.id) ?? c) : every.rows;

  return (
    <section className="card">
      <h1>{t('nav_cases')}</h1>
      <form className="filters" onSubmit={search}>
        <label className="grow">
          {t('searchCases')}
          <input
            data-testid="case-search-query"
            placeholder={t('searchCasesPlaceholder')}
            value={filters.query}
            onChange={set('query')}
          />
        </label>
        <StatusFilter
          testId="case-filter-status"
          statuses={CASE_STATUSES}
          anyLabel={t('allStatuses')}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <OwnerFilter testId="case-filter-owner" value={filters.ownerId} onChange={(ownerId) => setFilters({ ...filters, ownerId })} />
        <DateField label={t('dateFrom')} testId="case-filter-from" value={filters.from} onChange={(from) => setFilters({ ...filters, from })} />
        <DateField label={t('dateTo')} testId="case-filter-to" value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
        <button type="submit" className="primary" data-testid="case-search-submit" disabled={pending}>
          {t('search')}
        </button>
        {results && (
          <button type="button" data-testid="case-search-clear" onClick={clear}>
            {t('clearSearch')}
          </button>
        )}
      </form>
      <p className="hint">{results ? t('searchResults', { n: results.rows.length }) : t('myCasesFirst')}</p>
      {shown ? <CaseTable cases={shown} empty={t('noCasesFound')} /> : <p className="hint">{t('loading')}</p>}
      {results ? (
        <MoreCases shown={results.rows.length} total={null} more={results.more} loading={pending} onMore={() => void fetchResults(results.asked, results.rows)} />
      ) : (
        <MoreCases shown={every.rows?.length ?? 0} total={null} more={every.more} loading={every.loading} onMore={every.loadMore} />
      )}
    </section>
  );
}
