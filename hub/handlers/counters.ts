// A counter's working day: take it, pause with a reason, resume (paused time is recorded), close.
import type { Counter } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { findActiveTicketAtCounter, findCounterHeldBy, getCounter } from '../db/index';
import { COUNTER_ROLES, staffUser, type Handler, type HandlerContext } from '../context';
import { transitionCounter } from '../operations/counterTransition';
import { heldCounter } from './guards';

function notBusy(ctx: HandlerContext, counter: Counter): void {
  const current = findActiveTicketAtCounter(ctx.db, counter.id);
  if (current) throw new DomainError('COUNTER_BUSY', { ticket: current.number });
}

const open: Handler<'counter:open'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const user = staffUser(ctx);
    const counter = getCounter(ctx.db, p.counterId);
    if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
    // Taking the counter you already hold (a reload, a second tab) is not an error.
    if (counter.userId === user.id) return { reply: counter };
    if (counter.state !== 'closed') throw new DomainError('COUNTER_TAKEN', { user: counter.userName ?? '?' });
    const other = findCounterHeldBy(ctx.db, user.id);
    if (other) throw new DomainError('ALREADY_HOLDING_COUNTER', { counter: other.name });
    return transitionCounter(ctx, counter, 'open', user.id, null);
  },
};

const pause: Handler<'counter:pause'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    notBusy(ctx, counter);
    return transitionCounter(ctx, counter, 'pause', counter.userId, p.reason, { reason: p.reason });
  },
};

function pausedSeconds(ctx: HandlerContext, counter: Counter, since: string | null): number {
  if (counter.state !== 'paused' || !since) return 0;
  return Math.max(0, Math.round((ctx.now.getTime() - Date.parse(since)) / 1000));
}

const resume: Handler<'counter:resume'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    const seconds = pausedSeconds(ctx, counter, counter.stateSince);
    return transitionCounter(ctx, counter, 'resume', counter.userId, null, { reason: counter.pauseReason, pausedSeconds: seconds });
  },
};

const close: Handler<'counter:close'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    notBusy(ctx, counter);
    const seconds = pausedSeconds(ctx, counter, counter.stateSince);
    return transitionCounter(ctx, counter, 'close', null, null, seconds ? { pausedSeconds: seconds } : {});
  },
};

export const counterHandlers = {
  'counter:open': open,
  'counter:pause': pause,
  'counter:resume': resume,
  'counter:close': close,
};
