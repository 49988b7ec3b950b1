// The visitor's page code of a ticket, its "surveyed" mark, and the survey answers — which are stored
// without the ticket, so they stay anonymous in every report.
import { SKM_ELEMENTS, type SkmAnswers, type SkmProfile, type SkmTotals } from '../../shared/domain/skm';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';
import { getTicket } from './tickets';

export function findTicketIdByVisitorCode(db: ReadDb, code: string): number | undefined {
  const row = sql(db, 'SELECT id FROM tickets WHERE visitor_code = ?').get(code) as { id: number } | undefined;
  return row?.id;
}

/** The ticket's visitor code; null for a ticket issued before codes existed. */
export function visitorCodeOf(db: ReadDb, ticketId: number): string | null {
  const row = sql(db, 'SELECT visitor_code AS code FROM tickets WHERE id = ?').get(ticketId) as { code: string | null } | undefined;
  return row?.code ?? null;
}

export function isSurveyed(db: ReadDb, ticketId: number): boolean {
  const row = sql(db, 'SELECT surveyed FROM tickets WHERE id = ?').get(ticketId) as { surveyed: number } | undefined;
  return row?.surveyed === 1;
}

/** Marks the ticket surveyed; false when it already was (the answer must then be refused). */
export function markSurveyed(db: Db, ticketId: number): boolean {
  return sql(db, 'UPDATE tickets SET surveyed = 1 WHERE id = ? AND surveyed = 0').run(ticketId).changes === 1;
}

/** The officer who finished the visit, from the event log. */
export function finishedBy(db: ReadDb, ticketId: number): number | null {
  const row = sql(db, "SELECT user_id AS userId FROM events WHERE ticket_id = ? AND type = 'ticket.finish' ORDER BY id DESC LIMIT 1").get(
    ticketId,
  ) as { userId: number | null } | undefined;
  return row?.userId ?? null;
}

/** The visit this counter finished last today, if it is still the counter's latest. */
export function lastFinishedAtCounter(db: ReadDb, counterId: number, officeDay: string) {
  const row = sql(
    db,
    `SELECT id FROM tickets WHERE office_day = ? AND counter_id = ? AND status = 'done'
     ORDER BY finished_at DESC, id DESC LIMIT 1`,
  ).get(officeDay, counterId) as { id: number } | undefined;
  return row && getTicket(db, row.id);
}

export interface SurveyAnswerInput {
  officeDay: string;
  serviceCode: string;
  counterId: number | null;
  userId: number | null;
  via: 'phone' | 'tablet';
  answers: SkmAnswers;
  profile: SkmProfile;
}

export function insertSurveyAnswer(db: Db, a: SurveyAnswerInput): void {
  sql(
    db,
    `INSERT INTO survey_answers (office_day, service_code, counter_id, user_id, via, u1, u2, u3, u4, u5, u6, u7, u8, u9,
       gender, age_group, education, occupation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.officeDay,
    a.serviceCode,
    a.counterId,
    a.userId,
    a.via,
    ...SKM_ELEMENTS.map((u) => a.answers[u]),
    a.profile.gender,
    a.profile.ageGroup,
    a.profile.education,
    a.profile.occupation,
  );
}

const SUMS = SKM_ELEMENTS.map((u) => `coalesce(sum(${u}), 0) AS ${u}`).join(', ');

type TotalsRow = { count: number } & Record<(typeof SKM_ELEMENTS)[number], number>;
const toTotals = (r: TotalsRow): SkmTotals => ({
  count: r.count,
  sums: Object.fromEntries(SKM_ELEMENTS.map((u) => [u, r[u]])) as SkmTotals['sums'],
});

/** Element sums of the answers given on office days `from`..`to`. */
export function surveyTotals(db: ReadDb, from: string, to: string): SkmTotals {
  return toTotals(
    sql(db, `SELECT count(*) AS count, ${SUMS} FROM survey_answers WHERE office_day BETWEEN ? AND ?`).get(from, to) as TotalsRow,
  );
}

/** The same, per service or per serving officer. */
export function surveyTotalsBy(db: ReadDb, from: string, to: string, by: 'service_code' | 'user_id'): Array<{ key: string | number; totals: SkmTotals }> {
  const rows = sql(
    db,
    `SELECT ${by} AS key, count(*) AS count, ${SUMS} FROM survey_answers
     WHERE office_day BETWEEN ? AND ? AND ${by} IS NOT NULL GROUP BY ${by} ORDER BY ${by}`,
  ).all(from, to) as Array<TotalsRow & { key: string | number }>;
  return rows.map((r) => ({ key: r.key, totals: toTotals(r) }));
}
