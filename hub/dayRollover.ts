// The end of an office day: tickets still waiting (or called and never served) expire, with an event.
import { applyTicketAction, TICKET_RULES } from '../shared/domain/ticketRules';
import type { Change, HubDeps } from './context';
import { appendEvent, listUnfinishedBefore, updateTicket } from './db/index';

/** Run inside a transaction. */
export function expireEarlierDays(deps: HubDeps, today: string): Change {
  const at = deps.clock().toISOString();
  const ticketIds: number[] = [];
  const counterIds = new Set<number>();
  for (const ticket of listUnfinishedBefore(deps.db, today)) {
    const expired = applyTicketAction(ticket, { type: 'expire' }, at);
    updateTicket(deps.db, expired);
    appendEvent(deps.db, {
      at,
      type: 'ticket.expire',
      ticketId: ticket.id,
      counterId: ticket.counterId,
      fromStatus: ticket.status,
      toStatus: expired.status,
      sopStep: TICKET_RULES.expire.sopStep,
      data: { type: 'expire' },
    });
    ticketIds.push(ticket.id);
    if (ticket.counterId !== null) counterIds.add(ticket.counterId);
  }
  return { ticketIds, counterIds: [...counterIds] };
}
