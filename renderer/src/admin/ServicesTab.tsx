// Services: code letter (fixed once made), names in Bahasa Indonesia and English, kiosk order, the
// priority question, active.
import type { Service } from '../../../shared/domain/types';
import { newRequestId } from '../../../shared/ui/requestId';
import { request } from '../hub';
import { useAdminT } from './text';
import { useStaff } from '../store';
import { AdminTabHeader, AdminTable, CheckField, FormFrame, TextField } from './parts';
import { useAdminForm } from './useAdminForm';

interface ServiceForm {
  requestId: string;
  code: string;
  name: string;
  nameEn: string;
  sort: string;
  askPriority: boolean;
  active: boolean;
}

export function ServicesTab() {
  const t = useAdminT();
  const services = useStaff((s) => s.data?.services) ?? [];
  const f = useAdminForm<ServiceForm>();
  const form = f.form;

  const openNew = () =>
    f.open({
      requestId: newRequestId('service'),
      code: '',
      name: '',
      nameEn: '',
      sort: String(Math.max(-1, ...services.map((s) => s.sort)) + 1),
      askPriority: true,
      active: true,
    });
  const openEdit = (s: Service) =>
    f.open({ requestId: '', code: s.code, name: s.name, nameEn: s.nameEn, sort: String(s.sort), askPriority: s.askPriority, active: s.active }, s.id);

  const problem = (x: ServiceForm): string | null => {
    if (f.editing === null) {
      if (!/^[A-Z]$/.test(x.code)) return t('serviceCodeInvalid');
      if (services.some((s) => s.code === x.code)) return t('duplicate', { field: t('serviceCode'), value: x.code });
    }
    if (!x.name.trim()) return t('required', { field: t('serviceName') });
    if (!/^\d{1,3}$/.test(x.sort)) return t('settingsNumberInvalid', { field: t('serviceOrder'), min: 0, max: 999 });
    return null;
  };

  const save = () =>
    f.save((x, id) => {
      const fields = { name: x.name, nameEn: x.nameEn, sort: Number(x.sort), askPriority: x.askPriority, active: x.active };
      return id === null
        ? request('admin:serviceCreate', { requestId: x.requestId, code: x.code, ...fields })
        : request('admin:serviceUpdate', { serviceId: id, ...fields });
    });

  return (
    <section className="card">
      <AdminTabHeader title={t('adminTab_services')} action={{ testId: 'service-new', label: t('serviceNew'), onClick: openNew }} />
      {form && (
        <FormFrame
          id="service"
          problem={problem(form)}
          pending={f.pending}
          onSave={() => void save()}
          onCancel={f.close}
          note={!form.active && <p className="hint">{t('serviceInactiveNote')}</p>}
        >
          <label>
            {t('serviceCode')}
            <input
              data-testid="service-code"
              maxLength={1}
              value={form.code}
              disabled={f.editing !== null}
              title={f.editing !== null ? t('serviceCodeFixed') : undefined}
              onChange={(e) => f.set({ code: e.target.value.toUpperCase() })}
            />
          </label>
          <TextField id="service-name" label={t('serviceName')} value={form.name} onChange={(name) => f.set({ name })} />
          <TextField id="service-name-en" label={t('serviceNameEn')} value={form.nameEn} onChange={(nameEn) => f.set({ nameEn })} />
          <TextField id="service-order" label={t('serviceOrder')} numeric value={form.sort} onChange={(sort) => f.set({ sort })} />
          <CheckField id="service-priority" label={t('servicePriority')} checked={form.askPriority} onChange={(askPriority) => f.set({ askPriority })} />
          <CheckField id="service-active" label={t('active')} checked={form.active} onChange={(active) => f.set({ active })} />
        </FormFrame>
      )}
      <AdminTable headings={[t('serviceCode'), t('serviceName'), t('serviceOrder'), t('servicePriority'), t('status')]}>
        {services.map((s) => (
          <tr key={s.id} data-testid={`service-row-${s.code}`} className={s.active ? '' : 'inactive'}>
            <td>
              <strong>{s.code}</strong>
            </td>
            <td>
              {s.name}
              {s.nameEn && <div className="muted">{s.nameEn}</div>}
            </td>
            <td>{s.sort}</td>
            <td>{t(s.askPriority ? 'yes' : 'no')}</td>
            <td>{t(s.active ? 'active' : 'inactive')}</td>
            <td>
              <button type="button" className="small" data-testid={`service-edit-${s.code}`} onClick={() => openEdit(s)}>
                {t('edit')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
