// The visitor's phone, from the ticket's QR: that one ticket, as its holder needs it. Nothing here carries a
// name, a case or another ticket.
import type { VisitorView } from '../../shared/protocol/events';
import { getTicket, isSurveyed, type ReadDb } from '../db/index';
import { queuePosition } from '../visitor';
import { serviceNames, type ViewBasis } from './personal';

/** The visitor's view of their ticket (tickets are never deleted). */
export function visitorView(db: ReadDb, ticketId: number, basis: ViewBasis): VisitorView {
  const ticket = getTicket(db, ticketId);
  if (!ticket) throw new Error(`ticket ${ticketId} is gone`);
  const waiting = ticket.status === 'waiting';
  const { ahead, etaMinutes } = waiting ? queuePosition(db, ticket, basis.durations) : { ahead: 0, etaMinutes: 0 };
  const atCounter = ticket.status === 'called' || ticket.status === 'serving';
  const counter = atCounter ? basis.counters.find((c) => c.id === ticket.counterId) : undefined;
  const surveyed = isSurveyed(db, ticket.id);
  return {
    officeDay: ticket.officeDay,
    number: ticket.number,
    serviceCode: ticket.serviceCode,
    ...serviceNames(basis, ticket.serviceCode),
    status: ticket.status,
    ahead,
    etaMinutes,
    counter: counter ? { name: counter.name, number: counter.number } : null,
    recallCount: ticket.recallCount,
    transferred: ticket.transferredFrom !== null,
    surveyOpen: basis.settings.surveyEnabled && ticket.status === 'done' && !surveyed,
    surveyed,
  };
}
