// The intake of SOP step 3: who the visitor is and what they came about. Name, visitor type, category and
// title are required; the hub checks them again.
import type { ReactNode } from 'react';
import { caseMayDo, EMPTY_INTAKE, isVisitorEmail, missingIntakeFields, REQUIRED_INTAKE_FIELDS } from '../../../shared/domain/caseRules';
import { CASE_CATEGORIES, VISITOR_TYPES, type Case, type CaseIntake } from '../../../shared/domain/types';
import { caseRequest } from '../hub';
import { useT, type TextKey } from '../i18n';
import { useStaff } from '../store';
import { useDraft } from './useDraft';

type Field = keyof CaseIntake;

const FIELDS: { field: Field; testId: string; kind: 'input' | 'textarea' | 'visitorType' | 'category'; type?: string }[] = [
  { field: 'visitorName', testId: 'case-visitor-name', kind: 'input' },
  { field: 'visitorType', testId: 'case-visitor-type', kind: 'visitorType' },
  { field: 'visitorOrg', testId: 'case-visitor-org', kind: 'input' },
  { field: 'visitorPhone', testId: 'case-visitor-phone', kind: 'input', type: 'tel' },
  { field: 'visitorEmail', testId: 'case-visitor-email', kind: 'input', type: 'email' },
  { field: 'module', testId: 'case-module', kind: 'input' },
  { field: 'errorCode', testId: 'case-error-code', kind: 'input' },
  { field: 'lpseTicket', testId: 'case-lpse-ticket', kind: 'input' },
  { field: 'category', testId: 'case-category', kind: 'category' },
  { field: 'title', testId: 'case-title', kind: 'input' },
  { field: 'description', testId: 'case-description', kind: 'textarea' },
];

const REQUIRED = new Set<Field>(REQUIRED_INTAKE_FIELDS);

export function IntakeForm({ c, onStale }: { c: Case; onStale: (message: string) => void }) {
  const t = useT();
  const role = useStaff((s) => s.data?.me.role);
  const draft = useDraft<CaseIntake>(c.intake ?? EMPTY_INTAKE, c.revision);
  const editable = role !== undefined && caseMayDo(role, c.status, 'intake');
  const missing = missingIntakeFields(draft.value);
  const email = draft.value.visitorEmail.trim();
  const badEmail = email !== '' && !isVisitorEmail(email);

  const save = async () => {
    const reply = await caseRequest('case:intake', { caseId: c.id, revision: draft.base, intake: draft.value });
    if (reply.ok) draft.reset();
    else if (reply.error.code === 'CASE_STALE') onStale(reply.error.message);
  };
  const change = (field: Field, value: string) => draft.set({ ...draft.value, [field]: value });

  const control = (f: (typeof FIELDS)[number]): ReactNode => {
    const common = {
      'data-testid': f.testId,
      value: draft.value[f.field],
      disabled: !editable,
      required: REQUIRED.has(f.field),
    };
    switch (f.kind) {
      case 'textarea':
        return <textarea {...common} rows={3} onChange={(e) => change(f.field, e.target.value)} />;
      case 'visitorType':
      case 'category': {
        const codes = f.kind === 'visitorType' ? VISITOR_TYPES : CASE_CATEGORIES;
        return (
          <select {...common} onChange={(e) => change(f.field, e.target.value)}>
            <option value="">{t('choose')}</option>
            {codes.map((code) => (
              <option key={code} value={code}>
                {t(`${f.kind}_${code}` as TextKey)}
              </option>
            ))}
          </select>
        );
      }
      default:
        return <input {...common} type={f.type ?? 'text'} onChange={(e) => change(f.field, e.target.value)} />;
    }
  };

  return (
    <section className="card intake">
      <h2>{t('intake')}</h2>
      <div className="form-grid">
        {FIELDS.map((f) => (
          <label key={f.field} className={f.kind === 'textarea' ? 'wide' : undefined}>
            <span>
              {t(`intake_${f.field}`)}
              {REQUIRED.has(f.field) && <span className="required"> *</span>}
            </span>
            {control(f)}
          </label>
        ))}
      </div>
      {editable && (missing.length > 0 || badEmail) && (
        <p className="hint" data-testid="case-intake-missing">
          {missing.length > 0 && t('requiredMissing', { fields: missing.map((f) => t(`intake_${f}`)).join(', ') })}
          {badEmail && ` ${t('emailInvalid')}`}
        </p>
      )}
      <button
        type="button"
        className="primary"
        data-testid="case-save"
        disabled={!editable || !draft.dirty || missing.length > 0 || badEmail}
        onClick={() => void save()}
      >
        {t('saveIntake')}
      </button>
    </section>
  );
}
