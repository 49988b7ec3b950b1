// The case of SOP steps 3–9: opened for the visit being served, then every action of the table in
// docs/product.md, each checked against CASE_RULES (role, from-status, what it needs) and the revision the
// client last saw. A case outlives its ticket: finishing the visit leaves it as it is, unless nothing was
// recorded in it (then it is withdrawn).
import {
  CASE_ATTACHABLE,
  CASE_OWNER_ROLES,
  CASE_RULES,
  caseStatusAfter,
  caseStatusAllows,
  changedIntakeFields,
  closeContactField,
  closeContactMissing,
  formatCaseReference,
  mayEditIntake,
  missingIntakeFields,
  needsLpseSupportTicket,
  type CaseAction,
} from '../../shared/domain/caseRules';
import { CASE_LIST_ROWS } from '../../shared/domain/caseLists';
import { CASE_ACTION_WORDS, CASE_STATUS_WORDS, inSentence, INTAKE_FIELD_WORDS } from '../../shared/domain/caseWords';
import { CASE_WITHDRAWN, ROLES, type Case, type Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import type { ParsedPayload } from '../../shared/protocol/schemas';
import {
  appendEvent,
  caseIsEmpty,
  caseTimeline,
  findCaseOfTicket,
  getCase,
  insertCase,
  linkCaseTicket,
  listUsers,
  nextCaseSequence,
  searchCases,
  unlinkCaseTicket,
  updateCase,
  type Db,
} from '../db/index';
import type { Handler, HandlerContext, ReadContext } from '../context';
import { heldCounter, staffUser, ticketAtCounter } from './guards';

function illegal(ctx: HandlerContext, c: Case, action: CaseAction | 'attach'): DomainError {
  return new DomainError('CASE_ILLEGAL', {
    reference: c.reference,
    status: inSentence(CASE_STATUS_WORDS[c.status][ctx.lang]),
    action: CASE_ACTION_WORDS[action][ctx.lang],
  });
}

function existingCase(ctx: ReadContext, caseId: number): Case {
  const c = getCase(ctx.db, caseId);
  if (!c) throw new DomainError('CASE_NOT_FOUND');
  return c;
}

interface Step {
  type: string;
  sopStep: number | null;
  /** The text the timeline shows; the rest of `data` is kept for the audit. */
  note: string;
  data?: Record<string, unknown>;
  ticketId?: number;
  counterId?: number;
}

/** Stores the case's next state (revision bumped) and appends its event, in the caller's transaction. */
function record(ctx: HandlerContext, before: Case, next: Case, step: Step): { reply: Case; change: { caseIds: number[] } } {
  updateCase(ctx.db, { ...next, revision: before.revision + 1, updatedAt: ctx.nowIso }, ctx.today);
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type: step.type,
    caseId: before.id,
    ticketId: step.ticketId ?? null,
    counterId: step.counterId ?? null,
    userId: staffUser(ctx).id,
    fromStatus: before.status,
    toStatus: next.status,
    sopStep: step.sopStep,
    data: { note: step.note, ...step.data },
  });
  return { reply: existingCase(ctx, before.id), change: { caseIds: [before.id] } };
}

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
      if (!caseStatusAllows(c.status, action)) throw illegal(ctx, c, action);
      const { set, note, data } = apply(ctx, c, p);
      const next = { ...c, ...set, status: caseStatusAfter(c.status, action) };
      return record(ctx, c, next, { type: `case.${action}`, sopStep: CASE_RULES[action].sopStep, note, data });
    },
  };
}

/** The ticket being served (or called) at a counter the caller holds. */
function servedTicket(ctx: HandlerContext, p: { counterId: number; ticketId: number }): Ticket {
  return ticketAtCounter(ctx, heldCounter(ctx, p.counterId), p.ticketId);
}

/**
 * SOP step 3, inside `ticket:start`'s transaction: the visit's new case. A ticket that already has one (it was
 * transferred while served and is started again) keeps it.
 */
export function openVisitCase(ctx: HandlerContext, ticket: Ticket, counterId: number): Case {
  const existing = findCaseOfTicket(ctx.db, ticket.id);
  if (existing) return existing;
  const user = staffUser(ctx);
  const year = Number(ctx.today.slice(0, 4));
  const reference = formatCaseReference(year, nextCaseSequence(ctx.db, year));
  const id = insertCase(ctx.db, {
    reference,
    ownerId: user.id,
    ticketId: ticket.id,
    openedAt: ctx.nowIso,
    openedDay: ctx.today,
  });
  linkCaseTicket(ctx.db, { caseId: id, ticketId: ticket.id, at: ctx.nowIso, userId: user.id });
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type: 'case.open',
    caseId: id,
    ticketId: ticket.id,
    counterId,
    userId: user.id,
    toStatus: CASE_RULES.open.to,
    sopStep: CASE_RULES.open.sopStep,
    data: { note: ticket.number, reference },
  });
  return existingCase(ctx, id);
}

/**
 * A case whose only event is its opening is withdrawn when its visit ends (finished by the officer, by the
 * day's end, or replaced by an attached case): nothing was recorded, so no board, list or figure counts it.
 * Returns the id of the case withdrawn, if any.
 */
export function withdrawIfEmpty(
  db: Db,
  ticketId: number,
  e: { at: string; officeDay: string; userId: number | null; counterId: number | null },
): number | null {
  const c = findCaseOfTicket(db, ticketId);
  if (!c || c.status !== 'open' || !caseIsEmpty(db, c.id)) return null;
  updateCase(db, { ...c, status: CASE_WITHDRAWN, revision: c.revision + 1, updatedAt: e.at }, e.officeDay);
  appendEvent(db, {
    at: e.at,
    type: 'case.withdraw',
    caseId: c.id,
    ticketId,
    counterId: e.counterId,
    userId: e.userId,
    fromStatus: c.status,
    toStatus: CASE_WITHDRAWN,
    sopStep: CASE_RULES.open.sopStep,
    data: { note: '' },
  });
  return c.id;
}

/**
 * A returning visitor's open case continues at this visit, in place of the new case `ticket:start` opened
 * (withdrawn, when still empty); a new case with something recorded is not thrown away.
 */
export function attachVisitCase(ctx: HandlerContext, ticket: Ticket, caseId: number, counterId: number): { case: Case; caseIds: number[] } {
  const c = existingCase(ctx, caseId);
  const current = findCaseOfTicket(ctx.db, ticket.id);
  if (current?.id === c.id) return { case: c, caseIds: [] };
  if (!CASE_ATTACHABLE.includes(c.status)) throw illegal(ctx, c, 'attach');
  const user = staffUser(ctx);
  const withdrawn = current
    ? withdrawIfEmpty(ctx.db, ticket.id, { at: ctx.nowIso, officeDay: ctx.today, userId: user.id, counterId })
    : null;
  if (current && withdrawn === null) {
    throw new DomainError('CASE_ALREADY_OPEN', { ticket: ticket.number, reference: current.reference });
  }
  if (current) unlinkCaseTicket(ctx.db, ticket.id);
  linkCaseTicket(ctx.db, { caseId: c.id, ticketId: ticket.id, at: ctx.nowIso, userId: user.id });
  const { reply } = record(ctx, c, { ...c, ticketId: ticket.id }, {
    type: 'case.attach',
    sopStep: CASE_RULES.open.sopStep,
    note: ticket.number,
    ticketId: ticket.id,
    counterId,
  });
  return { case: reply, caseIds: withdrawn === null ? [c.id] : [c.id, withdrawn] };
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
