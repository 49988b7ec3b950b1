// The officer's console at a counter, laid out for a 1366×768 screen: on the left, always in view, the
// current ticket with its details, every queue action as a button (enabled only when the hub would allow
// it) and a function key, and the waiting list; on the right, kiosk printer faults, the case of the visit
// being served, today's tally and the shortcuts.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { counterMayCall } from '../../../shared/domain/ticketRules';
import { PAUSE_REASONS, type Counter, type PauseReason, type Ticket } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { finishVisit, request, startService } from '../hub';
import { useT, type TextKey } from '../i18n';
import { activeTicketAt, todaysTickets, useHubNow, useStaff } from '../store';
import { PrinterFaults } from './PrinterFaults';
import { QueueLists } from './QueueLists';
import { Tally } from './Tally';
import { TransferDialog } from './TransferDialog';
import { VisitCase } from './VisitCase';

type ConsoleAction = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pauseResume';
type ButtonAction = Exclude<ConsoleAction, 'pauseResume'>;

/**
 * Function keys; they act only when no text field has the focus, so a key pressed while typing never ends a
 * visit. F1, F5, F6, F10–F12 are left alone: browsers keep those for themselves.
 */
const SHORTCUTS: Record<ConsoleAction, { label: TextKey; key: string }> = {
  callNext: { label: 'callNext', key: 'F2' },
  recall: { label: 'recall', key: 'F3' },
  noShow: { label: 'noShow', key: 'F4' },
  start: { label: 'startService', key: 'F7' },
  finish: { label: 'finishService', key: 'F8' },
  transfer: { label: 'transfer', key: 'F9' },
  pauseResume: { label: 'pauseOrResume', key: 'Pause' },
};

const TEST_IDS: Record<ButtonAction, string> = {
  callNext: 'call-next',
  recall: 'recall',
  noShow: 'no-show',
  start: 'start-service',
  finish: 'finish-service',
  transfer: 'transfer',
};

/** Is the user typing? Then the console's keys are theirs. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The current ticket: number and status large, then its service, priority, wait and where it came from. */
function CurrentTicket({ ticket }: { ticket: Ticket | null }) {
  const t = useT();
  const services = useStaff((s) => s.data?.services) ?? [];
  const now = useHubNow(15_000);
  const serviceName = (code: string) => `${code} — ${services.find((s) => s.code === code)?.name ?? ''}`;
  if (!ticket) {
    return (
      <div className="current-number">
        <span className="label">{t('currentTicket')}</span>
        <span className="number" data-testid="current-ticket-number">
          —
        </span>
      </div>
    );
  }
  // How long the visitor waited for this call (still waiting while only called).
  const waitedUntil = ticket.calledAt ? Date.parse(ticket.calledAt) : now;
  const waited = Math.max(0, Math.round((waitedUntil - Date.parse(ticket.queuedAt)) / 60_000));
  return (
    <div className="current-number">
      <span className="label">{t('currentTicket')}</span>
      <div className="number-row">
        <span className="number" data-testid="current-ticket-number">
          {ticket.number}
        </span>
        <span className={`current-status status-${ticket.status}`} data-testid="current-ticket-status" data-status={ticket.status}>
          {t(`ticketStatus_${ticket.status}`)}
        </span>
        {ticket.priority && (
          <span className="tag priority" data-testid="current-ticket-priority">
            {t('priority')}
          </span>
        )}
      </div>
      <span className="current-service" data-testid="current-ticket-service" title={serviceName(ticket.serviceCode)}>
        {serviceName(ticket.serviceCode)}
      </span>
      <span className="current-meta">
        <span>
          <strong data-testid="current-ticket-waited">{waited}</strong> {t('waitedMinutes')}
        </span>
        {ticket.transferredFrom && (
          <span>
            {t('transferredFrom')} <strong data-testid="current-ticket-from">{serviceName(ticket.transferredFrom)}</strong>
          </span>
        )}
        <span className="recalls">
          {t('recalled')} <strong data-testid="recall-count">{ticket.recallCount}</strong>×
        </span>
      </span>
    </div>
  );
}

export function CounterConsole({ counterId }: { counterId: number }) {
  const t = useT();
  const counter = useStaff((s) => s.data?.counters.find((c) => c.id === counterId)) as Counter;
  const tickets = useStaff(useShallow((s) => todaysTickets(s.data)));
  const current = activeTicketAt(tickets, counterId);
  const [pending, run] = usePending();
  const [reason, setReason] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [transferring, setTransferring] = useState(false);

  const waitingForMe = tickets.filter((tk) => tk.status === 'waiting' && counterMayCall(counter, tk)).length;
  const selected = tickets.find((tk) => tk.id === selectedId && tk.status === 'waiting') ?? null;
  const ready = counter.state === 'open' && current === null && !pending;
  const ticketRef = current ? { counterId, ticketId: current.id } : null;

  const mayPause = ready && reason !== '';
  const mayResume = !pending && counter.state === 'paused';
  const legal: Record<ConsoleAction | 'callSpecific' | 'close', boolean> = {
    callNext: ready && waitingForMe > 0,
    callSpecific: ready && selected !== null && (selected.targetCounterId ?? counterId) === counterId,
    recall: !pending && current?.status === 'called',
    noShow: !pending && current?.status === 'called',
    start: !pending && current?.status === 'called',
    finish: !pending && current?.status === 'serving',
    transfer: !pending && current !== null,
    pauseResume: counter.state === 'paused' ? mayResume : mayPause,
    close: !pending && current === null,
  };

  const actions: Record<ConsoleAction | 'callSpecific' | 'close', () => Promise<unknown>> = {
    callNext: () => request('ticket:callNext', { counterId }),
    callSpecific: async () => {
      if (!selected) return;
      const reply = await request('ticket:callSpecific', { counterId, ticketId: selected.id });
      if (reply.ok) setSelectedId(null);
    },
    recall: async () => ticketRef && request('ticket:recall', ticketRef),
    noShow: async () => ticketRef && request('ticket:noShow', ticketRef),
    // SOP step 3: the hub opens the visit's case with the start.
    start: async () => ticketRef && startService(ticketRef),
    finish: async () => ticketRef && finishVisit(ticketRef.counterId, ticketRef.ticketId),
    transfer: async () => setTransferring(true),
    pauseResume: () =>
      counter.state === 'paused'
        ? request('counter:resume', { counterId })
        : request('counter:pause', { counterId, reason: reason as PauseReason }),
    close: () => request('counter:close', { counterId }),
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const entry = (Object.entries(SHORTCUTS) as [ConsoleAction, { key: string }][]).find(([, spec]) => spec.key === e.key);
      // An open dialog (transfer, escalate, unsaved typing) or a text field has the user's attention.
      if (!entry || typingIn(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      const [action] = entry;
      if (legal[action]) void run(actions[action]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const button = (action: ButtonAction, extra?: string) => (
    <button
      type="button"
      className={`action ${action === 'callNext' ? 'primary' : ''}`}
      data-testid={TEST_IDS[action]}
      disabled={!legal[action]}
      onClick={() => void run(actions[action])}
    >
      {t(SHORTCUTS[action].label)}
      {extra}
      <kbd>{SHORTCUTS[action].key}</kbd>
    </button>
  );

  return (
    <div className="console">
      <aside className="console-side">
        <section className="card console-head">
          <h1>
            {counter.name}{' '}
            <span className={`state state-${counter.state}`} data-testid="counter-state" data-state={counter.state}>
              {t(`counterState_${counter.state}`)}
              {counter.pauseReason && ` — ${t(`pause_${counter.pauseReason}`)}`}
            </span>
          </h1>
          <button type="button" className="small" data-testid="counter-close" disabled={!legal.close} onClick={() => void run(actions.close)}>
            {t('closeCounter')}
          </button>
        </section>

        <section className="card current">
          <CurrentTicket ticket={current} />
          <div className="actions">
            {button('callNext')}
            {button('recall', current ? ` (${current.recallCount})` : '')}
            {button('noShow')}
            {button('start')}
            {button('finish')}
            {button('transfer')}
          </div>
          <div className="pause-row">
            {counter.state === 'paused' ? (
              <button
                type="button"
                className="action"
                data-testid="resume"
                disabled={!mayResume}
                onClick={() => void run(actions.pauseResume)}
              >
                {t('resume')}
                <kbd>{SHORTCUTS.pauseResume.key}</kbd>
              </button>
            ) : (
              <>
                <select data-testid="pause-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                  <option value="">{t('pauseReasonPlaceholder')}</option>
                  {PAUSE_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`pause_${r}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  data-testid="pause"
                  disabled={!mayPause}
                  onClick={() => void run(actions.pauseResume)}
                >
                  {t('pause')}
                  <kbd>{SHORTCUTS.pauseResume.key}</kbd>
                </button>
              </>
            )}
          </div>
        </section>

        <QueueLists
          counter={counter}
          tickets={tickets}
          selectedId={selected?.id ?? null}
          onSelect={(tk: Ticket) => setSelectedId(tk.id === selectedId ? null : tk.id)}
          callSpecific={
            <button
              type="button"
              className="small"
              data-testid="call-specific"
              disabled={!legal.callSpecific}
              onClick={() => void run(actions.callSpecific)}
            >
              {selected ? t('callSpecificNumber', { number: selected.number }) : t('callSpecific')}
            </button>
          }
        />
      </aside>

      <div className="console-work">
        <PrinterFaults />
        {current ? <VisitCase ticket={current} counterId={counterId} /> : <p className="card hint">{t('noVisitor')}</p>}
        <Tally counterId={counterId} tickets={tickets} />
        <section className="card shortcuts" data-testid="shortcut-help">
          <h2>{t('shortcuts')}</h2>
          <ul>
            {Object.values(SHORTCUTS).map((spec) => (
              <li key={spec.key}>
                <kbd>{spec.key}</kbd> {t(spec.label)}
              </li>
            ))}
          </ul>
        </section>
      </div>

      {transferring && current && (
        <TransferDialog counterId={counterId} ticket={current} onClose={() => setTransferring(false)} />
      )}
    </div>
  );
}
