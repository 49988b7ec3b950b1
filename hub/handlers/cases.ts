// The case of SOP steps 3–9: opened for the visit being served (hub/operations/visitCase.ts), then every
// action of the table in docs/product.md, each checked against CASE_RULES (role, from-status, what it needs)
// and the revision the client last saw. A case outlives its ticket: finishing the visit leaves it as it is,
// unless nothing was recorded in it (then it is withdrawn).
import {
  CASE_OWNER_ROLES,
  CASE_RULES,
  caseStatusAfter,
  caseStatusAllows,
  changedIntakeFields,
  closeContactField,
  closeContactMissing,
  mayEditIntake,
  missingIntakeFields,
  needsLpseSupportTicket,
  type CaseAction,
} from '../../shared/domain/caseRules';
import { CASE_LIST_ROWS } from '../../shared/domain/caseLists';
import { inSentence, INTAKE_FIELD_WORDS } from '../../shared/domain/caseWords';
import { ROLES, type Case, type Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import type { ParsedPayload } from '../../shared/protocol/schemas';
import { caseTimeline, listUsers, searchCases } from '../db/index';
import { staffUser, type Handler, type HandlerContext } from '../context';
import { existingCase, illegalCaseAction, recordCaseStep } from '../operations/caseStep';
import { attachVisitCase } from '../operations/visitCase';
import { heldCounter, ticketAtCounter } from './guards';

type CaseMutation =
  | 'case:intake'
  | 'case:handle'
  | 'case:escalate'
  | 'case:take'
  | 'case:followup'
  | 'case:report'
  | 'case:recommend'
  | 'case:resolve'
  | 'case:close'
  | 'case:reassign';

/**
 * A table action on an existing case: the dispatcher has checked the role (`who`), this checks the case, its
 * revision and status; `apply` checks what the action needs and gives the changed fields and the note.
 */
function caseAction<E extends CaseMutation>(
  action: CaseAction,
  apply: (ctx: HandlerContext, c: Case, p: ParsedPayload<E>) => { set?: Partial<Case>; note: string; data?: Record<string, unknown> },
): Handler<E> {
  return {
    who: CASE_RULES[action].roles,
    run(ctx, p) {
      const c = existingCase(ctx, p.caseId);
      if (p.revision !== c.revision) throw new DomainError('CASE_STALE');
      if (!caseStatusAllows(c.status, action)) throw illegalCaseAction(ctx, c, action);
      const { set, note, data } = apply(ctx, c, p);
      const next = { ...c, ...set, status: caseStatusAfter(c.status, action) };
      return recordCaseStep(ctx, c, next, { type: `case.${action}`, sopStep: CASE_RULES[action].sopStep, note, data });
    },
  };
}

/** The ticket being served (or called) at a counter the caller holds. */
function servedTicket(ctx: HandlerContext, p: { counterId: number; ticketId: number }): Ticket {
  return ticketAtCounter(ctx, heldCounter(ctx, p.counterId), p.ticketId);
}

/** The officer recognises a returning visitor after service started: their case replaces the new, empty one. */
const attach: Handler<'case:attach'> = {
  who: CASE_RULES.open.roles,
  run(ctx, p) {
    const ticket = servedTicket(ctx, p);
    if (ticket.status !== 'serving') throw new DomainError('TICKET_NOT_SERVING', { ticket: ticket.number });
    const { case: c, caseIds } = attachVisitCase(ctx, ticket, p.caseId, p.counterId);
    return { reply: c, change: { caseIds } };
  },
};

const intake = caseAction<'case:intake'>('intake', (ctx, c, p) => {
  if (!mayEditIntake(staffUser(ctx), c)) throw new DomainError('FORBIDDEN');
  const missing = missingIntakeFields(p.intake);
  if (missing.length) {
    throw new DomainError('CASE_INTAKE_INCOMPLETE', { fields: missing.map((f) => inSentence(INTAKE_FIELD_WORDS[f][ctx.lang])).join(', ') });
  }
  // The log records which fields changed, never their values: personal data stays in the case alone.
  return { set: { intake: p.intake }, note: '', data: { changed: changedIntakeFields(c.intake, p.intake) } };
});

const escalate = caseAction<'case:escalate'>('escalate', (_ctx, c, p) => {
  // A number given now, else one already on the case or brought by the visitor.
  const lpseSupportTicket = p.lpseSupportTicket || c.lpseSupportTicket || c.intake?.lpseTicket || '';
  if (needsLpseSupportTicket(p.target) && !lpseSupportTicket) throw new DomainError('CASE_LPSE_TICKET_REQUIRED');
  // The number is the intake's "LPSE Support ticket" too, when the intake has none yet.
  const intakeWithTicket = c.intake && !c.intake.lpseTicket ? { ...c.intake, lpseTicket: lpseSupportTicket } : c.intake;
  return {
    set: { escalationTarget: p.target, lpseSupportTicket, intake: intakeWithTicket },
    note: p.note ?? '',
    data: { target: p.target, lpseSupportTicket },
  };
});

const take = caseAction<'case:take'>('take', (ctx, c) => {
  const user = staffUser(ctx);
  return { set: { ownerId: user.id }, note: user.name, data: { fromOwnerId: c.ownerId, ownerId: user.id } };
});

const noted = <E extends 'case:handle' | 'case:followup' | 'case:report'>(action: CaseAction) =>
  caseAction<E>(action, (_ctx, _c, p) => ({ note: p.note }));

const recommend = caseAction<'case:recommend'>('recommend', (_ctx, _c, p) => ({
  set: { lastRecommendation: p.recommendation },
  note: p.recommendation,
}));

const resolve = caseAction<'case:resolve'>('resolve', (_ctx, _c, p) => ({
  set: { resolution: p.resolution },
  note: p.resolution,
}));

const close = caseAction<'case:close'>('close', (ctx, c, p) => {
  const field = closeContactField(p.channel);
  if (field && closeContactMissing(c.intake, p.channel)) {
    throw new DomainError('CASE_CONTACT_MISSING', { contact: inSentence(INTAKE_FIELD_WORDS[field][ctx.lang]) });
  }
  return { set: { closeChannel: p.channel }, note: '', data: { channel: p.channel } };
});

const reassign = caseAction<'case:reassign'>('reassign', (ctx, c, p) => {
  const owner = listUsers(ctx.db).find((u) => u.id === p.ownerId);
  if (!owner || !CASE_OWNER_ROLES.includes(owner.role)) throw new DomainError('CASE_OWNER_INVALID');
  return { set: { ownerId: owner.id }, note: owner.name, data: { fromOwnerId: c.ownerId, ownerId: owner.id } };
});

const get: Handler<'case:get'> = {
  who: ROLES,
  reads: true,
  run(ctx, p) {
    const c = existingCase(ctx, p.caseId);
    return { reply: { case: c, timeline: caseTimeline(ctx.db, c.id) } };
  },
};

const search: Handler<'case:search'> = {
  who: ROLES,
  reads: true,
  run(ctx, p) {
    const filter = { ...p, order: p.order ?? 'mine', limit: p.limit ?? CASE_LIST_ROWS, offset: p.offset ?? 0 };
    return { reply: searchCases(ctx.db, filter, staffUser(ctx).id) };
  },
};

export const caseHandlers = {
  'case:attach': attach,
  'case:intake': intake,
  'case:handle': noted<'case:handle'>('handle'),
  'case:escalate': escalate,
  'case:take': take,
  'case:followup': noted<'case:followup'>('followup'),
  'case:report': noted<'case:report'>('report'),
  'case:recommend': recommend,
  'case:resolve': resolve,
  'case:close': close,
  'case:reassign': reassign,
  'case:get': get,
  'case:search': search,
};
