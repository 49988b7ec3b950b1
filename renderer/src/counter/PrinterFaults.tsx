// Kiosk printer faults staff must see: the visitor's number was shown on screen but not printed. One line
// per ticket however often its printing failed, with a reprint one click away and a button to close the
// notice once dealt with (the hub records who closed it).
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import type { PrinterFault } from '../../../shared/domain/types';
import type { PrinterFaultCode } from '../../../shared/protocol/bridge';
import { PRINTER_FAULT_MESSAGES } from '../../../shared/protocol/errors';
import { usePending } from '../../../shared/ui/usePending';
import { request, showRefusal } from '../hub';
import { useStaffT, useT } from '../i18n';
import { useStaff, useTimeZone } from '../store';

export function ReprintButton({ ticketId, number }: { ticketId: number; number: string }) {
  const t = useT();
  const [pending, run] = usePending();
  const reprint = async () => {
    const reply = await run(() => request('print:reprint', { ticketId }));
    // The hub answers a failed print as an outcome, not a refusal; staff must see it all the same.
    if (reply.ok && reply.data.result === 'fault') showRefusal(reply.data.fault);
  };
  return (
    <button
      type="button"
      className="small"
      data-testid={`reprint-${number}`}
      disabled={pending}
      onClick={(e) => {
        e.stopPropagation();
        void reprint();
      }}
    >
      {t('reprint')}
    </button>
  );
}

function CloseFaultsButton({ ticketId, number }: { ticketId: number; number: string }) {
  const t = useT();
  const [pending, run] = usePending();
  return (
    <button
      type="button"
      className="small link"
      data-testid={`printer-fault-close-${number}`}
      disabled={pending}
      onClick={() => void run(() => request('print:closeFaults', { ticketId }))}
    >
      {t('closeFault')}
    </button>
  );
}

/** Faults grouped by ticket (a fault with no ticket stands alone), latest fault of each group shown. */
function byTicket(faults: readonly PrinterFault[]): PrinterFault[][] {
  const groups = new Map<string, PrinterFault[]>();
  for (const f of faults) {
    const key = f.ticketId === null ? `fault-${f.id}` : `ticket-${f.ticketId}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

export function PrinterFaults() {
  const t = useT();
  const tFault = useStaffT(PRINTER_FAULT_MESSAGES);
  const faults = useStaff((s) => s.data?.printerFaults) ?? [];
  const timeZone = useTimeZone();
  const lang = useStaff((s) => s.lang);
  if (faults.length === 0) return null;
  return (
    <section className="card banner-warning" role="alert" data-testid="printer-fault">
      <h2>{t('printerFault')}</h2>
      <ul>
        {byTicket(faults).map((group) => {
          const f = group[group.length - 1] as PrinterFault;
          return (
            <li key={f.id}>
              <strong>{f.deviceName}</strong> · {formatOfficeDateTime(f.at, timeZone, lang, { time: true })} ·{' '}
              {/* The fault in the staff member's language; the driver's own (English) text only for an unknown code. */}
              <span title={f.message}>{Object.hasOwn(PRINTER_FAULT_MESSAGES, f.code) ? tFault(f.code as PrinterFaultCode) : f.message}</span>
              {group.length > 1 && <span className="tag">{t('faultTimes', { n: group.length })}</span>}
              {f.ticketNumber && f.ticketId !== null && (
                <>
                  {' '}
                  · {t('ticket')} {f.ticketNumber} <ReprintButton ticketId={f.ticketId} number={f.ticketNumber} />
                  <CloseFaultsButton ticketId={f.ticketId} number={f.ticketNumber} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
