// The officer's console at a counter: the current ticket large, every queue action as a button (enabled
// only when the hub would allow it) and a function key, the waiting list, today's no-shows and tally,
// kiosk printer faults, and the case of the visit being served.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseRoleMay } from '../../../shared/domain/caseRules';
import { counterMayCall } from '../../../shared/domain/ticketRules';
import { PAUSE_REASONS, type Counter, type PauseReason, type Ticket } from '../../../shared/domain/types';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useT, type TextKey } from '../i18n';
import { activeTicketAt, todaysTickets, useStaff } from '../store';
import { PrinterFaults } from './PrinterFaults';
import { QueueLists } from './QueueLists';
import { Tally } from './Tally';
import { TransferDialog } from './TransferDialog';
import { VisitCase } from './VisitCase';

type ConsoleAction = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pauseResume';
type ButtonAction = Exclude<ConsoleAction, 'pauseResume'>;

/**
 * Function keys: they type nothing, so they work even while a case field has the focus. F1, F5, F6, F10–F12
 * are left alone: browsers keep those for themselves.
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

export function CounterConsole({ counterId }: { counterId: number }) {
  const t = useT();
  const counter = useStaff((s) => s.data?.counters.find((c) => c.id === counterId)) as Counter;
  const tickets = useStaff(useShallow((s) => todaysTickets(s.data)));
  const role = useStaff((s) => s.data?.me.role);
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
    start: async () => {
      if (!ticketRef) return;
      const started = await request('ticket:start', ticketRef);
      // SOP step 3: serving a visitor opens their case (a returning visitor's is attached instead).
      if (started.ok && role && caseRoleMay(role, 'open')) await request('case:open', ticketRef);
    },
    finish: async () => ticketRef && request('ticket:finish', ticketRef),
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
      // An open dialog (transfer, escalate) has the user's attention: the console's keys wait.
      if (!entry || document.querySelector('[role="dialog"]')) return;
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
      <section className="card console-head">
        <h1>
          {counter.name}{' '}
          <span className={`state state-${counter.state}`} data-testid="counter-state" data-state={counter.state}>
            {t(`counterState_${counter.state}`)}
            {counter.pauseReason && ` — ${t(`pause_${counter.pauseReason}`)}`}
          </span>
        </h1>
        <button type="button" data-testid="counter-close" disabled={!legal.close} onClick={() => void run(actions.close)}>
          {t('closeCounter')}
        </button>
      </section>

      <PrinterFaults />

      <section className="card current">
        <div className="current-number">
          <span className="label">{t('currentTicket')}</span>
          <span className="number" data-testid="current-ticket-number">
            {current?.number ?? '—'}
          </span>
          {current && (
            <span className="current-status" data-testid="current-ticket-status" data-status={current.status}>
              {t(`ticketStatus_${current.status}`)}
            </span>
          )}
          {current && (
            <span className="recalls">
              {t('recalled')} <strong data-testid="recall-count">{current.recallCount}</strong>×
            </span>
          )}
        </div>
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
                className="action"
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

      {current && <VisitCase ticket={current} counterId={counterId} />}

      <QueueLists
        counter={counter}
        tickets={tickets}
        selectedId={selected?.id ?? null}
        onSelect={(tk: Ticket) => setSelectedId(tk.id === selectedId ? null : tk.id)}
        callSpecific={
          <button
            type="button"
            className="action"
            data-testid="call-specific"
            disabled={!legal.callSpecific}
            onClick={() => void run(actions.callSpecific)}
          >
            {selected ? t('callSpecificNumber', { number: selected.number }) : t('callSpecific')}
          </button>
        }
      />

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

      {transferring && current && (
        <TransferDialog counterId={counterId} ticket={current} onClose={() => setTransferring(false)} />
      )}
    </div>
  );
}
