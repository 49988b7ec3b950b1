// Checks that the ticket, case, counter and printing handlers share before they act. They only read (the
// session and the rows); the writes handlers share are domain operations, in hub/operations/.
import type { Counter, Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { getCounter, getTicket } from '../db/index';
import { staffUser, type HandlerContext } from '../context';

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
