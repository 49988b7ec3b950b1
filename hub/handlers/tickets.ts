// The queue: issue a number (SOP step 2) and everything a counter does with it.
import { randomBytes } from 'node:crypto';
import { formatOfficeDateTime, openState } from '../../shared/domain/officeTime';
import { formatTicketNumber, ISSUE_SOP_STEP, issuedServiceCode, issuedTicket } from '../../shared/domain/ticketRules';
import type { Call, Case, Ticket } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import {
  appendEvent,
  findActiveService,
  findActiveTicketAtCounter,
  findCounterHeldBy,
  findNextForCounter,
  findTicketByRequest,
  getCounter,
  getSettings,
  insertTicket,
  latestCall,
  nextSequence,
} from '../db/index';
import { actorOf, COUNTER_ROLES, staffUser, type Handler, type HandlerContext } from '../context';
import { withdrawIfEmpty } from '../operations/caseWithdrawal';
import { applyAndLog } from '../operations/ticketTransition';
import { attachVisitCase, openVisitCase } from '../operations/visitCase';
import { issued } from '../visitor';
import { heldCounter, ticketAtCounter, todaysTicket } from './guards';

const ISSUERS = ['kiosk', ...COUNTER_ROLES] as const;

const issue: Handler<'ticket:issue'> = {
  who: ISSUERS,
  retryGetsFirstReply: true,
  run(ctx, p) {
    const session = ctx.session;
    const requester = session.kind === 'kiosk' ? `device:${session.device.id}` : `user:${actorOf(session).userId}`;
    const service = findActiveService(ctx.db, p.serviceCode);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND', { service: p.serviceCode });
    // A retried request (a kiosk that timed out) gets the first answer, and nothing is printed twice.
    const earlier = findTicketByRequest(ctx.db, requester, p.requestId);
    const settings = getSettings(ctx.db);
    if (earlier) {
      // The id names one request: the same id for another service or priority is no retry of it.
      if (issuedServiceCode(earlier) !== service.code || earlier.priority !== (p.priority ?? false)) {
        throw new DomainError('REQUEST_ID_REUSED');
      }
      // A retry belongs to the moment it was made: yesterday's number is no answer to a tap today.
      if (earlier.officeDay !== ctx.today) throw new DomainError('REQUEST_EXPIRED');
      return { reply: issued(ctx, earlier, service.name, { settings }) };
    }

    const state = openState(ctx.now, ctx.deps.timeZone, settings.openingHours);
    if (!state.open) {
      if (!state.opensAt) throw new DomainError('OFFICE_CLOSED_NO_HOURS');
      throw new DomainError('OFFICE_CLOSED', {
        opensAt: formatOfficeDateTime(state.opensAt, ctx.deps.timeZone, ctx.lang),
      });
    }
    // The priority question is the office's to turn on, and then the service's to ask.
    if (p.priority && !(settings.priorityEnabled && service.askPriority)) throw new DomainError('PRIORITY_DISABLED');
    // Only issued tickets count against a kiosk's minute: a refusal, or a fault that rolled the issue back
    // (a full disk), takes no place in it.
    if (session.kind === 'kiosk') {
      const wait = ctx.limits.kiosk.wait(requester, settings.kioskRateLimitPerMinute, ctx.now.getTime());
      if (wait > 0) throw new DomainError('KIOSK_RATE_LIMITED', { seconds: String(wait) });
    }

    const seq = nextSequence(ctx.db, ctx.deps.numbers, ctx.today, service.code);
    const draft = issuedTicket({
      officeDay: ctx.today,
      number: formatTicketNumber(service.code, seq),
      serviceCode: service.code,
      priority: p.priority ?? false,
      issuedAt: ctx.nowIso,
      deviceId: session.kind === 'kiosk' ? session.device.id : null,
    });
    // 128 random bits, unrelated to the number or id: the visitor's page cannot be found by counting.
    const visitorCode = randomBytes(16).toString('base64url');
    const id = insertTicket(ctx.db, draft, requester, p.requestId, visitorCode);
    const ticket: Ticket = { id, ...draft };
    appendEvent(ctx.db, {
      at: ctx.nowIso,
      type: 'ticket.issue',
      ticketId: id,
      ...actorOf(session),
      toStatus: 'waiting',
      sopStep: ISSUE_SOP_STEP,
      data: ticket,
    });
    const reply = issued(ctx, ticket, service.name, { settings, visitorCode });
    if (session.kind === 'kiosk') {
      // Held, last, so that the kiosk's next issue in this same commit counts this one; counted for good once
      // it is committed.
      const place = ctx.limits.kiosk.hold(requester);
      ctx.afterCommit(() => place.confirm(ctx.now.getTime()));
    }
    return { reply, change: { ticketIds: [id], waiting: true } };
  },
};

/** A counter that may call: held, not paused, with nobody at it. */
function readyCounter(ctx: HandlerContext, counterId: number) {
  const counter = heldCounter(ctx, counterId);
  if (counter.state === 'paused') throw new DomainError('COUNTER_PAUSED');
  const current = findActiveTicketAtCounter(ctx.db, counter.id);
  if (current) throw new DomainError('COUNTER_BUSY', { ticket: current.number });
  return counter;
}

function called(ctx: HandlerContext, ticket: Ticket, counterId: number) {
  return {
    reply: ticket,
    change: { ticketIds: [ticket.id], counterIds: [counterId], calls: callsOf(ctx, ticket), waiting: true },
  };
}

/** The call or recall just logged for the ticket, as the waiting room is told it. */
function callsOf(ctx: HandlerContext, ticket: Ticket): Call[] {
  const call = latestCall(ctx.db, ticket.id);
  return call ? [call] : [];
}

const callNext: Handler<'ticket:callNext'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = readyCounter(ctx, p.counterId);
    const next = findNextForCounter(ctx.db, ctx.today, counter.id);
    if (!next) throw new DomainError('QUEUE_EMPTY');
    return called(ctx, applyAndLog(ctx, next, { type: 'call', counterId: counter.id }, counter.id), counter.id);
  },
};

const callSpecific: Handler<'ticket:callSpecific'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = readyCounter(ctx, p.counterId);
    const ticket = todaysTicket(ctx, p.ticketId);
    if (ticket.targetCounterId !== null && ticket.targetCounterId !== counter.id) {
      throw new DomainError('TICKET_NOT_FOR_COUNTER', { ticket: ticket.number });
    }
    return called(ctx, applyAndLog(ctx, ticket, { type: 'call', counterId: counter.id }, counter.id), counter.id);
  },
};

const recall: Handler<'ticket:recall'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const ticket = applyAndLog(ctx, ticketAtCounter(ctx, counter, p.ticketId), { type: 'recall' }, counter.id);
    return { reply: ticket, change: { ticketIds: [ticket.id], calls: callsOf(ctx, ticket) } };
  },
};

const noShow: Handler<'ticket:noShow'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const ticket = applyAndLog(ctx, ticketAtCounter(ctx, counter, p.ticketId), { type: 'no_show' }, counter.id);
    return { reply: ticket, change: { ticketIds: [ticket.id], counterIds: [counter.id] } };
  },
};

/**
 * SOP step 3: service starts and the visit's case opens (or the returning visitor's chosen case is attached)
 * in this one transaction, so a ticket being served always has its case.
 */
const start: Handler<'ticket:start'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const ticket = applyAndLog(ctx, ticketAtCounter(ctx, counter, p.ticketId), { type: 'start' }, counter.id);
    // Attaching also reports the case it withdrew (a transferred visit's empty one), if any.
    let visit: { case: Case; caseIds: number[] };
    if (p.caseId === undefined) {
      const opened = openVisitCase(ctx, ticket, counter.id);
      visit = { case: opened, caseIds: [opened.id] };
    } else visit = attachVisitCase(ctx, ticket, p.caseId, counter.id);
    return {
      reply: { ticket, case: visit.case },
      change: { ticketIds: [ticket.id], counterIds: [counter.id], caseIds: visit.caseIds },
    };
  },
};

/** The visit ends; a case it left empty is withdrawn with it. */
const finish: Handler<'ticket:finish'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const ticket = applyAndLog(ctx, ticketAtCounter(ctx, counter, p.ticketId), { type: 'finish' }, counter.id);
    const withdrawn = withdrawIfEmpty(ctx.db, ticket.id, {
      at: ctx.nowIso,
      officeDay: ctx.today,
      userId: staffUser(ctx).id,
      counterId: counter.id,
    });
    const change = { ticketIds: [ticket.id], counterIds: [counter.id], caseIds: withdrawn === null ? [] : [withdrawn] };
    return { reply: ticket, change };
  },
};

const requeue: Handler<'ticket:requeue'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const ticket = applyAndLog(ctx, todaysTicket(ctx, p.ticketId), { type: 'requeue' }, null);
    return { reply: ticket, change: { ticketIds: [ticket.id], waiting: true } };
  },
};

const transfer: Handler<'ticket:transfer'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const ticket = ticketAtCounter(ctx, counter, p.ticketId);
    let serviceCode = ticket.serviceCode;
    let targetCounterId: number | null = null;
    if (p.serviceCode !== undefined) {
      if (p.serviceCode === ticket.serviceCode || !findActiveService(ctx.db, p.serviceCode)) {
        throw new DomainError('TRANSFER_TARGET_INVALID');
      }
      serviceCode = p.serviceCode;
    } else {
      const target = getCounter(ctx.db, p.toCounterId as number);
      if (!target || target.id === counter.id) throw new DomainError('TRANSFER_TARGET_INVALID');
      targetCounterId = target.id;
    }
    const next = applyAndLog(ctx, ticket, { type: 'transfer', serviceCode, targetCounterId }, counter.id);
    return { reply: next, change: { ticketIds: [next.id], counterIds: [counter.id], waiting: true } };
  },
};

const cancel: Handler<'ticket:cancel'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const before = todaysTicket(ctx, p.ticketId);
    // A waiting ticket any officer may cancel (the visitor left); a called one only its counter's holder.
    if (before.counterId !== null && findCounterHeldBy(ctx.db, staffUser(ctx).id)?.id !== before.counterId) {
      throw new DomainError('TICKET_NOT_AT_COUNTER', { ticket: before.number });
    }
    const ticket = applyAndLog(ctx, before, { type: 'cancel' }, null);
    const counterIds = before.counterId === null ? [] : [before.counterId];
    return { reply: ticket, change: { ticketIds: [ticket.id], counterIds, waiting: true } };
  },
};

export const ticketHandlers = {
  'ticket:issue': issue,
  'ticket:callNext': callNext,
  'ticket:callSpecific': callSpecific,
  'ticket:recall': recall,
  'ticket:noShow': noShow,
  'ticket:requeue': requeue,
  'ticket:transfer': transfer,
  'ticket:start': start,
  'ticket:finish': finish,
  'ticket:cancel': cancel,
};
