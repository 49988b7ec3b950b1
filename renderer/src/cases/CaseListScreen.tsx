// The case list: the staff member's own open cases first, then the rest of what the hub keeps live
// (every case not closed, and those closed today); a search reaches every case ever recorded.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CASE_STATUSES, type Case, type ListedCaseStatus } from '../../../shared/domain/types';
import type { ClientPayload } from '../../../shared/protocol/schemas';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { DateField } from '../DateField';
import { useCaseT } from './text';
import { useStaff } from '../store';
import { OwnerFilter, StatusFilter } from './CaseFilters';
import { CaseTable } from './CaseTable';

interface Filters {
  query: string;
  status: ListedCaseStatus | '';
  ownerId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { query: '', status: '', ownerId: '', from: '', to: '' };

/** Own cases not closed first, then the newest. */
function myOrder(me: number) {
  const rank = (c: Case) => (c.ownerId === me && c.status !== 'closed' ? 0 : 1);
  return (a: Case, b: Case) => rank(a) - rank(b) || b.openedAt.localeCompare(a.openedAt) || b.id - a.id;
}

export function CaseListScreen() {
  const t = useCaseT();
  const me = useStaff((s) => s.data?.me.id ?? 0);
  const live = useStaff(useShallow((s) => s.data?.cases ?? []));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [results, setResults] = useState<Case[] | null>(null);
  const [pending, run] = usePending();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const payload: ClientPayload<'case:search'> = {};
    if (filters.query.trim()) payload.query = filters.query.trim();
    if (filters.status) payload.status = filters.status;
    if (filters.ownerId) payload.ownerId = Number(filters.ownerId);
    if (filters.from) payload.from = filters.from;
    if (filters.to) payload.to = filters.to;
    const reply = await run(() => request('case:search', payload));
    if (reply.ok) setResults(reply.data);
  };
  const clear = () => {
    setFilters(NO_FILTERS);
    setResults(null);
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });

  // Search results stay live: a case the hub has since changed shows as it is now.
  const byId = new Map(live.map((c) => [c.id, c]));
  const shown = results ? results.map((c) => byId.get(c.id) ?? c) : [...live].sort(myOrder(me));

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
      <p className="hint">{results ? t('searchResults', { n: results.length }) : t('myCasesFirst')}</p>
      <CaseTable cases={shown} empty={t('noCasesFound')} />
    </section>
  );
}
