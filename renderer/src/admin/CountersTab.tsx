// Counters: name, the number the voice says, the services served, active. A counter someone holds stays
// active until it is closed.
import type { AdminCounter } from '../../../shared/domain/types';
import { newRequestId } from '../../../shared/ui/requestId';
import { request } from '../hub';
import { useAdminT } from './text';
import { useStaff } from '../store';
import { AdminTabHeader, AdminTable, CheckField, FormFrame, TextField } from './parts';
import { useAdminForm } from './useAdminForm';

interface CounterForm {
  requestId: string;
  name: string;
  number: string;
  serviceCodes: string[];
  active: boolean;
}

export function CountersTab() {
  const t = useAdminT();
  const counters = useStaff((s) => s.admin?.counters) ?? [];
  const services = useStaff((s) => s.data?.services) ?? [];
  const live = useStaff((s) => s.data?.counters) ?? [];
  const f = useAdminForm<CounterForm>();
  const form = f.form;
  const holder = (id: number | null) => {
    const c = live.find((x) => x.id === id);
    return c && c.state !== 'closed' ? (c.userName ?? '?') : null;
  };

  const openNew = () => {
    const next = Math.max(0, ...counters.filter((c) => c.active).map((c) => c.number)) + 1;
    f.open({ requestId: newRequestId('counter'), name: `Loket ${next}`, number: String(next), serviceCodes: [], active: true });
  };
  const openEdit = (c: AdminCounter) =>
    f.open({ requestId: '', name: c.name, number: String(c.number), serviceCodes: c.serviceCodes, active: c.active }, c.id);

  const problem = (x: CounterForm): string | null => {
    if (!x.name.trim()) return t('required', { field: t('counterName') });
    const name = x.name.trim().toLowerCase();
    if (counters.some((c) => c.id !== f.editing && c.name.toLowerCase() === name)) return t('duplicate', { field: t('counterName'), value: x.name });
    const n = Number(x.number);
    if (!/^\d+$/.test(x.number) || n < 1 || n > 999) return t('counterNumberInvalid');
    if (x.active && counters.some((c) => c.id !== f.editing && c.active && c.number === n)) {
      return t('duplicate', { field: t('counterNumber'), value: x.number });
    }
    if (x.serviceCodes.length === 0) return t('counterNeedsService');
    const held = holder(f.editing);
    if (!x.active && held) return t('counterHeldNote', { name: held });
    return null;
  };

  const save = () =>
    f.save((x, id) => {
      const fields = { name: x.name, number: Number(x.number), serviceCodes: x.serviceCodes, active: x.active };
      return id === null
        ? request('admin:counterCreate', { requestId: x.requestId, ...fields })
        : request('admin:counterUpdate', { counterId: id, ...fields });
    });

  const toggleService = (code: string, on: boolean) =>
    form && f.set({ serviceCodes: on ? [...form.serviceCodes, code].sort() : form.serviceCodes.filter((c) => c !== code) });

  return (
    <section className="card">
      <AdminTabHeader title={t('adminTab_counters')} action={{ testId: 'counter-new', label: t('counterNew'), onClick: openNew }} />
      {form && (
        <FormFrame id="counter" problem={problem(form)} pending={f.pending} onSave={() => void save()} onCancel={f.close}>
          <TextField id="counter-name" label={t('counterName')} value={form.name} onChange={(name) => f.set({ name })} />
          <TextField id="counter-number" label={t('counterNumber')} numeric value={form.number} onChange={(number) => f.set({ number })} />
          <fieldset className="checks">
            <legend>{t('counterServices')}</legend>
            {services.map((s) => (
              <CheckField
                key={s.code}
                id={`counter-service-${s.code}`}
                label={`${s.code} — ${s.name}`}
                checked={form.serviceCodes.includes(s.code)}
                onChange={(on) => toggleService(s.code, on)}
              />
            ))}
          </fieldset>
          <CheckField id="counter-active" label={t('active')} checked={form.active} onChange={(active) => f.set({ active })} />
        </FormFrame>
      )}
      <AdminTable headings={[t('counterNumber'), t('counterName'), t('counterServices'), t('status')]}>
        {counters.map((c) => (
          <tr key={c.id} data-testid={`counter-row-${c.number}`} className={c.active ? '' : 'inactive'}>
            <td>
              <strong>{c.number}</strong>
            </td>
            <td>{c.name}</td>
            <td>{c.serviceCodes.join(', ')}</td>
            <td>
              {t(c.active ? 'active' : 'inactive')}
              {holder(c.id) && <div className="muted">{t('counterHeldBy', { name: holder(c.id) ?? '' })}</div>}
            </td>
            <td>
              <button type="button" className="small" data-testid={`counter-edit-${c.number}`} onClick={() => openEdit(c)}>
                {t('edit')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
