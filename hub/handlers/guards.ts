// Checks and the one write path that ticket and counter handlers share.
import { applyTicketAction, IllegalTransition, TICKET_RULES, type TicketAction } from '../../shared/domain/ticketRules';
import { inSentence } from '../../shared/domain/caseWords';
import { TICKET_ACTION_WORDS, TICKET_STATUS_WORDS } from '../../shared/domain/ticketWords';
import type { Counter, Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { appendEvent, getCounter, getTicket, updateTicket } from '../db/index';
import { actorOf, type HandlerContext, type ReadContext } from '../context';

export function staffUser(ctx: ReadContext) {
  if (ctx.session.kind !== 'staff') throw new DomainError('NOT_AUTHENTICATED');
  return ctx.session.user;
}

/** A ticket of today's queue; a ticket from another day cannot be acted on. */
export function todaysTicket(ctx: HandlerContext, ticketId: number): Ticket {
  const ticket = getTicket(ctx.db, ticketId);
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  if (ticket.officeDay !== ctx.today) throw new DomainError('TICKET_NOT_TODAY', { ticket: ticket.number });
  return ticket;
}

/** The counter, held by the signed-in officer. */
export function heldCounter(ctx: HandlerContext, counterId: number): Counter {
  const user = staffUser(ctx);
  const counter = getCounter(ctx.db, counterId);
  if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
  if (counter.state === 'closed') throw new DomainError('COUNTER_NOT_OPEN');
  if (counter.userId !== user.id) throw new DomainError('COUNTER_NOT_YOURS');
  return counter;
}

/** The counter's current ticket must be this one. */
export function ticketAtCounter(ctx: HandlerContext, counter: Counter, ticketId: number): Ticket {
  const ticket = todaysTicket(ctx, ticketId);
  if (ticket.counterId !== counter.id || !['called', 'serving'].includes(ticket.status)) {
    throw new DomainError('TICKET_NOT_AT_COUNTER', { ticket: ticket.number });
  }
  return ticket;
}

/** Applies a ticket action, stores the ticket and appends the event, all in the caller's transaction. */
export function applyAndLog(ctx: HandlerContext, ticket: Ticket, action: TicketAction, counterId: number | null): Ticket {
  let next: Ticket;
  try {
    next = applyTicketAction(ticket, action, ctx.nowIso);
  } catch (e) {
    if (!(e instanceof IllegalTransition)) throw e;
    throw new DomainError('ILLEGAL_TRANSITION', {
      ticket: ticket.number,
      status: inSentence(TICKET_STATUS_WORDS[ticket.status][ctx.lang]),
      action: TICKET_ACTION_WORDS[action.type][ctx.lang],
    });
  }
  updateTicket(ctx.db, next);
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type: `ticket.${action.type}`,
    ticketId: ticket.id,
    counterId: counterId ?? ticket.counterId,
    ...actorOf(ctx.session),
    fromStatus: ticket.status,
    toStatus: next.status,
    sopStep: TICKET_RULES[action.type].sopStep,
    // A transfer keeps where the ticket came from, so its history can say "from … to …".
    data: action.type === 'transfer' ? { ...action, fromServiceCode: ticket.serviceCode } : action,
  });
  return next;
}
