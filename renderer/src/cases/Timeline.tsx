// The case's history as the hub logged it: its visits' queue events (issued, called, service started and
// finished, transferred from → to) and every case action (an escalation with its target and LPSE Support
// number; an intake save or the retention job with the fields it changed, never their values), each labelled
// with its SOP step, actor and time. Always shown expanded.
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import type { CaseEntry } from '../../../shared/domain/types';
import { hasCaseText, useCaseT, type CaseTextKey } from './text';
import { useStaff, useTimeZone } from '../store';

export function Timeline({ entries }: { entries: readonly CaseEntry[] }) {
  const t = useCaseT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  /** A transfer's services or counter; an escalation's target, which is a code. */
  const place = (text: string) => (hasCaseText(`target_${text}`) ? t(`target_${text}` as CaseTextKey) : text);
  const statusText = (status: string) => {
    const key = `caseStatus_${status}`;
    if (hasCaseText(key)) return t(key as CaseTextKey);
    const ticketKey = `ticketStatus_${status}`;
    return hasCaseText(ticketKey) ? t(ticketKey as CaseTextKey) : status;
  };
  return (
    <section className="card timeline">
      <h2>{t('timeline')}</h2>
      <ol data-testid="case-timeline">
        {entries.map((e) => {
          const typeKey = `event_${e.type.replace('.', '_')}`;
          return (
            <li key={e.id} data-testid="case-event" data-sop-step={e.sopStep ?? ''} data-type={e.type}>
              <span className="step">{e.sopStep === null ? '—' : t('sopStep', { step: e.sopStep })}</span>
              <time dateTime={e.at}>{formatOfficeDateTime(e.at, timeZone, lang)}</time>
              <strong className="what">{hasCaseText(typeKey) ? t(typeKey as CaseTextKey) : e.type}</strong>
              <span className="actor" data-testid="case-event-actor">
                {e.actorName ?? '—'}
              </span>
              {e.fromStatus !== e.toStatus && e.toStatus && (
                <span className="change">
                  {e.fromStatus ? `${statusText(e.fromStatus)} → ` : ''}
                  {statusText(e.toStatus)}
                </span>
              )}
              {(e.from || e.to) && (
                <span className="where" data-testid="case-event-where">
                  {e.from && `${t('entryFrom')} ${place(e.from)} `}
                  {e.to && `${t('entryTo')} ${place(e.to)}`}
                </span>
              )}
              {e.lpseSupportTicket && (
                <span className="where" data-testid="case-event-lpse">
                  {t('lpseSupportTicket')}: {e.lpseSupportTicket}
                </span>
              )}
              {e.changed && e.changed.length > 0 && (
                <span className="where" data-testid="case-event-changed">
                  {t(e.type === 'case.retention' ? 'fieldsErased' : 'intakeChanged', { fields: e.changed.map((f) => t(`intake_${f}`)).join(', ') })}
                </span>
              )}
              {e.note && <p className="note">{e.note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
