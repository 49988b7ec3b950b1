// The case of a visit (SOP step 3), inside `ticket:start`'s transaction or `case:attach`'s: a new case opened
// for the visit, or a returning visitor's open case attached to it in place of the new one.
import { CASE_ATTACHABLE, CASE_RULES, formatCaseReference } from '../../shared/domain/caseRules';
import type { Case, Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { appendEvent, findCaseOfTicket, insertCase, linkCaseTicket, nextCaseSequence, unlinkCaseTicket } from '../db/index';
import { staffUser, type OperationContext } from '../context';
import { existingCase, illegalCaseAction, recordCaseStep } from './caseStep';
import { withdrawIfEmpty } from './caseWithdrawal';

/**
 * The visit's new case, owned by the officer who starts it. A ticket that already has one (it was
 * transferred while served and is started again) keeps it.
 */
export function openVisitCase(ctx: OperationContext, ticket: Ticket, counterId: number): Case {
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
 * A returning visitor's open case continues at this visit, in place of the new case `ticket:start` opened
 * (withdrawn, when still empty); a new case with something recorded is not thrown away. Returns the case
 * and the cases changed (the attached one, and the one withdrawn).
 */
export function attachVisitCase(ctx: OperationContext, ticket: Ticket, caseId: number, counterId: number): { case: Case; caseIds: number[] } {
  const c = existingCase(ctx, caseId);
  const current = findCaseOfTicket(ctx.db, ticket.id);
  if (current?.id === c.id) return { case: c, caseIds: [] };
  if (!CASE_ATTACHABLE.includes(c.status)) throw illegalCaseAction(ctx, c, 'attach');
  const user = staffUser(ctx);
  const withdrawn = current
    ? withdrawIfEmpty(ctx.db, ticket.id, { at: ctx.nowIso, officeDay: ctx.today, userId: user.id, counterId })
    : null;
  if (current && withdrawn === null) {
    throw new DomainError('CASE_ALREADY_OPEN', { ticket: ticket.number, reference: current.reference });
  }
  if (current) unlinkCaseTicket(ctx.db, ticket.id);
  linkCaseTicket(ctx.db, { caseId: c.id, ticketId: ticket.id, at: ctx.nowIso, userId: user.id });
  const { reply } = recordCaseStep(ctx, c, { ...c, ticketId: ticket.id }, {
    type: 'case.attach',
    sopStep: CASE_RULES.open.sopStep,
    note: ticket.number,
    ticketId: ticket.id,
    counterId,
  });
  return { case: reply, caseIds: withdrawn === null ? [c.id] : [c.id, withdrawn] };
}
