// Kiosks, displays and survey tablets: online or not and when last seen, open printer faults, a kiosk's
// printer with a test print, a new key, revoke. A device's address carries its key and is shown once, as
// text and as a QR code to scan from the device.
import { useState } from 'react';
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import { DEVICE_KINDS, type AdminDevice, type DeviceKind } from '../../../shared/domain/types';
import type { DeviceKeyReply } from '../../../shared/protocol/events';
import { Dialog } from '../../../shared/ui/Dialog';
import { QrCode } from '../../../shared/ui/QrCode';
import { newRequestId } from '../../../shared/ui/requestId';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useAdminT } from './text';
import { useStaff, useTimeZone } from '../store';
import { AdminTabHeader, AdminTable, FormFrame, TextField } from './parts';
import { useAdminForm } from './useAdminForm';

interface DeviceForm {
  requestId: string;
  name: string;
  kind: DeviceKind;
  host: string;
  port: string;
  width: '58' | '80';
  counterId: string;
}

/** The hub's address as devices reach it: the setting, else the address this browser used. */
function useHubAddress(): string {
  const publicUrl = useStaff((s) => s.data?.settings.publicUrl);
  return publicUrl || window.location.origin;
}

function DeviceUrl({ shown, onClose }: { shown: DeviceKeyReply; onClose: () => void }) {
  const t = useAdminT();
  const url = useHubAddress() + shown.path;
  return (
    <div className="card notice" role="status" data-testid="device-url-card">
      <h3>{t('deviceUrlTitle', { name: shown.device.name })}</h3>
      <div className="row">
        <QrCode className="qr" text={url} size={220} testId="device-qr" />
        <div>
          <p className="secret" data-testid="device-url">
            {url}
          </p>
          <p className="hint">{t('deviceUrlNote')}</p>
          <button type="button" data-testid="device-url-close" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function DevicesTab() {
  const t = useAdminT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const devices = useStaff((s) => s.admin?.devices) ?? [];
  const counters = useStaff((s) => s.admin?.counters) ?? [];
  const f = useAdminForm<DeviceForm>();
  const form = f.form;
  const [shown, setShown] = useState<DeviceKeyReply | null>(null);
  const [confirm, setConfirm] = useState<{ device: AdminDevice; action: 'revoke' | 'rekey' } | null>(null);
  const [testResult, setTestResult] = useState<{ name: string; text: string; ok: boolean } | null>(null);
  const [pending, run] = usePending();

  const problem = (x: DeviceForm): string | null => {
    if (!x.name.trim()) return t('required', { field: t('deviceName') });
    const wanted = x.name.trim().toLowerCase();
    if (devices.some((d) => d.id !== f.editing && d.name.toLowerCase() === wanted)) return t('duplicate', { field: t('deviceName'), value: x.name.trim() });
    if (x.kind === 'kiosk' && x.host.trim()) {
      const port = Number(x.port);
      if (!/^\d+$/.test(x.port) || port < 1 || port > 65535) return t('devicePrinterPortInvalid');
    }
    if (x.kind === 'survey' && !x.counterId) return t('deviceCounterNeeded');
    return null;
  };

  const save = () =>
    f.save(async (x, id) => {
      const fields = {
        name: x.name,
        printer: x.kind === 'kiosk' && x.host.trim() ? { host: x.host.trim(), port: Number(x.port), width: Number(x.width) as 58 | 80 } : null,
        counterId: x.kind === 'survey' && x.counterId ? Number(x.counterId) : null,
      };
      if (id !== null) return request('admin:deviceUpdate', { deviceId: id, ...fields });
      const reply = await request('admin:deviceCreate', { requestId: x.requestId, kind: x.kind, ...fields });
      if (reply.ok) setShown(reply.data);
      return reply;
    });

  const openEdit = (d: AdminDevice) =>
    f.open(
      {
        requestId: '',
        name: d.name,
        kind: d.kind,
        host: d.printer?.host ?? '',
        port: String(d.printer?.port ?? 9100),
        width: String(d.printer?.width ?? 80) as '58' | '80',
        counterId: d.counterId ? String(d.counterId) : '',
      },
      d.id,
    );

  const confirmed = () =>
    confirm &&
    void run(async () => {
      const { device, action } = confirm;
      if (action === 'revoke') await request('admin:deviceRevoke', { deviceId: device.id });
      else {
        const reply = await request('admin:deviceRekey', { deviceId: device.id });
        if (reply.ok) setShown(reply.data);
      }
      setConfirm(null);
    });

  const testPrint = (d: AdminDevice) =>
    void run(async () => {
      setTestResult(null);
      const reply = await request('admin:testPrint', { deviceId: d.id });
      if (!reply.ok) return;
      setTestResult(
        reply.data.result === 'printed'
          ? { name: d.name, ok: true, text: t('deviceTestPrinted', { name: d.name }) }
          : { name: d.name, ok: false, text: t('deviceTestFailed', { message: reply.data.fault.message }) },
      );
    });

  const seen = (d: AdminDevice) =>
    d.lastSeenAt ? t('deviceLastSeen', { at: formatOfficeDateTime(d.lastSeenAt, timeZone, lang) }) : t('deviceNeverSeen');

  return (
    <section className="card">
      <AdminTabHeader
        title={t('adminTab_devices')}
        action={{
          testId: 'device-new',
          label: t('deviceNew'),
          onClick: () => f.open({ requestId: newRequestId('device'), name: '', kind: 'kiosk', host: '', port: '9100', width: '80', counterId: '' }),
        }}
      />
      {form && (
        <FormFrame id="device" problem={problem(form)} pending={f.pending} onSave={() => void save()} onCancel={f.close}>
          <TextField id="device-name" label={t('deviceName')} value={form.name} onChange={(name) => f.set({ name })} />
          <label>
            {t('deviceKind')}
            <select
              data-testid="device-kind"
              value={form.kind}
              disabled={f.editing !== null}
              onChange={(e) => f.set({ kind: e.target.value as DeviceKind })}
            >
              {DEVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`deviceKind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          {form.kind === 'kiosk' && (
            <>
              <TextField id="device-printer-host" label={t('devicePrinterHost')} value={form.host} onChange={(host) => f.set({ host })} />
              <TextField id="device-printer-port" label={t('devicePrinterPort')} numeric value={form.port} onChange={(port) => f.set({ port })} />
              <label>
                {t('devicePrinterWidth')}
                <select data-testid="device-printer-width" value={form.width} onChange={(e) => f.set({ width: e.target.value as '58' | '80' })}>
                  <option value="58">58 mm</option>
                  <option value="80">80 mm</option>
                </select>
              </label>
            </>
          )}
          {form.kind === 'survey' && (
            <label>
              {t('deviceCounter')}
              <select data-testid="device-counter" value={form.counterId} onChange={(e) => f.set({ counterId: e.target.value })}>
                <option value="">{t('choose')}</option>
                {counters
                  .filter((c) => c.active)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
            </label>
          )}
        </FormFrame>
      )}
      {shown && <DeviceUrl shown={shown} onClose={() => setShown(null)} />}
      {testResult && (
        <p className={testResult.ok ? 'ok' : 'error'} role="status" data-testid="device-test-result" data-ok={String(testResult.ok)}>
          {testResult.text}
        </p>
      )}
      <AdminTable headings={[t('deviceName'), t('deviceKind'), t('status'), t('devicePrinter')]}>
        {devices.map((d) => (
          <tr key={d.id} data-testid={`device-row-${d.name}`} className={d.active ? '' : 'inactive'}>
            <td>
              <strong>{d.name}</strong>
            </td>
            <td>
              {t(`deviceKind_${d.kind}`)}
              {d.kind === 'survey' && <div className="muted">{counters.find((c) => c.id === d.counterId)?.name}</div>}
            </td>
            <td>
              {d.active ? (
                <span className={`online ${d.online ? 'on' : 'off'}`} data-testid="device-online" data-online={String(d.online)}>
                  {t(d.online ? 'deviceOnline' : 'deviceOffline')}
                </span>
              ) : (
                <span data-testid="device-online" data-online="false">
                  {t('deviceRevoked')}
                </span>
              )}
              <div className="muted">{seen(d)}</div>
            </td>
            <td>
              {d.kind !== 'kiosk' ? '—' : d.printer ? `${d.printer.host}:${d.printer.port}, ${d.printer.width} mm` : t('devicePrinterNone')}
              {d.openFaults > 0 && (
                <div className="error" data-testid="device-faults">
                  {t('deviceFaults', { n: d.openFaults })}
                </div>
              )}
            </td>
            <td className="actions">
              {d.active && (
                <>
                  <button type="button" className="small" data-testid={`device-edit-${d.name}`} onClick={() => openEdit(d)}>
                    {t('edit')}
                  </button>
                  {d.printer && (
                    <button type="button" className="small" data-testid={`device-test-print-${d.name}`} disabled={pending} onClick={() => testPrint(d)}>
                      {t('deviceTestPrint')}
                    </button>
                  )}
                  <button type="button" className="small" data-testid={`device-revoke-${d.name}`} onClick={() => setConfirm({ device: d, action: 'revoke' })}>
                    {t('deviceRevoke')}
                  </button>
                </>
              )}
              <button type="button" className="small" data-testid={`device-rekey-${d.name}`} onClick={() => setConfirm({ device: d, action: 'rekey' })}>
                {t('deviceRekey')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
      {confirm && (
        <Dialog title={t(confirm.action === 'revoke' ? 'deviceRevoke' : 'deviceRekey')} testId="device-confirm-dialog" onClose={() => setConfirm(null)}>
          <p>{t(confirm.action === 'revoke' ? 'deviceRevokeQuestion' : 'deviceRekeyQuestion', { name: confirm.device.name })}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid={`device-${confirm.action}-${confirm.device.name}-confirm`}
              disabled={pending}
              onClick={confirmed}
            >
              {t(confirm.action === 'revoke' ? 'deviceRevoke' : 'deviceRekey')}
            </button>
            <button type="button" onClick={() => setConfirm(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
