// Staff accounts: made with a role and a one-time temporary password shown once; reset, deactivate (the
// person's open cases are then listed for reassignment) and reactivate. The admin never sees or chooses a
// lasting password.
import { useState } from 'react';
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import { ROLES, type AdminUser, type Case, type Role } from '../../../shared/domain/types';
import type { TempPasswordReply } from '../../../shared/protocol/events';
import { Dialog } from '../../../shared/ui/Dialog';
import { newRequestId } from '../../../shared/ui/requestId';
import { usePending } from '../../../shared/ui/usePending';
import { navigate, request } from '../hub';
import { useAdminT } from './text';
import { useStaff, useTimeZone } from '../store';
import { AdminTabHeader, AdminTable, FormFrame, TextField } from './parts';
import { useAdminForm } from './useAdminForm';

interface StaffForm {
  requestId: string;
  username: string;
  name: string;
  role: Role | '';
}

const USERNAME = /^[A-Za-z0-9._-]{2,32}$/;

export function StaffTab() {
  const t = useAdminT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const users = useStaff((s) => s.admin?.users) ?? [];
  const myId = useStaff((s) => s.data?.me.id);
  const f = useAdminForm<StaffForm>();
  const form = f.form;
  const [temp, setTemp] = useState<TempPasswordReply | null>(null);
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const [retired, setRetired] = useState<{ user: AdminUser; openCases: Case[] } | null>(null);
  const [pending, run] = usePending();
  const when = (iso: string) => formatOfficeDateTime(iso, timeZone, lang);

  const problem = (x: StaffForm): string | null => {
    if (f.editing === null) {
      if (!USERNAME.test(x.username.trim())) return t('staffUsernameInvalid');
      const wanted = x.username.trim().toLowerCase();
      if (users.some((u) => u.username.toLowerCase() === wanted)) return t('duplicate', { field: t('staffUsername'), value: x.username.trim() });
    }
    if (!x.name.trim()) return t('required', { field: t('staffName') });
    if (!x.role) return t('required', { field: t('staffRole') });
    return null;
  };

  const save = () =>
    f.save(async (x, id) => {
      const role = x.role as Role;
      if (id !== null) return request('admin:userUpdate', { userId: id, name: x.name, role });
      const reply = await request('admin:userCreate', { requestId: x.requestId, username: x.username.trim(), name: x.name, role });
      if (reply.ok) setTemp(reply.data);
      return reply;
    });

  const reset = (u: AdminUser) =>
    void run(async () => {
      const reply = await request('admin:userResetPassword', { userId: u.id });
      if (reply.ok) setTemp(reply.data);
    });

  const deactivate = (u: AdminUser) =>
    void run(async () => {
      const reply = await request('admin:userDeactivate', { userId: u.id });
      setConfirming(null);
      if (reply.ok) setRetired(reply.data);
    });

  const reactivate = (u: AdminUser) => void run(() => request('admin:userReactivate', { userId: u.id }));

  return (
    <section className="card">
      <AdminTabHeader
        title={t('adminTab_staff')}
        action={{ testId: 'staff-new', label: t('staffNew'), onClick: () => f.open({ requestId: newRequestId('user'), username: '', name: '', role: '' }) }}
      />
      {form && (
        <FormFrame id="staff" problem={problem(form)} pending={f.pending} onSave={() => void save()} onCancel={f.close}>
          <label>
            {t('staffUsername')}
            <input
              data-testid="staff-username"
              autoComplete="off"
              value={form.username}
              disabled={f.editing !== null}
              onChange={(e) => f.set({ username: e.target.value })}
            />
          </label>
          <TextField id="staff-name" label={t('staffName')} value={form.name} onChange={(name) => f.set({ name })} />
          <label>
            {t('staffRole')}
            <select data-testid="staff-role" value={form.role} onChange={(e) => f.set({ role: e.target.value as Role | '' })}>
              <option value="">{t('choose')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}`)}
                </option>
              ))}
            </select>
          </label>
        </FormFrame>
      )}
      {temp && (
        <div className="card notice" role="status" data-testid="staff-temp-card">
          <h3>
            {t('staffTempTitle')}: {temp.user.username}
          </h3>
          <p className="secret" data-testid="staff-temp-password">
            {temp.tempPassword}
          </p>
          <p className="hint">{t('staffTempNote', { name: temp.user.name, until: when(temp.expiresAt) })}</p>
          <button type="button" data-testid="staff-temp-close" onClick={() => setTemp(null)}>
            {t('close')}
          </button>
        </div>
      )}
      {retired && (
        <div className="card notice" data-testid="staff-open-cases">
          <p>{t(retired.openCases.length ? 'staffOpenCases' : 'staffNoOpenCases', { name: retired.user.name })}</p>
          <ul>
            {retired.openCases.map((c) => (
              <li key={c.id}>
                <button type="button" className="link" data-testid={`case-row-${c.id}`} onClick={() => navigate({ name: 'case', caseId: c.id })}>
                  {c.reference} — {c.intake?.title || c.ticketNumber || ''} ({t(`caseStatus_${c.status}`)})
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setRetired(null)}>
            {t('close')}
          </button>
        </div>
      )}
      <AdminTable headings={[t('staffUsername'), t('staffName'), t('staffRole'), t('status')]}>
        {users.map((u) => (
          <tr key={u.id} data-testid={`staff-row-${u.username}`} className={u.active ? '' : 'inactive'}>
            <td>
              <strong>{u.username}</strong>
            </td>
            <td>{u.name}</td>
            <td>{t(`role_${u.role}`)}</td>
            <td>
              {t(u.active ? 'active' : 'inactive')}
              <div className="muted">
                {u.ownPassword ? t('staffOwnPassword') : t('staffTempUntil', { until: u.tempExpiresAt ? when(u.tempExpiresAt) : '—' })}
              </div>
            </td>
            <td className="actions">
              {u.active ? (
                <>
                  <button
                    type="button"
                    className="small"
                    data-testid={`staff-edit-${u.username}`}
                    onClick={() => f.open({ requestId: '', username: u.username, name: u.name, role: u.role }, u.id)}
                  >
                    {t('edit')}
                  </button>
                  {/* One's own password is changed from "Kata sandi": a reset here would sign oneself out. */}
                  {u.id !== myId && (
                    <>
                      <button type="button" className="small" data-testid={`staff-reset-${u.username}`} disabled={pending} onClick={() => reset(u)}>
                        {t('staffReset')}
                      </button>
                      <button type="button" className="small" data-testid={`staff-deactivate-${u.username}`} onClick={() => setConfirming(u)}>
                        {t('staffDeactivate')}
                      </button>
                    </>
                  )}
                </>
              ) : (
                <button type="button" className="small" data-testid={`staff-reactivate-${u.username}`} disabled={pending} onClick={() => reactivate(u)}>
                  {t('staffReactivate')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {confirming && (
        <Dialog title={t('staffDeactivate')} testId="staff-deactivate-dialog" onClose={() => setConfirming(null)}>
          <p>{t('staffDeactivateQuestion', { name: confirming.name })}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid={`staff-deactivate-${confirming.username}-confirm`}
              disabled={pending}
              onClick={() => deactivate(confirming)}
            >
              {t('staffDeactivate')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
