// A counter's working day: take it, pause with a reason, resume (paused time is recorded), close.
import { COUNTER_RULES, counterMayDo, type CounterAction } from '../../shared/domain/counterRules';
import type { Counter, PauseReason } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import {
  appendEvent,
  findActiveTicketAtCounter,
  findCounterHeldBy,
  getCounter,
  updateCounterState,
} from '../db/index';
import { COUNTER_ROLES, type Handler, type HandlerContext } from '../context';
import { applyAndLog, heldCounter, staffUser } from './guards';

const STATE_WORDS = {
  closed: { id: 'tutup', en: 'closed' },
  open: { id: 'buka', en: 'open' },
  paused: { id: 'istirahat', en: 'paused' },
} as const;

function transition(
  ctx: HandlerContext,
  counter: Counter,
  action: CounterAction,
  userId: number | null,
  pauseReason: PauseReason | null,
  data: Record<string, unknown> = {},
): { reply: Counter; change: { counterIds: number[] } } {
  if (!counterMayDo(counter.state, action)) {
    throw new DomainError('COUNTER_STATE', { state: STATE_WORDS[counter.state][ctx.lang] });
  }
  const state = COUNTER_RULES[action].to;
  updateCounterState(ctx.db, counter.id, { state, pauseReason, userId, since: ctx.nowIso });
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type: `counter.${action}`,
    counterId: counter.id,
    userId: staffUser(ctx).id,
    fromStatus: counter.state,
    toStatus: state,
    data,
  });
  return { reply: getCounter(ctx.db, counter.id) as Counter, change: { counterIds: [counter.id] } };
}

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
    return transition(ctx, counter, 'open', user.id, null);
  },
};

const pause: Handler<'counter:pause'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    notBusy(ctx, counter);
    return transition(ctx, counter, 'pause', counter.userId, p.reason, { reason: p.reason });
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
    return transition(ctx, counter, 'resume', counter.userId, null, { reason: counter.pauseReason, pausedSeconds: seconds });
  },
};

const close: Handler<'counter:close'> = {
  who: COUNTER_ROLES,
  run(ctx, p) {
    const counter = heldCounter(ctx, p.counterId);
    notBusy(ctx, counter);
    const seconds = pausedSeconds(ctx, counter, counter.stateSince);
    return transition(ctx, counter, 'close', null, null, seconds ? { pausedSeconds: seconds } : {});
  },
};

/**
 * Frees a counter whose officer can no longer hold it (their account was deactivated): its called or served
 * ticket waits again at its old place, and the counter closes. Returns the ticket changed, if any.
 */
export function releaseCounter(ctx: HandlerContext, counter: Counter): number[] {
  const current = findActiveTicketAtCounter(ctx.db, counter.id);
  if (current) applyAndLog(ctx, current, { type: 'release' }, counter.id);
  transition(ctx, counter, 'close', null, null, { released: true });
  return current ? [current.id] : [];
}

export const counterHandlers = {
  'counter:open': open,
  'counter:pause': pause,
  'counter:resume': resume,
  'counter:close': close,
};
