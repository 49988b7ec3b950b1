// Backups: the list, newest first, and a backup now. Restoring is done with the hub stopped
// (`npm run restore`), so it is explained here rather than offered as a button.
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useAdminT } from './text';
import { useStaff, useTimeZone } from '../store';
import { AdminTabHeader } from './parts';

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BackupsTab() {
  const t = useAdminT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const backups = useStaff((s) => s.admin?.backups) ?? [];
  const [pending, run] = usePending();
  return (
    <section className="card">
      <AdminTabHeader
        title={t('adminTab_backups')}
        action={{ testId: 'backup-now', label: t('backupNow'), primary: true, disabled: pending, onClick: () => void run(() => request('admin:backupNow', {})) }}
      />
      <p className="hint">{t('backupNote')}</p>
      {backups.length === 0 ? (
        <p>{t('backupNone')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('backupTime')}</th>
              <th>{t('backupFile')}</th>
              <th>{t('backupSize')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file} data-testid="backup-row">
                <td>{formatOfficeDateTime(b.at, timeZone, lang)}</td>
                <td>
                  <code>{b.file}</code>
                </td>
                <td>{size(b.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
