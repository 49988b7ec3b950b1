// Who is waiting, per service, with how long they have waited; and today's no-shows, who can be put
// back in the queue when they return.
import type { ReactNode } from 'react';
import { compareQueue } from '../../../shared/domain/ticketRules';
import type { Counter, Ticket } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/ui/duration';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useT } from '../i18n';
import { useHubNow, useStaff } from '../store';
import { ReprintButton } from './PrinterFaults';

/** Puts a returning no-show back in the queue. */
function RequeueButton({ ticketId, number }: { ticketId: number; number: string }) {
  const t = useT();
  const [pending, run] = usePending();
  return (
    <button
      type="button"
      className="small"
      data-testid={`requeue-${number}`}
      disabled={pending}
      onClick={() => void run(() => request('ticket:requeue', { ticketId }))}
    >
      {t('requeue')}
    </button>
  );
}

export function QueueLists({
  counter,
  tickets,
  selectedId,
  onSelect,
  callSpecific,
}: {
  counter: Counter;
  tickets: readonly Ticket[];
  selectedId: number | null;
  onSelect: (ticket: Ticket) => void;
  callSpecific: ReactNode;
}) {
  const t = useT();
  const lang = useStaff((s) => s.lang);
  const services = useStaff((s) => s.data?.services) ?? [];
  const waiting = useStaff((s) => s.data?.waiting) ?? {};
  const counters = useStaff((s) => s.data?.counters) ?? [];
  const faulted = useStaff((s) => s.data?.printerFaults) ?? [];
  const printingKiosks = useStaff((s) => s.data?.printingKiosks) ?? [];
  const now = useHubNow(15_000);
  const queued = tickets.filter((tk) => tk.status === 'waiting').sort(compareQueue);
  const noShows = tickets.filter((tk) => tk.status === 'no_show');
  const counterName = (id: number) => counters.find((c) => c.id === id)?.name ?? '?';
  // Only a kiosk with a printer can print again; a ticket whose printing failed has its button in the notice.
  const mayReprint = (tk: Ticket) =>
    tk.deviceId !== null && printingKiosks.includes(tk.deviceId) && !faulted.some((f) => f.ticketId === tk.id);

  return (
    <section className="card queue-lists">
      <div className="queue-head">
        <h2 title={t('callSpecificHint')}>{t('waitingList')}</h2>
        {callSpecific}
      </div>
      {services
        .filter((s) => s.active)
        .map((service) => {
          const rows = queued.filter((tk) => tk.serviceCode === service.code);
          const mine = counter.serviceCodes.includes(service.code);
          return (
            <div key={service.code} className={`service-queue ${mine ? '' : 'other-service'}`}>
              <h3>
                {service.code} — {service.name}{' '}
                <span className="count" data-testid={`waiting-count-${service.code}`}>
                  {waiting[service.code] ?? 0}
                </span>
              </h3>
              <ul>
                {rows.map((tk) => (
                  <li
                    key={tk.id}
                    data-testid={`waiting-row-${tk.number}`}
                    className={`waiting-row ${tk.id === selectedId ? 'selected' : ''}`}
                    aria-selected={tk.id === selectedId}
                    role="option"
                    tabIndex={0}
                    onClick={() => onSelect(tk)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') onSelect(tk);
                    }}
                  >
                    <strong>{tk.number}</strong>
                    {tk.priority && <span className="tag">{t('priority')}</span>}
                    {tk.targetCounterId !== null && (
                      <span className="tag">→ {counterName(tk.targetCounterId)}</span>
                    )}
                    <span className="waited" title={t('waitedSince')}>
                      {formatDuration(now - Date.parse(tk.issuedAt), lang)}
                    </span>
                    {mayReprint(tk) && <ReprintButton ticketId={tk.id} number={tk.number} />}
                  </li>
                ))}
                {rows.length === 0 && <li className="empty">{t('nobodyWaiting')}</li>}
              </ul>
            </div>
          );
        })}
      {noShows.length > 0 && (
        <div className="no-shows">
          <h3>{t('noShowsToday')}</h3>
          <ul>
            {noShows.map((tk) => (
              <li key={tk.id} data-testid={`noshow-row-${tk.number}`}>
                <strong>{tk.number}</strong>
                <RequeueButton ticketId={tk.id} number={tk.number} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
