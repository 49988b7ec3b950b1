// The ticket's life as pure rules. The hub applies these to the stored ticket inside its transaction
// and appends the action to the event log; replaying the log through the same function rebuilds the
// tickets exactly, which is how the audit trail is checked.
import type { Ticket, TicketStatus } from './types';

export type TicketAction =
  | { type: 'call'; counterId: number }
  | { type: 'recall' }
  | { type: 'no_show' }
  | { type: 'requeue' }
  | { type: 'transfer'; serviceCode: string; targetCounterId: number | null }
  | { type: 'start' }
  | { type: 'finish' }
  | { type: 'cancel' }
  | { type: 'expire' }
  | { type: 'release' };

export type TicketActionType = TicketAction['type'] | 'issue';

interface Rule {
  from: readonly TicketStatus[];
  to: TicketStatus;
  /** The step of SOP procedure 1 this realises. */
  sopStep: number;
}

export const TICKET_RULES: Record<TicketAction['type'], Rule> = {
  call: { from: ['waiting'], to: 'called', sopStep: 2 },
  recall: { from: ['called'], to: 'called', sopStep: 2 },
  no_show: { from: ['called'], to: 'no_show', sopStep: 2 },
  requeue: { from: ['no_show'], to: 'waiting', sopStep: 2 },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting', sopStep: 2 },
  start: { from: ['called'], to: 'serving', sopStep: 3 },
  finish: { from: ['serving'], to: 'done', sopStep: 3 },
  cancel: { from: ['waiting', 'called'], to: 'cancelled', sopStep: 2 },
  expire: { from: ['waiting', 'called'], to: 'expired', sopStep: 2 },
  // The officer's account was deactivated mid-visit: the visitor waits again at their old place.
  release: { from: ['called', 'serving'], to: 'waiting', sopStep: 2 },
};

export const ISSUE_SOP_STEP = 2;

export class IllegalTransition extends Error {
  constructor(
    readonly action: TicketAction['type'],
    readonly from: TicketStatus,
  ) {
    super(`cannot ${action} a ticket that is ${from}`);
  }
}

export function canApply(ticket: Ticket, action: TicketAction['type']): boolean {
  return TICKET_RULES[action].from.includes(ticket.status);
}

/** The ticket after `action` at instant `at`; throws IllegalTransition when its status forbids it. */
export function applyTicketAction(ticket: Ticket, action: TicketAction, at: string): Ticket {
  if (!canApply(ticket, action.type)) throw new IllegalTransition(action.type, ticket.status);
  const status = TICKET_RULES[action.type].to;
  switch (action.type) {
    case 'call':
      return { ...ticket, status, counterId: action.counterId, calledAt: at, targetCounterId: null };
    case 'recall':
      return { ...ticket, status, recallCount: ticket.recallCount + 1 };
    case 'no_show':
      return { ...ticket, status, finishedAt: at };
    case 'requeue':
      // Goes behind those already waiting: its place is the time it came back.
      return { ...ticket, status, queuedAt: at, counterId: null, finishedAt: null };
    case 'transfer':
      // Keeps its number and its original place (queuedAt) in the new service.
      return {
        ...ticket,
        status,
        serviceCode: action.serviceCode,
        transferredFrom: ticket.serviceCode,
        targetCounterId: action.targetCounterId,
        counterId: null,
        servingAt: null,
      };
    case 'start':
      return { ...ticket, status, servingAt: at };
    case 'release':
      return { ...ticket, status, counterId: null, servingAt: null };
    case 'finish':
    case 'cancel':
    case 'expire':
      return { ...ticket, status, finishedAt: at };
  }
}

/** Queue order: priority tickets first, then first come first served, then issue order. */
export function compareQueue(a: Ticket, b: Ticket): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? -1 : 1;
  return a.id - b.id;
}

/** May this counter call this waiting ticket? Its services, unless the ticket was sent to a named counter. */
export function counterMayCall(
  counter: { id: number; serviceCodes: readonly string[] },
  ticket: Ticket,
): boolean {
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id;
  return counter.serviceCodes.includes(ticket.serviceCode);
}

export function formatTicketNumber(serviceCode: string, seq: number): string {
  return `${serviceCode}-${String(seq).padStart(3, '0')}`;
}

/** The service a ticket was issued for, which its number carries: a transfer changes its service, not its number. */
export function issuedServiceCode(ticket: Pick<Ticket, 'number'>): string {
  return ticket.number.slice(0, ticket.number.lastIndexOf('-'));
}

/** A ticket as issued: waiting in its service's queue from the issue time, at no counter yet. */
export function issuedTicket(t: Pick<Ticket, 'officeDay' | 'number' | 'serviceCode' | 'priority' | 'issuedAt' | 'deviceId'>): Omit<Ticket, 'id'> {
  return {
    ...t,
    status: 'waiting',
    queuedAt: t.issuedAt,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    targetCounterId: null,
    recallCount: 0,
    transferredFrom: null,
  };
}

export interface TicketEventRecord {
  ticketId: number;
  type: TicketActionType;
  at: string;
  /** For `issue`: the ticket as issued; otherwise the action. */
  data: Ticket | TicketAction;
}

/** Rebuilds every ticket from its events, in log order. */
export function replayTickets(events: Iterable<TicketEventRecord>): Map<number, Ticket> {
  const tickets = new Map<number, Ticket>();
  for (const e of events) {
    if (e.type === 'issue') {
      tickets.set(e.ticketId, e.data as Ticket);
      continue;
    }
    const current = tickets.get(e.ticketId);
    if (!current) throw new Error(`event for unknown ticket ${e.ticketId}`);
    tickets.set(e.ticketId, applyTicketAction(current, e.data as TicketAction, e.at));
  }
  return tickets;
}
