// The case of the visit at the counter (SOP step 3). Starting service opens a new case in the same hub
// transaction; a returning visitor's open case is found by reference, name or company and continued
// instead: chosen before the start, service starts with it; chosen just after, it replaces the new case
// while that is still empty (the hub withdraws the empty one).
import { useState, type FormEvent } from 'react';
import { CASE_ATTACHABLE } from '../../../shared/domain/caseRules';
import type { CaseSummary, Ticket } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { caseRequest, request, startService } from '../hub';
import { useT } from '../i18n';
import { LazyScreen } from '../LazyScreen';
import { CaseView } from '../lazyScreens';
import { useStaff } from '../store';

function AttachSearch({ ticket, counterId, replacing }: { ticket: Ticket; counterId: number; replacing: number | null }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CaseSummary[] | null>(null);
  const [pending, run] = usePending();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const reply = await run(() => request('case:search', { query: query.trim() }));
    if (reply.ok) setResults(reply.data.filter((c) => CASE_ATTACHABLE.includes(c.status) && c.id !== replacing));
  };

  const attach = (caseId: number) =>
    run(async () => {
      const ref = { counterId, ticketId: ticket.id, caseId };
      if (ticket.status === 'called') await startService(ref);
      else await caseRequest('case:attach', ref);
    });

  return (
    <details className="attach" open={replacing === null}>
      <summary>{t('returningVisitor')}</summary>
      <form onSubmit={search} className="inline-form">
        <input
          data-testid="case-attach-query"
          aria-label={t('returningVisitor')}
          placeholder={t('attachSearchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" data-testid="case-attach-search" disabled={pending || query.trim() === ''}>
          {t('search')}
        </button>
      </form>
      {results && (
        <ul className="attach-results">
          {results.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.reference}</strong> · {c.visitorName || '—'}
                {c.visitorOrg ? ` (${c.visitorOrg})` : ''} · {c.title || '—'} ·{' '}
                {t(`caseStatus_${c.status}`)}
              </span>
              <button
                type="button"
                className="small primary"
                data-testid={`case-attach-${c.id}`}
                disabled={pending}
                onClick={() => void attach(c.id)}
              >
                {t('attachCase')}
              </button>
            </li>
          ))}
          {results.length === 0 && <li className="empty">{t('noCasesFound')}</li>}
        </ul>
      )}
    </details>
  );
}

export function VisitCase({ ticket, counterId }: { ticket: Ticket; counterId: number }) {
  const t = useT();
  const visitCase = useStaff((s) => s.data?.cases.find((c) => c.ticketId === ticket.id));
  if (ticket.status === 'serving' && visitCase) {
    // Nothing recorded yet (revision 1 is the opening): a returning visitor's case may still take its place.
    const fresh = visitCase.revision === 1;
    return (
      <>
        {fresh && <AttachSearch ticket={ticket} counterId={counterId} replacing={visitCase.id} />}
        <LazyScreen>
          <CaseView key={visitCase.id} caseId={visitCase.id} />
        </LazyScreen>
      </>
    );
  }
  return (
    <section className="card visit-case">
      <h2>{t('visitCase')}</h2>
      <p className="hint">{t('caseOpensOnStart')}</p>
      <AttachSearch ticket={ticket} counterId={counterId} replacing={null} />
    </section>
  );
}
