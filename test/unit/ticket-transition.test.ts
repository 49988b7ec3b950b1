// A ticket's step as hub/operations/ticketTransition.ts stores it, on a real database without a hub: the
// ticket and its event change together, and a step its status does not allow changes neither.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyAndLog } from '../../hub/operations/ticketTransition';
import { openOfficeDb, type OfficeDb } from '../helpers/officeDb';

let office: OfficeDb;
beforeEach(() => {
  office = openOfficeDb();
});
afterEach(() => office.close());

it('stores a call at the counter and logs it as the officer\'s step, in the same transaction', () => {
  const hd1 = office.as('hd1');
  const waiting = office.issue();
  const before = office.events().length;
  const called = office.inTransaction(() => applyAndLog(hd1, waiting, { type: 'call', counterId: 1 }, 1));

  expect(called).toMatchObject({ status: 'called', counterId: 1, calledAt: hd1.nowIso });
  expect(office.ticket(waiting.id)).toEqual(called);
  expect(office.events(before)).toEqual([
    {
      type: 'ticket.call',
      ticketId: waiting.id,
      counterId: 1,
      caseId: null,
      userId: office.userId('hd1'),
      fromStatus: 'waiting',
      toStatus: 'called',
      sopStep: 2,
      data: { type: 'call', counterId: 1 },
    },
  ]);
});

it('logs a step without a counter of its own at the counter the ticket is at', () => {
  const hd1 = office.as('hd1');
  const ticket = office.inTransaction(() => applyAndLog(hd1, office.issue(), { type: 'call', counterId: 2 }, 2));
  const before = office.events().length;
  office.inTransaction(() => applyAndLog(hd1, ticket, { type: 'cancel' }, null));
  expect(office.events(before)).toMatchObject([{ type: 'ticket.cancel', counterId: 2, fromStatus: 'called', toStatus: 'cancelled' }]);
});

it('keeps, in a transfer\'s event, the service the visitor came from', () => {
  const hd1 = office.as('hd1');
  const called = office.inTransaction(() => applyAndLog(hd1, office.issue('A'), { type: 'call', counterId: 1 }, 1));
  const before = office.events().length;
  const moved = office.inTransaction(() => applyAndLog(hd1, called, { type: 'transfer', serviceCode: 'B', targetCounterId: null }, 1));
  expect(moved).toMatchObject({ status: 'waiting', serviceCode: 'B' });
  expect(office.events(before)[0]?.data).toEqual({ type: 'transfer', serviceCode: 'B', targetCounterId: null, fromServiceCode: 'A' });
});

it('refuses a step the ticket\'s status does not allow, naming both in the officer\'s language, and changes nothing', () => {
  const waiting = office.issue();
  const before = office.events().length;
  expect(office.refusal(() => applyAndLog(office.as('hd1'), waiting, { type: 'finish' }, 1))).toEqual({
    code: 'ILLEGAL_TRANSITION',
    message: 'Nomor A-001 sedang menunggu, jadi tidak bisa diselesaikan.',
  });
  expect(office.refusal(() => applyAndLog(office.as('hd1', { lang: 'en' }), waiting, { type: 'start' }, 1), 'en')).toEqual({
    code: 'ILLEGAL_TRANSITION',
    message: 'Ticket A-001 is waiting, so it cannot be started.',
  });
  expect(office.ticket(waiting.id)).toEqual(waiting);
  expect(office.events(before)).toEqual([]);
});
