// Kiosk printer faults staff must see: the visitor's number was shown on screen but not printed, and a
// reprint is one click away.
import { useState } from 'react';
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import { request, showRefusal } from '../hub';
import { useT } from '../i18n';
import { useStaff } from '../store';

export function ReprintButton({ ticketId, number }: { ticketId: number; number: string }) {
  const t = useT();
  const [pending, setPending] = useState(false);
  const reprint = async () => {
    setPending(true);
    const reply = await request('print:reprint', { ticketId });
    setPending(false);
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

export function PrinterFaults() {
  const t = useT();
  const faults = useStaff((s) => s.data?.printerFaults) ?? [];
  const timeZone = useStaff((s) => s.data?.timeZone ?? 'Asia/Jakarta');
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
            <strong>{f.deviceName}</strong> · {formatOfficeDateTime(f.at, timeZone, lang, { time: true })} · {f.message}
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
