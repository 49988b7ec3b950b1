// The case of a visit as hub/operations/ stores it, on a real database without a hub: opened when service
// starts (visitCase.ts), withdrawn when the visit leaves it empty (caseWithdrawal.ts), and a returning
// visitor's case attached in place of the new one.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Case, Ticket } from '../../shared/domain/types';
import { staffUser, type OperationContext } from '../../hub/context';
import { findCaseOfTicket, getCase } from '../../hub/db/index';
import { recordCaseStep } from '../../hub/operations/caseStep';
import { withdrawIfEmpty } from '../../hub/operations/caseWithdrawal';
import { transitionCounter } from '../../hub/operations/counterTransition';
import { applyAndLog } from '../../hub/operations/ticketTransition';
import { attachVisitCase, openVisitCase } from '../../hub/operations/visitCase';
import { openOfficeDb, type OfficeDb } from '../helpers/officeDb';

let office: OfficeDb;
beforeEach(() => {
  office = openOfficeDb();
});
afterEach(() => office.close());

/** The officer takes counter `counterId` (if closed), calls a new visitor there and starts serving them. */
function serving(ctx: OperationContext, counterId: number): Ticket {
  return office.inTransaction(() => {
    const counter = office.counter(counterId);
    if (counter.state === 'closed') transitionCounter(ctx, counter, 'open', staffUser(ctx).id, null);
    const called = applyAndLog(ctx, office.issue(), { type: 'call', counterId }, counterId);
    return applyAndLog(ctx, called, { type: 'start' }, counterId);
  });
}

/** Something recorded in the case (SOP step 4, handling it), so that it is no longer empty. */
function handled(ctx: OperationContext, c: Case): Case {
  return office.inTransaction(() => recordCaseStep(ctx, c, c, { type: 'case.handle', sopStep: 4, note: 'Dokumen diunggah ulang' }).reply);
}

const caseOf = (id: number) => getCase(office.db, id) as Case;

it("opens the visit's case: owned by the officer, numbered within the year, linked to its ticket, logged as SOP step 3", () => {
  const hd1 = office.as('hd1');
  const ticket = serving(hd1, 1);
  const before = office.events().length;
  const opened = office.inTransaction(() => openVisitCase(hd1, ticket, 1));

  expect(opened).toMatchObject({
    reference: 'K-2026-00001',
    status: 'open',
    ownerId: office.userId('hd1'),
    openedById: office.userId('hd1'),
    ticketId: ticket.id,
    ticketNumber: ticket.number,
  });
  expect(findCaseOfTicket(office.db, ticket.id)).toEqual(opened);
  expect(office.events(before)).toEqual([
    {
      type: 'case.open',
      ticketId: ticket.id,
      counterId: 1,
      caseId: opened.id,
      userId: office.userId('hd1'),
      fromStatus: null,
      toStatus: 'open',
      sopStep: 3,
      data: { note: ticket.number, reference: 'K-2026-00001' },
    },
  ]);

  const hd2 = office.as('hd2');
  const next = serving(hd2, 2);
  expect(office.inTransaction(() => openVisitCase(hd2, next, 2)).reference).toBe('K-2026-00002');
});

it('keeps the case of a visit started again (transferred while served): no second case', () => {
  const hd1 = office.as('hd1');
  const ticket = serving(hd1, 1);
  const first = office.inTransaction(() => openVisitCase(hd1, ticket, 1));
  const before = office.events().length;
  expect(office.inTransaction(() => openVisitCase(hd1, ticket, 1))).toEqual(first);
  expect(office.events(before)).toEqual([]);
});

it('withdraws the case a visit leaves empty, at the day\'s end too, and leaves a case with something recorded', () => {
  const hd1 = office.as('hd1');
  const empty = serving(hd1, 1);
  const emptyCase = office.inTransaction(() => openVisitCase(hd1, empty, 1));
  const before = office.events().length;
  const at = '2026-11-24T10:00:00.000Z';
  const dayEnd = { at, officeDay: '2026-11-24', userId: null, counterId: 1 };

  expect(office.inTransaction(() => withdrawIfEmpty(office.db, empty.id, dayEnd))).toBe(emptyCase.id);
  expect(caseOf(emptyCase.id)).toMatchObject({ status: 'withdrawn', revision: emptyCase.revision + 1, updatedAt: at });
  expect(office.events(before)).toEqual([
    { type: 'case.withdraw', ticketId: empty.id, counterId: 1, caseId: emptyCase.id, userId: null, fromStatus: 'open', toStatus: 'withdrawn', sopStep: 3, data: { note: '' } },
  ]);

  const hd2 = office.as('hd2');
  const worked = serving(hd2, 2);
  const workedCase = handled(hd2, office.inTransaction(() => openVisitCase(hd2, worked, 2)));
  const after = office.events().length;
  expect(office.inTransaction(() => withdrawIfEmpty(office.db, worked.id, { ...dayEnd, counterId: 2 }))).toBeNull();
  expect(caseOf(workedCase.id)).toEqual(workedCase);
  expect(office.events(after)).toEqual([]);
});

it("continues a returning visitor's case at this visit, in place of the new, empty one, which is withdrawn", () => {
  const hd1 = office.as('hd1');
  const firstVisit = serving(hd1, 1);
  const earlier = handled(hd1, office.inTransaction(() => openVisitCase(hd1, firstVisit, 1)));
  office.inTransaction(() => applyAndLog(hd1, firstVisit, { type: 'finish' }, 1));

  const hd2 = office.as('hd2');
  const returning = serving(hd2, 2);
  const fresh = office.inTransaction(() => openVisitCase(hd2, returning, 2));
  const before = office.events().length;
  const attached = office.inTransaction(() => attachVisitCase(hd2, returning, earlier.id, 2));

  expect(attached.caseIds).toEqual([earlier.id, fresh.id]);
  expect(attached.case).toMatchObject({ id: earlier.id, ticketId: returning.id, ticketNumber: returning.number, revision: earlier.revision + 1 });
  expect(findCaseOfTicket(office.db, returning.id)?.id).toBe(earlier.id);
  expect(caseOf(fresh.id).status).toBe('withdrawn');
  expect(office.events(before)).toMatchObject([
    { type: 'case.withdraw', caseId: fresh.id, ticketId: returning.id, counterId: 2, userId: office.userId('hd2') },
    { type: 'case.attach', caseId: earlier.id, ticketId: returning.id, counterId: 2, userId: office.userId('hd2'), sopStep: 3, data: { note: returning.number } },
  ]);

  // Attaching it again (a retry) finds it attached already, and changes nothing.
  const again = office.events().length;
  expect(office.inTransaction(() => attachVisitCase(hd2, returning, earlier.id, 2))).toEqual({ case: attached.case, caseIds: [] });
  expect(office.events(again)).toEqual([]);
});

it('refuses to put aside a new case in which something was recorded, and changes nothing', () => {
  const hd1 = office.as('hd1');
  const earlier = office.inTransaction(() => openVisitCase(hd1, serving(hd1, 1), 1));
  const hd2 = office.as('hd2');
  const returning = serving(hd2, 2);
  const fresh = handled(hd2, office.inTransaction(() => openVisitCase(hd2, returning, 2)));
  const before = office.events().length;

  expect(office.refusal(() => attachVisitCase(hd2, returning, earlier.id, 2))).toEqual({
    code: 'CASE_ALREADY_OPEN',
    message: `Nomor ${returning.number} sudah memiliki kasus K-2026-00002.`,
  });
  expect(caseOf(fresh.id)).toEqual(fresh);
  expect(caseOf(earlier.id)).toEqual(earlier);
  expect(findCaseOfTicket(office.db, returning.id)?.id).toBe(fresh.id);
  expect(office.events(before)).toEqual([]);
});

it('refuses to attach a closed case, in the officer\'s language, and changes nothing', () => {
  const hd1 = office.as('hd1');
  const opened = office.inTransaction(() => openVisitCase(hd1, serving(hd1, 1), 1));
  const closed = office.inTransaction(() => recordCaseStep(hd1, opened, { ...opened, status: 'closed' }, { type: 'case.close', sopStep: 9, note: '' }).reply);
  const hd2 = office.as('hd2', { lang: 'en' });
  const returning = serving(hd2, 2);
  const fresh = office.inTransaction(() => openVisitCase(hd2, returning, 2));
  const before = office.events().length;

  expect(office.refusal(() => attachVisitCase(hd2, returning, closed.id, 2), 'en')).toEqual({
    code: 'CASE_ILLEGAL',
    message: 'Case K-2026-00001 is "closed" and cannot be attached to this visit.',
  });
  expect(caseOf(fresh.id)).toEqual(fresh);
  expect(office.events(before)).toEqual([]);
});
