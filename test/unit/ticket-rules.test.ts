import { describe, expect, it } from 'vitest';
import { applyTicketAction, compareQueue, counterMayCall, IllegalTransition, TICKET_RULES, type TicketAction } from '../../shared/domain/ticketRules';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../../shared/domain/types';
import { ticketFixture } from '../helpers/fixtures';

const base = ticketFixture();

/**
 * The ticket's life, written out here by hand (not read from TICKET_RULES): each action, the statuses it
 * may start from, and where it leads.
 */
const EXPECTED: Record<TicketAction['type'], { from: TicketStatus[]; to: TicketStatus }> = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  no_show: { from: ['called'], to: 'no_show' },
  requeue: { from: ['no_show'], to: 'waiting' },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  cancel: { from: ['waiting', 'called'], to: 'cancelled' },
  expire: { from: ['waiting', 'called'], to: 'expired' },
  release: { from: ['called', 'serving'], to: 'waiting' },
};

function actionOf(type: TicketAction['type']): TicketAction {
  if (type === 'call') return { type, counterId: 1 };
  if (type === 'transfer') return { type, serviceCode: 'B', targetCounterId: null };
  return { type } as TicketAction;
}

describe('ticket transitions', () => {
  it('allows each action from exactly the statuses of the table, and leads where the table says', () => {
    expect(Object.keys(TICKET_RULES).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [type, expected] of Object.entries(EXPECTED) as [TicketAction['type'], (typeof EXPECTED)[TicketAction['type']]][]) {
      for (const status of TICKET_STATUSES) {
        const apply = () => applyTicketAction({ ...base, status }, actionOf(type), '2026-11-24T02:00:00.000Z');
        if (expected.from.includes(status)) expect(apply().status, `${type} from ${status}`).toBe(expected.to);
        else expect(apply, `${type} from ${status}`).toThrow(IllegalTransition);
      }
    }
  });

  it('keeps a transferred ticket’s place, puts a requeued one at the back', () => {
    const called = applyTicketAction(base, { type: 'call', counterId: 2 }, '2026-11-24T02:00:00.000Z');
    const moved = applyTicketAction(called, { type: 'transfer', serviceCode: 'B', targetCounterId: null }, '2026-11-24T02:05:00.000Z');
    expect(moved).toMatchObject({ status: 'waiting', serviceCode: 'B', number: 'A-001', queuedAt: base.queuedAt, counterId: null });
    const gone = applyTicketAction(called, { type: 'no_show' }, '2026-11-24T02:01:00.000Z');
    const back = applyTicketAction(gone, { type: 'requeue' }, '2026-11-24T03:00:00.000Z');
    expect(back).toMatchObject({ status: 'waiting', queuedAt: '2026-11-24T03:00:00.000Z' });
  });

  it('orders priority first, then by place in the queue', () => {
    const t = (id: number, queuedAt: string, priority = false): Ticket => ({ ...base, id, queuedAt, priority });
    const sorted = [t(1, '09:00'), t(2, '08:00'), t(3, '10:00', true), t(4, '08:00')].sort(compareQueue).map((x) => x.id);
    expect(sorted).toEqual([3, 2, 4, 1]);
  });

  it('lets only the named counter call a ticket sent to it', () => {
    const sent = { ...base, targetCounterId: 3 };
    expect(counterMayCall({ id: 1, serviceCodes: ['A'] }, sent)).toBe(false);
    expect(counterMayCall({ id: 3, serviceCodes: [] }, sent)).toBe(true);
    expect(counterMayCall({ id: 1, serviceCodes: ['B'] }, base)).toBe(false);
  });
});
