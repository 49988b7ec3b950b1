// What the staff member must notice whatever screen they are on: a lost connection (it comes back by
// itself), a hub that cannot write to its disk (so is the alarm), the hub's last refusal in the hub's own words, and the question asked before unsaved intake
// typing would be lost.
import { missingIntakeFields } from '../../shared/domain/caseRules';
import { Dialog } from '../../shared/ui/Dialog';
import { dismissRefusal, resolveLeave } from './hub';
import { useT } from './i18n';
import { caseById, useStaff } from './store';

function UnsavedQuestion() {
  const t = useT();
  const asking = useStaff((s) => s.pendingLeave !== null);
  const draft = useStaff((s) => s.intakeDraft);
  const reference = useStaff((s) => (s.intakeDraft ? caseById(s, s.intakeDraft.caseId)?.reference : undefined));
  if (!asking || !draft) return null;
  const missing = missingIntakeFields(draft.intake);
  const stay = () => void resolveLeave('stay');
  return (
    <Dialog title={t('unsavedTitle')} testId="unsaved-dialog" onClose={stay}>
      <p>{t('unsavedBody', { reference: reference ?? '' })}</p>
      {missing.length > 0 && (
        <p className="hint">{t('requiredMissing', { fields: missing.map((f) => t(`intake_${f}`)).join(', ') })}</p>
      )}
      <div className="dialog-buttons">
        <button type="button" data-testid="unsaved-stay" onClick={stay}>
          {t('unsavedStay')}
        </button>
        <button type="button" data-testid="unsaved-discard" onClick={() => void resolveLeave('discard')}>
          {t('unsavedDiscard')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="unsaved-save"
          disabled={missing.length > 0}
          onClick={() => void resolveLeave('save')}
        >
          {t('unsavedSave')}
        </button>
      </div>
    </Dialog>
  );
}

export function Notices() {
  const t = useT();
  const online = useStaff((s) => s.online);
  const refusal = useStaff((s) => s.refusal);
  // Staying while the hub's disk cannot be written, until the hub resumes by itself.
  const storage = useStaff((s) => s.data?.storage ?? 'ok');
  return (
    <>
      {storage !== 'ok' && (
        <div className="banner banner-storage" role="alert" data-testid="storage-alarm" data-state={storage}>
          {t(storage === 'full' ? 'storage_STORAGE_FULL' : 'storage_STORAGE_READ_ONLY')}
        </div>
      )}
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
      <UnsavedQuestion />
    </>
  );
}
