// A counter's working state as pure rules, applied by the hub inside its transaction.
import type { CounterState } from './types';

export type CounterAction = 'open' | 'pause' | 'resume' | 'close';

export const COUNTER_RULES: Record<CounterAction, { from: readonly CounterState[]; to: CounterState }> = {
  open: { from: ['closed'], to: 'open' },
  pause: { from: ['open'], to: 'paused' },
  resume: { from: ['paused'], to: 'open' },
  close: { from: ['open', 'paused'], to: 'closed' },
};

export function counterMayDo(state: CounterState, action: CounterAction): boolean {
  return COUNTER_RULES[action].from.includes(state);
}
