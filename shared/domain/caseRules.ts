// The case's life as pure rules: the table "The case, step by step" of docs/product.md. The hub enforces it
// inside its transaction; the staff app uses the same rules to enable only the legal buttons.
import type { CaseIntake, CaseStatus, CloseChannel, EscalationTarget, Role } from './types';
import { CASE_STATUSES } from './types';

export const CASE_ACTIONS = [
  'open',
  'intake',
  'handle',
  'escalate',
  'take',
  'followup',
  'report',
  'recommend',
  'resolve',
  'close',
  'reassign',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseRule {
  roles: readonly Role[];
  /** Statuses the action may start from; empty for `open`, which creates the case. */
  from: readonly CaseStatus[];
  /** The status after the action; null when it stays as it was. */
  to: CaseStatus | null;
  /** The step of SOP procedure 1 this realises; null for bookkeeping (reassign). */
  sopStep: number | null;
}

const HANDLERS: readonly Role[] = ['helpdesk', 'coordinator'];
const NOT_CLOSED = CASE_STATUSES.filter((s) => s !== 'closed');
const COUNTER_ROLES: readonly Role[] = ['helpdesk', 'coordinator', 'head'];

export const CASE_RULES: Record<CaseAction, CaseRule> = {
  open: { roles: COUNTER_ROLES, from: [], to: 'open', sopStep: 3 },
  // The head only for a case opened at their own counter: see mayEditIntake.
  intake: { roles: COUNTER_ROLES, from: ['open', 'escalated'], to: null, sopStep: 3 },
  handle: { roles: COUNTER_ROLES, from: ['open'], to: null, sopStep: 4 },
  escalate: { roles: HANDLERS, from: ['open', 'escalated'], to: 'escalated', sopStep: 5 },
  take: { roles: ['coordinator'], from: ['escalated'], to: null, sopStep: 5 },
  followup: { roles: HANDLERS, from: ['open', 'escalated', 'reported'], to: null, sopStep: 6 },
  report: { roles: HANDLERS, from: ['open', 'escalated'], to: 'reported', sopStep: 7 },
  recommend: { roles: ['head', 'admin'], from: ['reported'], to: null, sopStep: 8 },
  resolve: { roles: HANDLERS, from: ['open', 'escalated', 'reported'], to: 'resolved', sopStep: 6 },
  close: { roles: HANDLERS, from: ['resolved'], to: 'closed', sopStep: 9 },
  reassign: { roles: ['coordinator', 'head', 'admin'], from: NOT_CLOSED, to: null, sopStep: null },
};

/** A returning visitor's case can be attached to their new ticket unless it is closed (same roles as open). */
export const CASE_ATTACHABLE: readonly CaseStatus[] = NOT_CLOSED;

/** Who may own a case: those who handle it. */
export const CASE_OWNER_ROLES: readonly Role[] = HANDLERS;

export function caseRoleMay(role: Role, action: CaseAction): boolean {
  return CASE_RULES[action].roles.includes(role);
}

export function caseStatusAllows(status: CaseStatus, action: CaseAction): boolean {
  return CASE_RULES[action].from.includes(status);
}

/** May this role do this action on a case in this status? (`open` has no status: see caseRoleMay.) */
export function caseMayDo(role: Role, status: CaseStatus, action: CaseAction): boolean {
  return caseRoleMay(role, action) && caseStatusAllows(status, action);
}

/** The intake is the handlers' to keep; a head who served the visitor at a counter keeps that case's. */
export function mayEditIntake(user: { id: number; role: Role }, c: { status: CaseStatus; openedById: number }): boolean {
  return caseMayDo(user.role, c.status, 'intake') && (user.role !== 'head' || c.openedById === user.id);
}

export function caseStatusAfter(status: CaseStatus, action: CaseAction): CaseStatus {
  return CASE_RULES[action].to ?? status;
}

export const REQUIRED_INTAKE_FIELDS = ['visitorName', 'visitorType', 'category', 'title'] as const satisfies readonly (keyof CaseIntake)[];

/** The required intake fields still empty, in form order. */
export function missingIntakeFields(intake: CaseIntake): (typeof REQUIRED_INTAKE_FIELDS)[number][] {
  return REQUIRED_INTAKE_FIELDS.filter((f) => intake[f].trim() === '');
}

/** The shape of a visitor's e-mail address the intake accepts (something@somewhere); the form and the hub agree. */
export function isVisitorEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(text);
}

export const EMPTY_INTAKE: CaseIntake = {
  visitorName: '',
  visitorType: '',
  visitorOrg: '',
  visitorPhone: '',
  visitorEmail: '',
  module: '',
  errorCode: '',
  lpseTicket: '',
  category: '',
  title: '',
  description: '',
};

export const INTAKE_FIELDS = Object.keys(EMPTY_INTAKE) as (keyof CaseIntake)[];

/**
 * The intake fields a save changes, in form order: what the event log records of it, never the values, so
 * personal data stays in the case alone and the retention job can blank it there.
 */
export function changedIntakeFields(before: CaseIntake | null, after: CaseIntake): (keyof CaseIntake)[] {
  return INTAKE_FIELDS.filter((f) => after[f] !== (before ?? EMPTY_INTAKE)[f]);
}

/** Who the visitor is and how to reach them: what the retention job blanks in a closed case. */
export const PERSONAL_INTAKE_FIELDS = ['visitorName', 'visitorOrg', 'visitorPhone', 'visitorEmail'] as const satisfies readonly (keyof CaseIntake)[];

/** How long personal data in closed cases is kept, in days (the admin's setting): a default and bounds. */
export const RETENTION_DAYS = { default: 365, min: 30, max: 3650 } as const;

/** Escalating to LKPP goes through LPSE Support, so its ticket number is needed. */
export function needsLpseSupportTicket(target: EscalationTarget): boolean {
  return target !== 'coordinator';
}

/** The intake field a visitor told "later" must be reachable through, or null when none is needed. */
export function closeContactField(channel: CloseChannel): 'visitorPhone' | 'visitorEmail' | null {
  if (channel === 'phone') return 'visitorPhone';
  if (channel === 'email') return 'visitorEmail';
  return null;
}

/** May the case be closed through this channel with what its intake records? */
export function closeContactMissing(intake: CaseIntake | null, channel: CloseChannel): boolean {
  const field = closeContactField(channel);
  return field !== null && (intake?.[field] ?? '').trim() === '';
}

/** The reference the visitor takes home, numbered per year: `K-2026-00042`. */
export function formatCaseReference(year: number, seq: number): string {
  return `K-${year}-${String(seq).padStart(5, '0')}`;
}
