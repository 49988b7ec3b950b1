// Small pieces every admin form uses.
import { useT } from '../i18n';

/** The form's first problem, named in the reader's words; the save button waits until there is none. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="error" role="alert" data-testid="form-problem">
      {problem}
    </p>
  );
}

export function SaveRow({ id, disabled, onSave, onCancel }: { id: string; disabled: boolean; onSave: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="row">
      <button type="button" className="primary" data-testid={id} disabled={disabled} onClick={onSave}>
        {t('save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
