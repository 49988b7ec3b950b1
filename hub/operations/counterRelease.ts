// Freeing a counter whose officer can no longer hold it (an admin deactivated the account, or gave it a role
// that holds no counter).
import type { Counter } from '../../shared/domain/types';
import { findActiveTicketAtCounter } from '../db/index';
import type { OperationContext } from '../context';
import { transitionCounter } from './counterTransition';
import { applyAndLog } from './ticketTransition';

/**
 * The counter's called or served ticket waits again at its old place, and the counter closes; both events
 * name the admin. Returns the ticket changed, if any.
 */
export function releaseCounter(ctx: OperationContext, counter: Counter): number[] {
  const current = findActiveTicketAtCounter(ctx.db, counter.id);
  if (current) applyAndLog(ctx, current, { type: 'release' }, counter.id);
  transitionCounter(ctx, counter, 'close', null, null, { released: true });
  return current ? [current.id] : [];
}
