// The case of the visit at the counter (SOP step 3). Starting service opens a new case; a returning
// visitor's open case is found by reference, name or company and attached instead (which also starts
// the service when the visitor was only called).
import { useState, type FormEvent } from 'react';
import { caseRoleMay, CASE_ATTACHABLE } from '../../../shared/domain/caseRules';
import type { Case, Ticket } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { CaseView } from '../cases/CaseView';
import { request } from '../hub';
import { useT } from '../i18n';
import { useStaff } from '../store';

function AttachSearch({ ticket, counterId }: { ticket: Ticket; counterId: number }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Case[] | null>(null);
  const [pending, run] = usePending();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const reply = await run(() => request('case:search', { query: query.trim() }));
    if (reply.ok) setResults(reply.data.filter((c) => CASE_ATTACHABLE.includes(c.status)));
  };

  const attach = (caseId: number) =>
    run(async () => {
      const ref = { counterId, ticketId: ticket.id };
      const started = ticket.status === 'called' ? await request('ticket:start', ref) : null;
      if (!started || started.ok) await request('case:attach', { ...ref, caseId });
    });

  return (
    <div className="attach">
      <form onSubmit={search} className="inline-form">
        <label>
          {t('returningVisitor')}
          <input
            data-testid="case-attach-query"
            placeholder={t('attachSearchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="case-attach-search" disabled={pending || query.trim() === ''}>
          {t('search')}
        </button>
      </form>
      {results && (
        <ul className="attach-results">
          {results.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.reference}</strong> · {c.intake?.visitorName || '—'}
                {c.intake?.visitorOrg ? ` (${c.intake.visitorOrg})` : ''} · {c.intake?.title || '—'} ·{' '}
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
    </div>
  );
}

export function VisitCase({ ticket, counterId }: { ticket: Ticket; counterId: number }) {
  const t = useT();
  const role = useStaff((s) => s.data?.me.role);
  const visitCase = useStaff((s) => s.data?.cases.find((c) => c.ticketId === ticket.id));
  const [pending, run] = usePending();
  if (!role || !caseRoleMay(role, 'open')) return null;
  if (visitCase) return <CaseView key={visitCase.id} caseId={visitCase.id} />;

  const open = () => run(() => request('case:open', { counterId, ticketId: ticket.id }));
  return (
    <section className="card visit-case">
      <h2>{t('visitCase')}</h2>
      {ticket.status === 'serving' && (
        <button type="button" className="primary" data-testid="case-open" disabled={pending} onClick={() => void open()}>
          {t('openCase')}
        </button>
      )}
      {ticket.status === 'called' && <p className="hint">{t('caseOpensOnStart')}</p>}
      <AttachSearch ticket={ticket} counterId={counterId} />
    </section>
  );
}
