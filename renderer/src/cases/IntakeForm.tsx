// The intake of SOP step 3: who the visitor is and what they came about. Name, visitor type, category and
// title are required; the hub checks them again. The typing lives in the store until it is saved, so
// finishing the visit, leaving the case or signing out can ask before it is lost. Someone who may not edit
// sees the intake as text, not as greyed fields.
import type { ReactNode } from 'react';
import { EMPTY_INTAKE, isVisitorEmail, mayEditIntake, missingIntakeFields, REQUIRED_INTAKE_FIELDS } from '../../../shared/domain/caseRules';
import { CASE_CATEGORIES, VISITOR_TYPES, type Case, type CaseIntake } from '../../../shared/domain/types';
import { caseRequest } from '../hub';
import { hasCaseText, useCaseT, type CaseTextKey } from './text';
import { useStaff } from '../store';

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

/** The intake as the case has it; before the first save, the LPSE Support number an escalation recorded. */
function liveIntake(c: Case): CaseIntake {
  return c.intake ?? { ...EMPTY_INTAKE, lpseTicket: c.lpseSupportTicket };
}

export function IntakeForm({ c, onStale }: { c: Case; onStale: (message: string) => void }) {
  const t = useCaseT();
  const me = useStaff((s) => s.data?.me);
  const draft = useStaff((s) => (s.intakeDraft?.caseId === c.id ? s.intakeDraft : null));
  const value = draft?.intake ?? liveIntake(c);
  const editable = me !== undefined && mayEditIntake(me, c);
  const missing = missingIntakeFields(value);
  const email = value.visitorEmail.trim();
  const badEmail = email !== '' && !isVisitorEmail(email);

  const save = async () => {
    if (!draft) return;
    const reply = await caseRequest('case:intake', { caseId: c.id, revision: draft.base, intake: draft.intake });
    if (reply.ok) useStaff.setState({ intakeDraft: null });
    else if (reply.error.code === 'CASE_STALE') onStale(reply.error.message);
  };
  const change = (field: Field, text: string) =>
    useStaff.setState({ intakeDraft: { caseId: c.id, base: draft?.base ?? c.revision, intake: { ...value, [field]: text } } });

  const codeText = (f: (typeof FIELDS)[number]) => {
    const key = `${f.kind}_${value[f.field]}`;
    return hasCaseText(key) ? t(key) : value[f.field];
  };

  if (!editable) {
    return (
      <section className="card intake intake-readonly">
        <h2>{t('intake')}</h2>
        <dl className="form-grid">
          {FIELDS.map((f) => (
            <div key={f.field} className={f.kind === 'textarea' ? 'wide' : undefined}>
              <dt>{t(`intake_${f.field}`)}</dt>
              <dd data-testid={f.testId}>{codeText(f) || t('notRecorded')}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const control = (f: (typeof FIELDS)[number]): ReactNode => {
    const common = { 'data-testid': f.testId, value: value[f.field], required: REQUIRED.has(f.field) };
    switch (f.kind) {
      case 'textarea':
        return <textarea {...common} rows={2} onChange={(e) => change(f.field, e.target.value)} />;
      case 'visitorType':
      case 'category': {
        const codes = f.kind === 'visitorType' ? VISITOR_TYPES : CASE_CATEGORIES;
        return (
          <select {...common} onChange={(e) => change(f.field, e.target.value)}>
            <option value="">{t('choose')}</option>
            {codes.map((code) => (
              <option key={code} value={code}>
                {t(`${f.kind}_${code}` as CaseTextKey)}
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
      {(missing.length > 0 || badEmail) && (
        <p className="hint" data-testid="case-intake-missing">
          {missing.length > 0 && t('requiredMissing', { fields: missing.map((f) => t(`intake_${f}`)).join(', ') })}
          {badEmail && ` ${t('emailInvalid')}`}
        </p>
      )}
      <button
        type="button"
        className="primary"
        data-testid="case-save"
        disabled={!draft || missing.length > 0 || badEmail}
        onClick={() => void save()}
      >
        {t('saveIntake')}
      </button>
    </section>
  );
}
