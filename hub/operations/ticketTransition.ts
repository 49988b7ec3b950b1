// A ticket's step through its state machine (shared/domain/ticketRules.ts), stored with its event: the write
// path of every counter action on a ticket, and of a counter released under its ticket.
import { applyTicketAction, IllegalTransition, TICKET_RULES, type TicketAction } from '../../shared/domain/ticketRules';
import { inSentence } from '../../shared/domain/caseWords';
import { TICKET_ACTION_WORDS, TICKET_STATUS_WORDS } from '../../shared/domain/ticketWords';
import type { Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { appendEvent, updateTicket } from '../db/index';
import { actorOf, type OperationContext } from '../context';

/** Applies a ticket action, stores the ticket and appends the event, all in the caller's transaction. */
export function applyAndLog(ctx: OperationContext, ticket: Ticket, action: TicketAction, counterId: number | null): Ticket {
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
