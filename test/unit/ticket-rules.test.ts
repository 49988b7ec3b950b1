import { describe, expect, it } from 'vitest';
import { applyTicketAction, compareQueue, counterMayCall, IllegalTransition, TICKET_RULES } from '../../shared/domain/ticketRules';
import { TICKET_STATUSES, type Ticket } from '../../shared/domain/types';
import { ticketFixture } from '../helpers/fixtures';

const base = ticketFixture();

describe('ticket transitions', () => {
  it('refuses every action from a status its rule does not list', () => {
    for (const [action, rule] of Object.entries(TICKET_RULES)) {
      for (const status of TICKET_STATUSES.filter((s) => !rule.from.includes(s))) {
        const act = action === 'call' ? { type: 'call' as const, counterId: 1 } : action === 'transfer'
          ? { type: 'transfer' as const, serviceCode: 'B', targetCounterId: null }
          : ({ type: action } as never);
        expect(() => applyTicketAction({ ...base, status }, act, 'now')).toThrow(IllegalTransition);
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
