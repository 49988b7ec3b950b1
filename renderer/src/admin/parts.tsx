// Small pieces every admin form uses.
import type { ReactNode } from 'react';
import { useAdminT } from './text';

/** A tab's heading and its one action (make a new one, back up now). */
export function AdminTabHeader({ title, action }: { title: string; action: { testId: string; label: string; onClick: () => void; primary?: boolean; disabled?: boolean } }) {
  return (
    <div className="row spread">
      <h2>{title}</h2>
      <button type="button" className={action.primary ? 'primary' : undefined} data-testid={action.testId} disabled={action.disabled} onClick={action.onClick}>
        {action.label}
      </button>
    </div>
  );
}

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
  const t = useAdminT();
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

/** An admin form's frame: its fields, an optional note, its first problem, and save/cancel. */
export function FormFrame({
  id,
  problem,
  pending,
  onSave,
  onCancel,
  note,
  children,
}: {
  id: string;
  problem: string | null;
  pending: boolean;
  onSave: () => void;
  onCancel: () => void;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="admin-form" data-testid={`${id}-form`}>
      <div className="fields">{children}</div>
      {note}
      <FormProblem problem={problem} />
      <SaveRow id={`${id}-save`} disabled={pending || problem !== null} onSave={onSave} onCancel={onCancel} />
    </div>
  );
}

/** A list of rows with their headings; the last column holds the row's buttons. */
export function AdminTable({ headings, children }: { headings: string[]; children: ReactNode }) {
  return (
    <table className="admin-table">
      <thead>
        <tr>
          {headings.map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A labelled text field; `numeric` brings up a number keypad on touch screens. */
export function TextField({ id, label, value, onChange, numeric }: { id: string; label: string; value: string; onChange: (value: string) => void; numeric?: boolean }) {
  return (
    <label>
      {label}
      <input data-testid={id} inputMode={numeric ? 'numeric' : undefined} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function CheckField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" data-testid={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
