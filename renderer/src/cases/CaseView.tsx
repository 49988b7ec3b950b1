// One case: its reference (printable on a slip for the visitor), status, intake, every action of the
// table that the role and status allow, and its timeline. Live: another person's change shows at once,
// and a save based on an older revision is refused with an offer to reload.
import { useEffect, useState } from 'react';
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import type { Case, CaseEntry } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { read } from '../hub';
import { useCaseT } from './text';
import { caseById, useHubNow, useStaff, useTimeZone } from '../store';
import { CaseActions } from './CaseActions';
import { IntakeForm } from './IntakeForm';
import { Timeline } from './Timeline';

/**
 * The case as the hub last told this screen: fetched whole, with its timeline, and again whenever its
 * summary (held from the snapshot and patches) shows a newer revision and when the hub is back after a
 * restart or a lost connection; the user's own action shows its reply at once. A background read: it never
 * touches the refusal banner, and only "no such case" counts as missing (a timeout is retried on reconnection).
 */
function useCaseDetail(caseId: number, generation: number) {
  const revision = useStaff((s) => caseById(s, caseId)?.revision);
  const replied = useStaff((s) => (s.data?.lastCase?.id === caseId ? s.data.lastCase : null));
  const online = useStaff((s) => s.online);
  const [fetched, setFetched] = useState<{ case: Case; timeline: CaseEntry[] } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    if (!online) return;
    let cancelled = false;
    void read('case:get', { caseId }).then((reply) => {
      if (cancelled) return;
      if (reply.ok) {
        setFetched(reply.data);
        setMissing(null);
      } else if (reply.error.code === 'CASE_NOT_FOUND') setMissing(reply.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, revision, generation, online]);
  const current = replied && (!fetched || replied.revision >= fetched.case.revision) ? replied : (fetched?.case ?? null);
  return { current, timeline: fetched?.timeline ?? [], missing };
}

function Slip({ c }: { c: Case }) {
  const t = useCaseT();
  const office = useStaff((s) => s.data?.office);
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  return (
    <div className="print-slip" data-testid="case-slip">
      <p className="slip-office">{office?.name}</p>
      <p className="slip-address">{office?.address}</p>
      <p>{t('slipHeading')}</p>
      <p className="slip-reference">{c.reference}</p>
      {c.intake?.title && <p>{c.intake.title}</p>}
      {c.intake?.visitorName && <p>{c.intake.visitorName}</p>}
      <p>{formatOfficeDateTime(c.openedAt, timeZone, lang)}</p>
      <p className="slip-note">{t('slipNote')}</p>
    </div>
  );
}

export function CaseView({ caseId }: { caseId: number }) {
  const t = useCaseT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const now = useHubNow(30_000);
  // Reloading after a refusal shows the case as it is now: the intake form starts afresh from it, and notes
  // being typed stay, now based on what the user has just seen.
  const [generation, setGeneration] = useState(0);
  const [stale, setStale] = useState<string | null>(null);
  const { current: c, timeline, missing } = useCaseDetail(caseId, generation);

  if (!c) {
    return (
      <section className="card">
        <p data-testid={missing ? 'case-missing' : 'case-loading'}>{missing ?? t('loading')}</p>
      </section>
    );
  }
  const reload = () => {
    // The intake form starts afresh from the case as it is now.
    useStaff.setState((s) => (s.intakeDraft?.caseId === caseId ? { intakeDraft: null } : {}));
    setStale(null);
    setGeneration((g) => g + 1);
  };
  const onStale = (message: string) => setStale(message);

  return (
    <article className="case-view" data-testid="case-view" data-case-id={c.id}>
      <section className="card case-head">
        <div>
          <span className="label">{t('caseReference')}</span>
          <span className="reference" data-testid="case-reference">
            {c.reference}
          </span>
        </div>
        <div>
          <span className="label">{t('status')}</span>
          <span className={`status status-${c.status}`} data-testid="case-status" data-status={c.status}>
            {t(`caseStatus_${c.status}`)}
          </span>
        </div>
        <div>
          <span className="label">{t('owner')}</span>
          <span data-testid="case-owner">{c.ownerName}</span>
        </div>
        <div>
          <span className="label">{t('opened')}</span>
          <span>
            {formatOfficeDateTime(c.openedAt, timeZone, lang)} ({formatDuration(now - Date.parse(c.openedAt), lang)})
          </span>
        </div>
        {c.ticketNumber && (
          <div>
            <span className="label">{t('ticket')}</span>
            <span>{c.ticketNumber}</span>
          </div>
        )}
        <button type="button" data-testid="case-print" onClick={() => window.print()}>
          {t('printSlip')}
        </button>
      </section>
      <Slip c={c} />

      {stale && (
        <div className="banner banner-error" role="alert" data-testid="case-stale">
          <span>{stale}</span>
          <button type="button" className="primary" data-testid="case-reload" onClick={reload}>
            {t('reload')}
          </button>
        </div>
      )}

      {(c.escalationTarget || c.lastRecommendation || c.resolution || c.closeChannel) && (
        <section className="card case-summary" data-testid="case-summary">
          {c.escalationTarget && (
            <p>
              {t('escalatedTo')}: <strong data-testid="case-escalation-target">{t(`target_${c.escalationTarget}`)}</strong>
              {c.lpseSupportTicket && (
                <>
                  {' '}
                  · {t('lpseSupportTicket')}: <strong data-testid="case-lpse-support">{c.lpseSupportTicket}</strong>
                </>
              )}
            </p>
          )}
          {c.lastRecommendation && (
            <p className="recommendation">
              {t('lastRecommendation')}: <strong data-testid="case-last-recommendation">{c.lastRecommendation}</strong>
            </p>
          )}
          {c.resolution && (
            <p>
              {t('resolution')}: <strong data-testid="case-result">{c.resolution}</strong>
            </p>
          )}
          {c.closeChannel && (
            <p>
              {t('toldBy')}: <strong>{t(`channel_${c.closeChannel}`)}</strong>
            </p>
          )}
        </section>
      )}

      <div className="case-work">
        <IntakeForm c={c} onStale={onStale} />
        <CaseActions c={c} onStale={onStale} seen={generation} />
      </div>
      <Timeline entries={timeline} />
    </article>
  );
}
