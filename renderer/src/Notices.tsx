// What the staff member must notice whatever screen they are on: a lost connection (it comes back by
// itself) and the hub's last refusal, in the hub's own words.
import { dismissRefusal } from './hub';
import { useT } from './i18n';
import { useStaff } from './store';

export function Notices() {
  const t = useT();
  const online = useStaff((s) => s.online);
  const refusal = useStaff((s) => s.refusal);
  return (
    <>
      {!online && (
        <div className="banner banner-offline" role="status" data-testid="staff-offline">
          {t('reconnecting')}
        </div>
      )}
      {refusal && (
        <div className="banner banner-error" role="alert" data-testid="action-error" data-code={refusal.code}>
          <span>{refusal.message}</span>
          <button type="button" className="link" data-testid="action-error-dismiss" onClick={dismissRefusal}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
