// Steps the case tests share: serve a visitor at a counter, open their case, read the stored rows.
import { EMPTY_INTAKE } from '../../shared/domain/caseRules';
import type { Case, CaseEntry, CaseIntake, Ticket } from '../../shared/domain/types';
import type { Db } from '../../hub/db/index';
import { requestId, type TestClient } from './clients';

export function intake(fields: Partial<CaseIntake> = {}): CaseIntake {
  return {
    ...EMPTY_INTAKE,
    visitorName: 'Budi Santoso',
    visitorType: 'penyedia',
    visitorOrg: 'CV Maju Jaya',
    visitorPhone: '0812-7000-1234',
    category: 'gangguan',
    title: 'Tidak bisa mengunggah dokumen penawaran',
    ...fields,
  };
}

/**
 * A visitor takes a number at the kiosk and `officer` calls and starts serving it at `counterId`, which opens
 * the visit's case (or continues `caseId`).
 */
export async function serveVisitor(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  caseId?: number,
): Promise<{ ticket: Ticket; case: Case }> {
  const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('ticket:callSpecific', { counterId, ticketId: ticket.id });
  return officer.ok('ticket:start', { counterId, ticketId: ticket.id, ...(caseId === undefined ? {} : { caseId }) });
}

/** A new visit and its case, with the intake saved; the visit is finished, so the counter is free again. */
export async function caseOfNewVisit(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  fields: Partial<CaseIntake> = {},
): Promise<Case> {
  const { ticket, case: opened } = await serveVisitor(kiosk, officer, counterId);
  const saved = await officer.ok('case:intake', { caseId: opened.id, revision: opened.revision, intake: intake(fields) });
  await officer.ok('ticket:finish', { counterId, ticketId: ticket.id });
  return saved;
}

/** A new visit's case with the intake saved, resolved and closed on the spot; the counter is free again. */
export async function closedCaseOfNewVisit(
  kiosk: TestClient,
  officer: TestClient,
  counterId: number,
  fields: Partial<CaseIntake> = {},
): Promise<Case> {
  const c = await caseOfNewVisit(kiosk, officer, counterId, fields);
  const resolved = await officer.ok('case:resolve', { caseId: c.id, revision: c.revision, resolution: 'Dijelaskan caranya.' });
  return officer.ok('case:close', { caseId: c.id, revision: resolved.revision, channel: 'on_the_spot' });
}

/** The stored case row and the size of the event log: what a refusal must leave as it was. */
export function stored(db: Db, caseId: number): { row: unknown; events: number } {
  return {
    row: db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId),
    events: (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
  };
}

/** The SOP steps of a timeline with repeats of the same step in a row collapsed: 2,2,3,3,4 → 2,3,4. */
export function sopSteps(timeline: CaseEntry[]): (number | null)[] {
  return timeline.map((e) => e.sopStep).filter((step, i, all) => i === 0 || step !== all[i - 1]);
}
