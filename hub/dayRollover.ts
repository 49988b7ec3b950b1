// The end of an office day: tickets still waiting (or called and never served) expire, and a visit still
// being served is finished, so no counter starts the new day locked by yesterday's ticket; a case that visit
// left empty is withdrawn. Each with an event.
import { applyTicketAction, TICKET_RULES } from '../shared/domain/ticketRules';
import type { Change, HubDeps } from './context';
import { appendEvent, listUnfinishedBefore, updateTicket } from './db/index';
import { withdrawIfEmpty } from './operations/caseWithdrawal';

/** Run inside a transaction. */
export function expireEarlierDays(deps: HubDeps, today: string): Change {
  const at = deps.clock().toISOString();
  const ticketIds: number[] = [];
  const counterIds = new Set<number>();
  const caseIds: number[] = [];
  for (const ticket of listUnfinishedBefore(deps.db, today)) {
    const action = ticket.status === 'serving' ? ('finish' as const) : ('expire' as const);
    const closed = applyTicketAction(ticket, { type: action }, at);
    updateTicket(deps.db, closed);
    appendEvent(deps.db, {
      at,
      type: `ticket.${action}`,
      ticketId: ticket.id,
      counterId: ticket.counterId,
      fromStatus: ticket.status,
      toStatus: closed.status,
      sopStep: TICKET_RULES[action].sopStep,
      data: { type: action },
    });
    ticketIds.push(ticket.id);
    const withdrawn = withdrawIfEmpty(deps.db, ticket.id, { at, officeDay: today, userId: null, counterId: ticket.counterId });
    if (withdrawn !== null) caseIds.push(withdrawn);
    if (ticket.counterId !== null) counterIds.add(ticket.counterId);
  }
  return { ticketIds, counterIds: [...counterIds], caseIds };
}
