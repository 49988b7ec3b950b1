// A counter's change of state (shared/domain/counterRules.ts), stored with its event: taking, pausing,
// resuming and closing it, and its release when its officer can no longer hold it.
import { COUNTER_RULES, counterMayDo, type CounterAction } from '../../shared/domain/counterRules';
import type { Counter, PauseReason } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/errors';
import { appendEvent, getCounter, updateCounterState } from '../db/index';
import { staffUser, type OperationContext } from '../context';

const STATE_WORDS = {
  closed: { id: 'tutup', en: 'closed' },
  open: { id: 'buka', en: 'open' },
  paused: { id: 'istirahat', en: 'paused' },
} as const;

/**
 * Moves the counter by `action`, held by `userId` afterwards (null: nobody), in the caller's transaction; the
 * event names the staff member who acted.
 */
export function transitionCounter(
  ctx: OperationContext,
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
