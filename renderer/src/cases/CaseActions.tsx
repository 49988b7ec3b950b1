// The actions of the case table that this role may take in this case's status (CASE_RULES), each with the
// field it needs next to its button, enabled once that is filled. The others are absent, not greyed.
import { useState, type ReactNode } from 'react';
import {
  CASE_OWNER_ROLES,
  CASE_RULES,
  caseMayDo,
  closeContactMissing,
  needsLpseSupportTicket,
  type CaseAction,
} from '../../../shared/domain/caseRules';
import {
  CLOSE_CHANNELS,
  ESCALATION_TARGETS,
  type Case,
  type CloseChannel,
  type EscalationTarget,
} from '../../../shared/domain/types';
import type { Reply } from '../../../shared/protocol/errors';
import { Dialog } from '../../../shared/ui/Dialog';
import { usePending } from '../../../shared/ui/usePending';
import { caseRequest } from '../hub';
import { useCaseT, type CaseTextKey } from './text';
import { useStaff } from '../store';
import { useDraft } from './useDraft';

type Ref = { caseId: number; revision: number };
type NoteActionName = 'handle' | 'followup' | 'report' | 'recommend' | 'resolve';

interface NoteSpec {
  action: NoteActionName;
  field: string;
  button: string;
  label: CaseTextKey;
  fieldLabel: CaseTextKey;
  send: (ref: Ref, text: string) => Promise<Reply<Case>>;
}

const NOTE_ACTIONS: Record<NoteActionName, NoteSpec> = {
  handle: {
    action: 'handle',
    field: 'case-handling-note',
    button: 'case-handling',
    label: 'actionHandle',
    fieldLabel: 'handlingNote',
    send: (ref, note) => caseRequest('case:handle', { ...ref, note }),
  },
  followup: {
    action: 'followup',
    field: 'case-followup-note',
    button: 'case-followup',
    label: 'actionFollowup',
    fieldLabel: 'followupNote',
    send: (ref, note) => caseRequest('case:followup', { ...ref, note }),
  },
  report: {
    action: 'report',
    field: 'case-report-note',
    button: 'case-report-head',
    label: 'actionReport',
    fieldLabel: 'reportNote',
    send: (ref, note) => caseRequest('case:report', { ...ref, note }),
  },
  recommend: {
    action: 'recommend',
    field: 'case-recommendation',
    button: 'case-recommend',
    label: 'actionRecommend',
    fieldLabel: 'recommendationNote',
    send: (ref, recommendation) => caseRequest('case:recommend', { ...ref, recommendation }),
  },
  resolve: {
    action: 'resolve',
    field: 'case-resolution',
    button: 'case-resolve',
    label: 'actionResolve',
    fieldLabel: 'resolutionNote',
    send: (ref, resolution) => caseRequest('case:resolve', { ...ref, resolution }),
  },
};

/** The order the actions appear in: the SOP's. */
const ORDER: CaseAction[] = ['handle', 'escalate', 'take', 'followup', 'report', 'recommend', 'resolve', 'close', 'reassign'];

interface ActionProps {
  c: Case;
  onStale: (message: string) => void;
  /** How many times the case was reloaded after a refusal (see useDraft). */
  seen: number;
}

/** Runs a case request, then clears the form, or hands a stale refusal to the case screen. */
function useSubmit(onStale: (message: string) => void) {
  const [pending, run] = usePending();
  const submit = async (send: () => Promise<Reply<Case>>, done: () => void) => {
    const reply = await run(send);
    if (reply.ok) done();
    else if (reply.error.code === 'CASE_STALE') onStale(reply.error.message);
  };
  return { pending, submit };
}

function Box({ action, title, children }: { action: CaseAction; title: string; children: ReactNode }) {
  const t = useCaseT();
  const step = CASE_RULES[action].sopStep;
  return (
    <div className={`action-box action-${action}`}>
      <h3>
        {title}
        {step !== null && <span className="step">{t('sopStep', { step })}</span>}
      </h3>
      {children}
    </div>
  );
}

function NoteAction({ spec, c, onStale, seen }: ActionProps & { spec: NoteSpec }) {
  const t = useCaseT();
  const draft = useDraft('', c.revision, seen);
  const { pending, submit } = useSubmit(onStale);
  return (
    <Box action={spec.action} title={t(spec.label)}>
      <label>
        {t(spec.fieldLabel)}
        <textarea
          data-testid={spec.field}
          rows={2}
          value={draft.value}
          onChange={(e) => draft.set(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid={spec.button}
        disabled={pending || draft.value.trim() === ''}
        onClick={() => void submit(() => spec.send({ caseId: c.id, revision: draft.base }, draft.value.trim()), draft.reset)}
      >
        {t(spec.label)}
      </button>
    </Box>
  );
}

function Escalate({ c, onStale, seen }: ActionProps) {
  const t = useCaseT();
  const [open, setOpen] = useState(false);
  const known = c.lpseSupportTicket || c.intake?.lpseTicket || '';
  const draft = useDraft({ target: '', lpse: known, note: '' }, c.revision, seen);
  const { pending, submit } = useSubmit(onStale);
  const { target, lpse, note } = draft.value;
  const needsLpse = target !== '' && needsLpseSupportTicket(target as EscalationTarget);
  const ready = !pending && target !== '' && (!needsLpse || lpse.trim() !== '');
  const close = () => setOpen(false);
  const confirm = () =>
    submit(
      () =>
        caseRequest('case:escalate', {
          caseId: c.id,
          revision: draft.base,
          target: target as EscalationTarget,
          ...(lpse.trim() ? { lpseSupportTicket: lpse.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      () => {
        draft.reset();
        close();
      },
    );
  return (
    <Box action="escalate" title={t('actionEscalate')}>
      <button type="button" data-testid="case-escalate" onClick={() => setOpen(true)}>
        {t('actionEscalate')}…
      </button>
      {open && (
        <Dialog title={t('escalateTitle', { reference: c.reference })} testId="escalate-dialog" onClose={close}>
          <label>
            {t('escalateTarget')}
            <select
              data-testid="escalate-target"
              value={target}
              onChange={(e) => draft.set({ ...draft.value, target: e.target.value })}
            >
              <option value="">{t('choose')}</option>
              {ESCALATION_TARGETS.map((code) => (
                <option key={code} value={code}>
                  {t(`target_${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>
              {t('lpseSupportTicket')}
              {needsLpse && <span className="required"> *</span>}
            </span>
            <input
              data-testid="escalate-lpse-ticket"
              value={lpse}
              onChange={(e) => draft.set({ ...draft.value, lpse: e.target.value })}
            />
          </label>
          <label>
            {t('escalateNote')}
            <textarea
              data-testid="escalate-note"
              rows={2}
              value={note}
              onChange={(e) => draft.set({ ...draft.value, note: e.target.value })}
            />
          </label>
          <div className="dialog-buttons">
            <button type="button" data-testid="escalate-cancel" onClick={close}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="escalate-confirm"
              disabled={!ready}
              onClick={() => void confirm()}
            >
              {t('actionEscalate')}
            </button>
          </div>
        </Dialog>
      )}
    </Box>
  );
}

function Take({ c, onStale }: ActionProps) {
  const t = useCaseT();
  const { pending, submit } = useSubmit(onStale);
  return (
    <Box action="take" title={t('actionTake')}>
      <button
        type="button"
        data-testid="case-take"
        disabled={pending}
        onClick={() => void submit(() => caseRequest('case:take', { caseId: c.id, revision: c.revision }), () => undefined)}
      >
        {t('actionTake')}
      </button>
    </Box>
  );
}

function Close({ c, onStale, seen }: ActionProps) {
  const t = useCaseT();
  const draft = useDraft('', c.revision, seen);
  const { pending, submit } = useSubmit(onStale);
  const channel = draft.value as CloseChannel | '';
  const contactMissing = channel !== '' && closeContactMissing(c.intake, channel);
  return (
    <Box action="close" title={t('actionClose')}>
      <label>
        {t('closeChannel')}
        <select
          data-testid="case-close-channel"
          value={channel}
          onChange={(e) => draft.set(e.target.value)}
        >
          <option value="">{t('choose')}</option>
          {CLOSE_CHANNELS.map((code) => (
            <option key={code} value={code}>
              {t(`channel_${code}`)}
            </option>
          ))}
        </select>
      </label>
      {contactMissing && (
        <p className="hint" data-testid="case-close-contact-missing">
          {t(channel === 'phone' ? 'needsPhone' : 'needsEmail')}
        </p>
      )}
      <button
        type="button"
        data-testid="case-close"
        disabled={pending || channel === '' || contactMissing}
        onClick={() =>
          void submit(
            () => caseRequest('case:close', { caseId: c.id, revision: draft.base, channel: channel as CloseChannel }),
            draft.reset,
          )
        }
      >
        {t('actionClose')}
      </button>
    </Box>
  );
}

function Reassign({ c, onStale, seen }: ActionProps) {
  const t = useCaseT();
  const users = useStaff((s) => s.data?.users) ?? [];
  const draft = useDraft('', c.revision, seen);
  const { pending, submit } = useSubmit(onStale);
  const candidates = users.filter((u) => CASE_OWNER_ROLES.includes(u.role) && u.id !== c.ownerId);
  return (
    <Box action="reassign" title={t('actionReassign')}>
      <label>
        {t('newOwner')}
        <select data-testid="case-reassign" value={draft.value} onChange={(e) => draft.set(e.target.value)}>
          <option value="">{t('choose')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({t(`role_${u.role}`)})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="case-reassign-confirm"
        disabled={pending || draft.value === ''}
        onClick={() =>
          void submit(
            () => caseRequest('case:reassign', { caseId: c.id, revision: draft.base, ownerId: Number(draft.value) }),
            draft.reset,
          )
        }
      >
        {t('actionReassign')}
      </button>
    </Box>
  );
}

function ActionFor({ action, ...props }: ActionProps & { action: CaseAction }) {
  switch (action) {
    case 'escalate':
      return <Escalate {...props} />;
    case 'take':
      return <Take {...props} />;
    case 'close':
      return <Close {...props} />;
    case 'reassign':
      return <Reassign {...props} />;
    case 'handle':
    case 'followup':
    case 'report':
    case 'recommend':
    case 'resolve':
      return <NoteAction spec={NOTE_ACTIONS[action]} {...props} />;
    default:
      return null;
  }
}

export function CaseActions({ c, onStale, seen }: { c: Case; onStale: (message: string) => void; seen: number }) {
  const t = useCaseT();
  const role = useStaff((s) => s.data?.me.role);
  const me = useStaff((s) => s.data?.me.id);
  if (!role) return null;
  // Taking a case one already owns is no step at all.
  const shown = ORDER.filter((a) => caseMayDo(role, c.status, a) && !(a === 'take' && c.ownerId === me));
  if (shown.length === 0) return null;
  return (
    <section className="card case-actions">
      <h2>{t('actions')}</h2>
      <div className="action-grid">
        {shown.map((action) => (
          <ActionFor key={action} action={action} c={c} onStale={onStale} seen={seen} />
        ))}
      </div>
    </section>
  );
}
