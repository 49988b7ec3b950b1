// Kiosk printer faults staff must see: the visitor's number was shown on screen but not printed, and a
// reprint is one click away.
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import type { PrinterFault } from '../../../shared/domain/types';
import { ERROR_CODES, errorMessage, type ErrorCode, type Lang } from '../../../shared/protocol/errors';
import { usePending } from '../../../shared/ui/usePending';
import { request, showRefusal } from '../hub';
import { useT } from '../i18n';
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

/** The fault in the staff member's language; the driver's own (English) text only when its code is unknown. */
function faultText(f: PrinterFault, lang: Lang): string {
  return (ERROR_CODES as readonly string[]).includes(f.code) ? errorMessage(f.code as ErrorCode, lang) : f.message;
}

export function PrinterFaults() {
  const t = useT();
  const faults = useStaff((s) => s.data?.printerFaults) ?? [];
  const timeZone = useTimeZone();
  const lang = useStaff((s) => s.lang);
  if (faults.length === 0) return null;
  // One reprint button per ticket, however many times its printing failed.
  const firstFaultOf = new Map<number, number>();
  for (const f of faults) if (f.ticketId !== null && !firstFaultOf.has(f.ticketId)) firstFaultOf.set(f.ticketId, f.id);
  return (
    <section className="card banner-warning" role="alert" data-testid="printer-fault">
      <h2>{t('printerFault')}</h2>
      <ul>
        {faults.map((f) => (
          <li key={f.id}>
            <strong>{f.deviceName}</strong> · {formatOfficeDateTime(f.at, timeZone, lang, { time: true })} ·{' '}
            <span title={f.message}>{faultText(f, lang)}</span>
            {f.ticketNumber && (
              <>
                {' '}
                · {t('ticket')} {f.ticketNumber}{' '}
                {f.ticketId !== null && firstFaultOf.get(f.ticketId) === f.id && <ReprintButton ticketId={f.ticketId} number={f.ticketNumber} />}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
