import { EMPTY_INTAKE, INTAKE_FIELDS, type PERSONAL_INTAKE_FIELDS } from '../../shared/domain/caseRules';
import type { CaseListFilter, CaseOrder } from '../../shared/domain/caseLists';
import { CASE_WITHDRAWN, type Case, type CaseCount, type CaseEntry, type CaseIntake, type CaseSummary } from '../../shared/domain/types';
import type { Db, ReadDb } from './connection';
import { sql } from './statements';

/** A case as one flat row: the intake's columns sit beside the case's; `intakeAt` says whether it was saved. */
type CaseRow = Omit<Case, 'intake'> & CaseIntake & { intakeAt: string | null };

const SELECT = `
  SELECT c.id, c.reference, CASE WHEN c.withdrawn_at IS NULL THEN c.status ELSE 'withdrawn' END AS status,
    c.owner_id AS ownerId, u.name AS ownerName, c.opened_by AS openedById, c.ticket_id AS ticketId,
    t.number AS ticketNumber, c.opened_at AS openedAt, c.updated_at AS updatedAt, c.revision, c.intake_at AS intakeAt,
    c.visitor_name AS visitorName, c.visitor_type AS visitorType, c.visitor_org AS visitorOrg,
    c.visitor_phone AS visitorPhone, c.visitor_email AS visitorEmail, c.module, c.error_code AS errorCode,
    c.lpse_ticket AS lpseTicket, c.category, c.title, c.description, c.escalation_target AS escalationTarget,
    c.lpse_support_ticket AS lpseSupportTicket, c.resolution, c.close_channel AS closeChannel,
    c.last_recommendation AS lastRecommendation
  FROM cases c JOIN users u ON u.id = c.owner_id LEFT JOIN tickets t ON t.id = c.ticket_id`;

function toCase(row: CaseRow): Case {
  const { intakeAt, ...flat } = row;
  const intake = Object.fromEntries(INTAKE_FIELDS.map((k) => [k, flat[k]])) as unknown as CaseIntake;
  const rest = Object.fromEntries(Object.entries(flat).filter(([k]) => !(INTAKE_FIELDS as string[]).includes(k)));
  return { ...(rest as Omit<Case, 'intake'>), intake: intakeAt === null ? null : intake };
}

export function getCase(db: ReadDb, id: number): Case | undefined {
  const row = sql(db, `${SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  return row && toCase(row);
}

/** The case a visit (ticket) was handled in, if any. */
export function findCaseOfTicket(db: ReadDb, ticketId: number): Case | undefined {
  const row = sql(db, `${SELECT} WHERE c.id = (SELECT case_id FROM case_tickets WHERE ticket_id = ?)`).get(ticketId) as
    | CaseRow
    | undefined;
  return row && toCase(row);
}

/** Nothing was recorded in the case: its only event is its opening. */
export function caseIsEmpty(db: ReadDb, caseId: number): boolean {
  return sql(db, "SELECT 1 FROM events WHERE case_id = ? AND type != 'case.open' LIMIT 1").get(caseId) === undefined;
}

/**
 * A case as a list row: the summary's columns only, so a list never carries a visitor's contacts or notes.
 */
const SELECT_SUMMARY = `
  SELECT c.id, c.reference, CASE WHEN c.withdrawn_at IS NULL THEN c.status ELSE 'withdrawn' END AS status,
    c.owner_id AS ownerId, u.name AS ownerName, c.opened_by AS openedById,
    c.ticket_id AS ticketId, t.number AS ticketNumber, c.escalation_target AS escalationTarget, c.opened_at AS openedAt,
    c.updated_at AS updatedAt, c.revision, c.title, c.visitor_name AS visitorName, c.visitor_org AS visitorOrg,
    c.last_recommendation != '' AS recommended
  FROM cases c JOIN users u ON u.id = c.owner_id LEFT JOIN tickets t ON t.id = c.ticket_id`;

type SummaryRow = Omit<CaseSummary, 'recommended'> & { recommended: number };

const toSummary = ({ recommended, ...row }: SummaryRow): CaseSummary => ({ ...row, recommended: recommended === 1 });

export function getCaseSummary(db: ReadDb, id: number): CaseSummary | undefined {
  const row = sql(db, `${SELECT_SUMMARY} WHERE c.id = ?`).get(id) as SummaryRow | undefined;
  return row && toSummary(row);
}

/** The cases of the visits called or being served now at the counters (at most one per counter). */
export function listCasesAtCounters(db: ReadDb, officeDay: string): CaseSummary[] {
  return (
    sql(
      db,
      `${SELECT_SUMMARY}
       WHERE c.id IN (SELECT ct.case_id FROM tickets k JOIN case_tickets ct ON ct.ticket_id = k.id
                      WHERE k.office_day = ? AND k.status IN ('called', 'serving'))
         AND c.withdrawn_at IS NULL
       ORDER BY c.id`,
    ).all(officeDay) as SummaryRow[]
  ).map(toSummary);
}

/** Not closed, written so that SQLite walks the status index. */
const UNCLOSED = "c.status IN ('open', 'escalated', 'reported', 'resolved')";

/** Every case not closed, counted by status and owner. */
export function countUnclosedCases(db: ReadDb): CaseCount[] {
  return sql(
    db,
    `SELECT c.status, c.owner_id AS ownerId, count(*) AS n FROM cases c
     WHERE ${UNCLOSED} AND c.withdrawn_at IS NULL GROUP BY c.status, c.owner_id ORDER BY c.status, c.owner_id`,
  ).all() as CaseCount[];
}

export interface CaseFilter extends CaseListFilter {
  query?: string;
  /** Office days, inclusive, of when the case was opened. */
  from?: string;
  to?: string;
  order: CaseOrder;
  limit: number;
  offset: number;
}

/**
 * The conditions a filter names, and only those: a condition left as "@x IS NULL OR …" keeps SQLite off the
 * indexes, and a list of the year's 20,000 cases read whole took 50–60 ms.
 */
function conditions(f: CaseFilter): { where: string; params: Record<string, string | number> } {
  const where = ['c.withdrawn_at IS NULL'];
  const params: Record<string, string | number> = {};
  const query = f.query?.trim();
  if (query) {
    params.like = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(`(c.reference LIKE @like ESCAPE '\\' OR c.visitor_name LIKE @like ESCAPE '\\'
      OR c.visitor_org LIKE @like ESCAPE '\\' OR c.lpse_support_ticket LIKE @like ESCAPE '\\'
      OR c.lpse_ticket LIKE @like ESCAPE '\\')`);
  }
  if (f.status) where.push('c.status = @status');
  if (f.unclosed) where.push(UNCLOSED);
  if (f.ownerId !== undefined) where.push('c.owner_id = @ownerId');
  if (f.from) where.push('c.opened_day >= @from');
  if (f.to) where.push('c.opened_day <= @to');
  for (const key of ['status', 'ownerId', 'from', 'to'] as const) if (f[key] !== undefined) params[key] = f[key];
  return { where: where.join(' AND '), params };
}

function casePage(db: ReadDb, where: string, params: Record<string, string | number>, newestFirst: boolean, limit: number, offset: number) {
  if (limit <= 0) return [];
  const rows = sql(db, `${SELECT_SUMMARY} WHERE ${where} ORDER BY c.id ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit,
    offset,
  }) as SummaryRow[];
  return rows.map(toSummary);
}

/**
 * A page of a list of cases (see shared/domain/caseLists.ts), in the list's order; cases are in the order
 * they were opened, their ids. A query matches reference, visitor name, company/agency and LPSE Support numbers.
 */
export function searchCases(db: ReadDb, filter: CaseFilter, me: number): CaseSummary[] {
  const { where, params } = conditions(filter);
  const { limit, offset } = filter;
  if (filter.order !== 'mine') return casePage(db, where, params, filter.order === 'newest', limit, offset);
  // The asker's own cases not closed, then all the others: two walks of an index, not a sort of every case.
  const own = `c.owner_id = @me AND ${UNCLOSED}`;
  const mine = { ...params, me };
  const first = casePage(db, `${where} AND ${own}`, mine, true, limit, offset);
  const owned =
    offset === 0 && first.length < limit
      ? first.length
      : (sql(db, `SELECT count(*) AS n FROM cases c WHERE ${where} AND ${own}`).get(mine) as { n: number }).n;
  return [...first, ...casePage(db, `${where} AND NOT (${own})`, mine, true, limit - first.length, Math.max(0, offset - owned))];
}

/** The next reference number of a year; never reused. */
export function nextCaseSequence(db: Db, year: number): number {
  const row = sql(
    db,
    `INSERT INTO case_sequences (year, last_seq) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  ).get(year) as { last_seq: number };
  return row.last_seq;
}

export function insertCase(
  db: Db,
  c: { reference: string; ownerId: number; ticketId: number; openedAt: string; openedDay: string },
): number {
  return Number(
    sql(
      db,
      `INSERT INTO cases (reference, status, owner_id, opened_by, ticket_id, opened_at, opened_day, updated_at, revision)
       VALUES (?, 'open', ?, ?, ?, ?, ?, ?, 1)`,
    ).run(c.reference, c.ownerId, c.ownerId, c.ticketId, c.openedAt, c.openedDay, c.openedAt).lastInsertRowid,
  );
}

export function linkCaseTicket(db: Db, l: { caseId: number; ticketId: number; at: string; userId: number }): void {
  sql(db, 'INSERT INTO case_tickets (case_id, ticket_id, linked_at, user_id) VALUES (?, ?, ?, ?)').run(
    l.caseId,
    l.ticketId,
    l.at,
    l.userId,
  );
}

/** The visit leaves the case it was first given (a withdrawn one) for the case attached in its place. */
export function unlinkCaseTicket(db: Db, ticketId: number): void {
  sql(db, 'DELETE FROM case_tickets WHERE ticket_id = ?').run(ticketId);
}

/** Stores a case's new state; `officeDay` dates its closing. */
export function updateCase(db: Db, c: Case, officeDay: string): void {
  const intake = c.intake;
  sql(
    db,
    `UPDATE cases SET status = CASE WHEN @withdrawn THEN status ELSE @status END,
       withdrawn_at = CASE WHEN @withdrawn THEN coalesce(withdrawn_at, @updatedAt) END,
       owner_id = @ownerId, ticket_id = @ticketId, updated_at = @updatedAt,
       revision = @revision, closed_day = CASE WHEN @status = 'closed' THEN coalesce(closed_day, @officeDay) END,
       intake_at = CASE WHEN @hasIntake THEN coalesce(intake_at, @updatedAt) END,
       visitor_name = @visitorName, visitor_type = @visitorType, visitor_org = @visitorOrg,
       visitor_phone = @visitorPhone, visitor_email = @visitorEmail, module = @module, error_code = @errorCode,
       lpse_ticket = @lpseTicket, category = @category, title = @title, description = @description,
       escalation_target = @escalationTarget, lpse_support_ticket = @lpseSupportTicket, resolution = @resolution,
       close_channel = @closeChannel, last_recommendation = @lastRecommendation
     WHERE id = @id`,
  ).run({
    id: c.id,
    status: c.status,
    withdrawn: c.status === CASE_WITHDRAWN ? 1 : 0,
    ownerId: c.ownerId,
    ticketId: c.ticketId,
    updatedAt: c.updatedAt,
    revision: c.revision,
    officeDay,
    hasIntake: intake ? 1 : 0,
    ...(intake ?? EMPTY_INTAKE),
    escalationTarget: c.escalationTarget,
    lpseSupportTicket: c.lpseSupportTicket,
    resolution: c.resolution,
    closeChannel: c.closeChannel,
    lastRecommendation: c.lastRecommendation,
  });
}

interface EntryRow extends Omit<CaseEntry, 'note'> {
  data: string;
  ticketNumber: string | null;
  counterName: string | null;
}

interface EntryData {
  note?: unknown;
  changed?: (keyof CaseIntake)[];
  target?: string;
  lpseSupportTicket?: string;
  serviceCode?: string;
  fromServiceCode?: string;
  targetCounterId?: number | null;
}

/**
 * A transfer's from and to, an escalation's target and LPSE Support number, the fields an intake save changed
 * or the retention job blanked, as the timeline shows them.
 */
function entryDetail(db: ReadDb, type: string, d: EntryData): Pick<CaseEntry, 'from' | 'to' | 'lpseSupportTicket' | 'changed'> {
  const serviceName = (code: string) => {
    const row = sql(db, 'SELECT name FROM services WHERE code = ?').get(code) as { name: string } | undefined;
    return `${code} — ${row?.name ?? ''}`;
  };
  if (type === 'ticket.transfer') {
    const counter =
      d.targetCounterId == null
        ? undefined
        : (sql(db, 'SELECT name FROM counters WHERE id = ?').get(d.targetCounterId) as { name: string } | undefined);
    return {
      ...(d.fromServiceCode ? { from: serviceName(d.fromServiceCode) } : {}),
      to: counter?.name ?? serviceName(d.serviceCode ?? ''),
    };
  }
  if (d.changed) return { changed: d.changed };
  if (type === 'case.escalate') return { to: d.target, ...(d.lpseSupportTicket ? { lpseSupportTicket: d.lpseSupportTicket } : {}) };
  return {};
}

/**
 * A case's timeline, oldest first: the queue events of every visit it was handled in (issued, called, service
 * started and finished, transferred…) and every case action. Ticket entries are noted with their number and
 * counter.
 */
export function caseTimeline(db: ReadDb, caseId: number): CaseEntry[] {
  const rows = sql(
    db,
    `SELECT e.id, e.at, e.type, e.sop_step AS sopStep, coalesce(u.name, d.name) AS actorName,
       e.from_status AS fromStatus, e.to_status AS toStatus, e.data, t.number AS ticketNumber, k.name AS counterName
     FROM events e
       LEFT JOIN users u ON u.id = e.user_id LEFT JOIN devices d ON d.id = e.device_id
       LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN counters k ON k.id = e.counter_id
     WHERE e.case_id = @caseId
        OR (e.case_id IS NULL AND e.type LIKE 'ticket.%'
            AND e.ticket_id IN (SELECT ticket_id FROM case_tickets WHERE case_id = @caseId))
     ORDER BY e.id`,
  ).all({ caseId }) as EntryRow[];
  return rows.map(({ data, ticketNumber, counterName, ...entry }) => {
    const d = JSON.parse(data) as EntryData;
    const note = entry.type.startsWith('case.')
      ? String(d.note ?? '')
      : [ticketNumber, counterName].filter(Boolean).join(' · ');
    return { ...entry, note, ...entryDetail(db, entry.type, d) };
  });
}

/** A user's cases that are not closed: what must be reassigned when their account is deactivated. */
export function listOpenCasesOwnedBy(db: ReadDb, userId: number): Case[] {
  return (sql(db, `${SELECT} WHERE c.owner_id = ? AND c.withdrawn_at IS NULL AND c.status != 'closed' ORDER BY c.id`).all(userId) as CaseRow[]).map(toCase);
}

type PersonalData = Record<(typeof PERSONAL_INTAKE_FIELDS)[number], string>;

/** Closed cases whose office day of closing is before `day` and that still hold any personal data. */
export function listClosedCasesWithPersonalData(db: ReadDb, day: string): ({ id: number } & PersonalData)[] {
  return sql(
    db,
    `SELECT id, visitor_name AS visitorName, visitor_org AS visitorOrg, visitor_phone AS visitorPhone,
       visitor_email AS visitorEmail
     FROM cases
     WHERE status = 'closed' AND closed_day < ?
       AND (visitor_name != '' OR visitor_org != '' OR visitor_phone != '' OR visitor_email != '')
     ORDER BY id`,
  ).all(day) as ({ id: number } & PersonalData)[];
}

/** Blanks the visitor's name, company, phone and e-mail of a case, bumping its revision; nothing else changes. */
export function blankPersonalData(db: Db, caseId: number): void {
  sql(
    db,
    `UPDATE cases SET visitor_name = '', visitor_org = '', visitor_phone = '', visitor_email = '', revision = revision + 1
     WHERE id = ?`,
  ).run(caseId);
}
