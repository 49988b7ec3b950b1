// An empty case leaves with its visit: a case whose only event is its opening is withdrawn when the visit ends
// (finished by the officer, closed by the day's end, or replaced by an attached case), so that no board, list
// or figure counts a case in which nothing was recorded.
import { CASE_RULES } from '../../shared/domain/caseRules';
import { CASE_WITHDRAWN } from '../../shared/domain/types';
import { appendEvent, caseIsEmpty, findCaseOfTicket, updateCase, type Db } from '../db/index';

/**
 * Withdraws the ticket's case if nothing was recorded in it, in the caller's transaction; `e` says when, on
 * which office day, and who (null: the day's end). Returns the id of the case withdrawn, if any.
 */
export function withdrawIfEmpty(
  db: Db,
  ticketId: number,
  e: { at: string; officeDay: string; userId: number | null; counterId: number | null },
): number | null {
  const c = findCaseOfTicket(db, ticketId);
  if (!c || c.status !== 'open' || !caseIsEmpty(db, c.id)) return null;
  updateCase(db, { ...c, status: CASE_WITHDRAWN, revision: c.revision + 1, updatedAt: e.at }, e.officeDay);
  appendEvent(db, {
    at: e.at,
    type: 'case.withdraw',
    caseId: c.id,
    ticketId,
    counterId: e.counterId,
    userId: e.userId,
    fromStatus: c.status,
    toStatus: CASE_WITHDRAWN,
    sopStep: CASE_RULES.open.sopStep,
    data: { note: '' },
  });
  return c.id;
}
