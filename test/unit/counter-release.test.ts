// A counter's change of state (hub/operations/counterTransition.ts) and its release when its officer can no
// longer hold it (counterRelease.ts), on a real database without a hub.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain/types';
import { releaseCounter } from '../../hub/operations/counterRelease';
import { transitionCounter } from '../../hub/operations/counterTransition';
import { applyAndLog } from '../../hub/operations/ticketTransition';
import { openOfficeDb, type OfficeDb } from '../helpers/officeDb';

let office: OfficeDb;
beforeEach(() => {
  office = openOfficeDb();
});
afterEach(() => office.close());

/** hd1 takes counter 1; with `visit`, a visitor is called there and, for 'serving', served. */
function hd1AtCounter1(visit?: 'called' | 'serving'): Ticket | undefined {
  const hd1 = office.as('hd1');
  return office.inTransaction(() => {
    transitionCounter(hd1, office.counter(1), 'open', office.userId('hd1'), null);
    if (!visit) return undefined;
    const called = applyAndLog(hd1, office.issue(), { type: 'call', counterId: 1 }, 1);
    return visit === 'serving' ? applyAndLog(hd1, called, { type: 'start' }, 1) : called;
  });
}

it('takes a counter for its officer and logs it, and refuses a change its state does not allow, changing nothing', () => {
  const before = office.events().length;
  const taken = office.inTransaction(() => transitionCounter(office.as('hd1'), office.counter(1), 'open', office.userId('hd1'), null));
  expect(taken).toEqual({ reply: office.counter(1), change: { counterIds: [1] } });
  expect(taken.reply).toMatchObject({ state: 'open', userId: office.userId('hd1'), userName: 'Petugas 1', stateSince: office.as('hd1').nowIso });
  expect(office.events(before)).toMatchObject([{ type: 'counter.open', counterId: 1, userId: office.userId('hd1'), fromStatus: 'closed', toStatus: 'open' }]);

  const closed = office.counter(2);
  const after = office.events().length;
  expect(office.refusal(() => transitionCounter(office.as('hd2'), closed, 'pause', office.userId('hd2'), 'istirahat'))).toEqual({
    code: 'COUNTER_STATE',
    message: 'Loket sedang tutup; tindakan ini tidak bisa dilakukan.',
  });
  expect(office.counter(2)).toEqual(closed);
  expect(office.events(after)).toEqual([]);
});

it("frees a deactivated officer's counter: the visitor being served waits again at their place, the counter closes, both logged as the admin's", () => {
  const served = hd1AtCounter1('serving') as Ticket;
  const before = office.events().length;
  const changed = office.inTransaction(() => releaseCounter(office.as('admin'), office.counter(1)));

  expect(changed).toEqual([served.id]);
  // Their place: the ticket keeps its issue time and priority, so it is next again as it was.
  expect(office.ticket(served.id)).toMatchObject({ status: 'waiting', counterId: null, issuedAt: served.issuedAt, priority: served.priority });
  expect(office.counter(1)).toMatchObject({ state: 'closed', userId: null, pauseReason: null });
  const admin = office.userId('admin');
  expect(office.events(before)).toMatchObject([
    { type: 'ticket.release', ticketId: served.id, counterId: 1, userId: admin, fromStatus: 'serving', toStatus: 'waiting' },
    { type: 'counter.close', counterId: 1, userId: admin, fromStatus: 'open', toStatus: 'closed', data: { released: true } },
  ]);
});

it('frees a counter with a visitor only called there the same way, and one with nobody at it by closing it', () => {
  const called = hd1AtCounter1('called') as Ticket;
  expect(office.inTransaction(() => releaseCounter(office.as('admin'), office.counter(1)))).toEqual([called.id]);
  expect(office.ticket(called.id).status).toBe('waiting');

  hd1AtCounter1();
  const before = office.events().length;
  expect(office.inTransaction(() => releaseCounter(office.as('admin'), office.counter(1)))).toEqual([]);
  expect(office.counter(1).state).toBe('closed');
  expect(office.events(before).map((e) => e.type)).toEqual(['counter.close']);
});
