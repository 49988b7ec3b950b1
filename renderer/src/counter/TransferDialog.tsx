// Transfer the current ticket to another service, or to a named counter (one of the two).
import { useState } from 'react';
import type { Ticket } from '../../../shared/domain/types';
import { Dialog } from '../../../shared/ui/Dialog';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useT } from '../i18n';
import { useStaff } from '../store';

export function TransferDialog({ counterId, ticket, onClose }: { counterId: number; ticket: Ticket; onClose: () => void }) {
  const t = useT();
  const services = useStaff((s) => s.data?.services) ?? [];
  const counters = useStaff((s) => s.data?.counters) ?? [];
  const [serviceCode, setServiceCode] = useState('');
  const [toCounterId, setToCounterId] = useState('');
  const [pending, run] = usePending();

  const confirm = async () => {
    const target = serviceCode ? { serviceCode } : { toCounterId: Number(toCounterId) };
    const reply = await run(() => request('ticket:transfer', { counterId, ticketId: ticket.id, ...target }));
    if (reply.ok) onClose();
  };

  return (
    <Dialog title={t('transferTitle', { number: ticket.number })} testId="transfer-dialog" onClose={onClose}>
      <label>
        {t('transferToService')}
        <select
          data-testid="transfer-service"
          value={serviceCode}
          onChange={(e) => {
            setServiceCode(e.target.value);
            setToCounterId('');
          }}
        >
          <option value="">—</option>
          {services
            .filter((s) => s.active && s.code !== ticket.serviceCode)
            .map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
        </select>
      </label>
      <p className="hint">{t('or')}</p>
      <label>
        {t('transferToCounter')}
        <select
          data-testid="transfer-counter"
          value={toCounterId}
          onChange={(e) => {
            setToCounterId(e.target.value);
            setServiceCode('');
          }}
        >
          <option value="">—</option>
          {counters
            .filter((c) => c.id !== counterId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      <div className="dialog-buttons">
        <button type="button" data-testid="transfer-cancel" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="transfer-confirm"
          disabled={pending || (serviceCode === '' && toCounterId === '')}
          onClick={() => void confirm()}
        >
          {t('transfer')}
        </button>
      </div>
    </Dialog>
  );
}
