// Every figure of the Head of Unit's report, computed in SQL over the tickets, the cases and the event log.
// Runs on the report worker's read-only connection (worker.ts); the definitions are in docs/reports.md.
import { addDays, zonedInstant, zoneOffsetMinutes } from '../../shared/domain/officeTime';
import { OPEN_AGE_BUCKETS, WAIT_BUCKETS, type Count, type Report, type TicketFigures, type TimeFigures } from '../../shared/domain/report';
import { computeIkm } from '../../shared/domain/skm';
import { getOffice, getSettings, surveyTotals, type Db } from '../db/index';
import { sql } from '../db/statements';

export interface ReportQuery {
  from: string;
  to: string;
  timeZone: string;
  /** The hub's office day: a period that runs past it counts open cases, and their age, as of today. */
  today: string;
}

/** Whole minutes, rounded half up. */
const minutes = (ms: string) => `CAST(floor(${ms} / 60000.0 + 0.5) AS INTEGER)`;
/** The nearest-rank percentile `p` of the values ranked `rn` of `n`: the value ranked ⌈p·n/100⌉. */
const nearestRank = (p: number) => `max(CASE WHEN rn = (n * ${p} + 99) / 100 THEN ms END)`;

/** Buckets as a SQL CASE giving the bucket's index for `value`. */
const bucketOf = (buckets: readonly number[], value: string) =>
  `CASE ${[...buckets].map((b, i) => [b, i] as const).reverse().map(([b, i]) => `WHEN ${value} >= ${b} THEN ${i}`).join(' ')} END`;

/** The rows of `table` once under every group a figure is given for: all, per service, counter and officer. */
const byGroup = (table: string) => `
  SELECT 'all' AS dim, '' AS k, * FROM ${table}
  UNION ALL SELECT 'service', service_code, * FROM ${table}
  UNION ALL SELECT 'counter', counter_id, * FROM ${table} WHERE counter_id IS NOT NULL
  UNION ALL SELECT 'officer', user_id, * FROM ${table} WHERE user_id IS NOT NULL`;

// A closed case's time to close is kept on its row (close_ms, migration 012) and read from cases_status with
// the case's closing day. Escalations and reports are few: their ids are gathered once through
// events_type_at rather than looked up per case (the index holds case events only where `case_id IS NOT
// NULL` is said, migration 014).

/**
 * One row per ticket of the period, from the facts migration 011 keeps on each ticket: its wait and service
 * time, whether it was ever transferred, and the counter and officer of the last action staff took on it
 * (the finish, the no-show, the transfer, the cancel…); never touched by staff, under none. Not
 * materialized: each grouping below reads the period's rows straight from the index (tickets_report), which
 * costs less than copying 100,000 rows into a temporary table to read them twice.
 */
const TICKET_FACTS = /* sql */ `
facts AS NOT MATERIALIZED (
  SELECT service_code, status, wait_ms, service_ms, transferred, last_staff_counter_id AS counter_id, last_staff_user_id AS user_id
  FROM tickets WHERE office_day BETWEEN @from AND @to
),
-- Grouped first by service, counter, officer and waiting minute together: one pass over the period's tickets
-- gives both the counts and the waiting-time histogram (a few thousand rows: minutes are few), then each
-- figure's group (all, per service, per counter, per officer) adds up those rows.
cells AS MATERIALIZED (
  SELECT service_code, counter_id, user_id, ${minutes('wait_ms')} AS m, count(*) AS issued, total(status = 'done') AS served,
    total(status = 'no_show') AS noShow, total(status = 'cancelled') AS cancelled, total(status = 'expired') AS expired,
    total(transferred) AS transferred, count(wait_ms) AS called, sum(wait_ms) AS waited
  FROM facts GROUP BY service_code, counter_id, user_id, m
),
base AS (
  SELECT service_code, counter_id, user_id, sum(issued) AS issued, sum(served) AS served, sum(noShow) AS noShow,
    sum(cancelled) AS cancelled, sum(expired) AS expired, sum(transferred) AS transferred
  FROM cells GROUP BY service_code, counter_id, user_id
),
counts AS (
  SELECT dim, k, sum(issued) AS issued, sum(served) AS served, sum(noShow) AS noShow, sum(cancelled) AS cancelled,
    sum(expired) AS expired, sum(transferred) AS transferred
  FROM (${byGroup('base')}) GROUP BY dim, k
),
-- Percentiles by nearest rank from each group's histogram of whole minutes: rounding keeps the order, so the
-- value ranked ⌈p·n/100⌉ in minutes is that rank's time rounded, and a period is a few thousand rows to rank.
minutesBase AS (
  SELECT service_code, counter_id, user_id, 'wait' AS measure, m, called AS cnt, waited AS total FROM cells WHERE called > 0
  UNION ALL
  SELECT service_code, counter_id, user_id, 'service', ${minutes('service_ms')} AS m, count(*), sum(service_ms)
  FROM facts WHERE service_ms IS NOT NULL GROUP BY service_code, counter_id, user_id, m
),
hist AS (
  SELECT dim, k, measure, m, sum(cnt) AS cnt, sum(total) AS total FROM (${byGroup('minutesBase')}) GROUP BY dim, k, measure, m
),
cumulative AS (
  SELECT *, sum(cnt) OVER (PARTITION BY dim, k, measure ORDER BY m ROWS UNBOUNDED PRECEDING) AS upto,
    sum(cnt) OVER (PARTITION BY dim, k, measure) AS n
  FROM hist
),
times AS (
  SELECT dim, k, measure, ${minutes('sum(total) * 1.0 / max(n)')} AS avg,
    min(CASE WHEN upto >= (n * 50 + 99) / 100 THEN m END) AS p50, min(CASE WHEN upto >= (n * 90 + 99) / 100 THEN m END) AS p90,
    ${WAIT_BUCKETS.map((_, i) => `total(CASE WHEN ${bucketOf(WAIT_BUCKETS, 'm')} = ${i} THEN cnt END) AS wait${i}`).join(', ')}
  FROM cumulative GROUP BY dim, k, measure
)`;

const TICKETS = /* sql */ `
WITH ${TICKET_FACTS}
SELECT g.*, ${WAIT_BUCKETS.map((_, i) => `coalesce(w.wait${i}, 0) AS wait${i}`).join(', ')}, w.avg AS waitAvg, w.p50 AS waitP50, w.p90 AS waitP90, s.avg AS serviceAvg, s.p50 AS serviceP50, s.p90 AS serviceP90,
  coalesce(sv.name, '') AS serviceName, ct.number AS counterNumber, coalesce(ct.name, '') AS counterName,
  u.username, coalesce(u.name, '') AS userName
FROM counts g
LEFT JOIN times w ON w.dim = g.dim AND w.k = g.k AND w.measure = 'wait'
LEFT JOIN times s ON s.dim = g.dim AND s.k = g.k AND s.measure = 'service'
LEFT JOIN services sv ON g.dim = 'service' AND sv.code = g.k
LEFT JOIN counters ct ON g.dim = 'counter' AND ct.id = g.k
LEFT JOIN users u ON g.dim = 'officer' AND u.id = g.k
ORDER BY g.dim, sv.sort, sv.code, ct.number, u.username`;

interface TicketRow {
  dim: 'all' | 'service' | 'counter' | 'officer';
  k: string | number;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  transferred: number;
  waitAvg: number | null;
  waitP50: number | null;
  waitP90: number | null;
  serviceAvg: number | null;
  serviceP50: number | null;
  serviceP90: number | null;
  /** Called tickets per WAIT_BUCKETS entry: wait0, wait1, … */
  [bucket: `wait${number}`]: number;
  serviceName: string;
  counterNumber: number | null;
  counterName: string;
  username: string | null;
  userName: string;
}

const NO_TIMES: TimeFigures = { avg: null, p50: null, p90: null };
const NO_TICKETS: TicketFigures = { issued: 0, served: 0, noShow: 0, cancelled: 0, expired: 0, transferred: 0, wait: NO_TIMES, service: NO_TIMES };

const figuresOf = (r: TicketRow): TicketFigures => ({
  issued: r.issued,
  served: r.served,
  noShow: r.noShow,
  cancelled: r.cancelled,
  expired: r.expired,
  transferred: r.transferred,
  wait: { avg: r.waitAvg, p50: r.waitP50, p90: r.waitP90 },
  service: { avg: r.serviceAvg, p50: r.serviceP50, p90: r.serviceP90 },
});

/**
 * Tickets issued and served per day, and issued per hour of the office day, from one read of tickets_report:
 * the index holds a period's tickets by day and quarter hour of issue (migration 012), so grouping by both
 * needs no sort, and the few rows that gives are added up per day and per hour. A quarter hour is in UTC;
 * the office zone's offset (`@offset`, minutes: a whole number of quarter hours in every zone) makes it the
 * zone's hour.
 */
const PER_DAY_AND_HOUR = /* sql */ `
WITH slots AS MATERIALIZED (
  SELECT office_day, issued_quarter, count(*) AS issued, total(status = 'done') AS served
  FROM tickets WHERE office_day BETWEEN @from AND @to GROUP BY office_day, issued_quarter
)
SELECT 'day' AS per, office_day AS at, sum(issued) AS issued, sum(served) AS served FROM slots GROUP BY office_day
UNION ALL
SELECT 'hour', ((issued_quarter * 15 + CAST(@offset AS INTEGER)) % 1440 + 1440) % 1440 / 60 AS hour, sum(issued), NULL FROM slots GROUP BY hour
ORDER BY 1, 2`;

/** Cases left out of every figure: withdrawn ones (nothing was recorded on them). */
const COUNTED = 'c.withdrawn_at IS NULL';

/** Distinct cases with an event of this type in the period, and by escalation target. */
const CASE_EVENTS = /* sql */ `
SELECT count(DISTINCT e.case_id) AS cases,
  count(DISTINCT CASE WHEN json_extract(e.data, '$.target') IN ('coordinator', 'both') THEN e.case_id END) AS coordinator,
  count(DISTINCT CASE WHEN json_extract(e.data, '$.target') IN ('lkpp', 'both') THEN e.case_id END) AS lkpp
FROM events e JOIN cases c ON c.id = e.case_id
WHERE e.type = @type AND e.at >= @start AND e.at < @end AND ${COUNTED}`;

/** The closed cases ranked by their time to close, read once: counts, average and percentiles from the same rows. */
const CLOSED = /* sql */ `
WITH ranked AS (
  SELECT c.close_ms AS ms, c.id NOT IN (SELECT x.case_id FROM events x WHERE x.type IN ('case.escalate', 'case.report') AND x.case_id IS NOT NULL) AS atHelpdesk,
    row_number() OVER (ORDER BY c.close_ms) AS rn, count(*) OVER () AS n
  FROM cases c WHERE c.status = 'closed' AND c.closed_day BETWEEN @from AND @to AND ${COUNTED}
)
SELECT count(*) AS closed, total(atHelpdesk) AS atHelpdesk,
  ${minutes('avg(ms)')} AS avg, ${minutes(nearestRank(50))} AS p50, ${minutes(nearestRank(90))} AS p90
FROM ranked`;

const OPEN_AT_END = /* sql */ `
SELECT ${bucketOf(OPEN_AGE_BUCKETS, 'CAST(julianday(@to) - julianday(c.opened_day) AS INTEGER)')} AS bucket, count(*) AS count
FROM cases c WHERE c.opened_day <= @to AND (c.closed_day IS NULL OR c.closed_day > @to) AND ${COUNTED}
GROUP BY bucket`;

type OpenedBy = 'category' | 'visitor_type' | 'module';

/**
 * The cases opened in the period by category, visitor type and SPSE module, from one read of them: grouped
 * by all three at once (a few dozen rows), then added up by each.
 */
const OPENED_BY = /* sql */ `
WITH kinds AS MATERIALIZED (
  SELECT c.category, c.visitor_type, c.module, count(*) AS n FROM cases c
  WHERE c.opened_day BETWEEN @from AND @to AND ${COUNTED} GROUP BY c.category, c.visitor_type, c.module
)
${(['category', 'visitor_type', 'module'] satisfies OpenedBy[]).map((column) => `SELECT '${column}' AS field, ${column} AS key, sum(n) AS count FROM kinds GROUP BY ${column}`).join('\nUNION ALL ')}
ORDER BY field, count DESC, key`;

/** Counts per bucket index, every bucket present. */
function bucketCounts(buckets: readonly number[], rows: Array<{ bucket: number; count: number }>): number[] {
  const counts = buckets.map(() => 0);
  for (const r of rows) counts[r.bucket] = r.count;
  return counts;
}

function everyDay(from: string, to: string): string[] {
  const days = [from];
  while ((days[days.length - 1] as string) < to) days.push(addDays(days[days.length - 1] as string, 1));
  return days;
}

/** The report of office days `from`..`to` (inclusive), in the office time zone. */
export function computeReport(db: Db, q: ReportQuery): Report {
  const start = zonedInstant(q.from, 0, q.timeZone).toISOString();
  const end = zonedInstant(addDays(q.to, 1), 0, q.timeZone).toISOString();
  // Office zones (WIB, WITA, WIT) keep one offset all year: the period's is every hour's, in minutes.
  const offset = zoneOffsetMinutes(new Date(start), q.timeZone);
  const period = { from: q.from, to: q.to };

  const rows = sql(db, TICKETS).all(period) as TicketRow[];
  const byDim = (dim: TicketRow['dim']) => rows.filter((r) => r.dim === dim);
  const all = byDim('all')[0];

  const slots = sql(db, PER_DAY_AND_HOUR).all({ ...period, offset }) as Array<{ per: 'day' | 'hour'; at: string | number; issued: number; served: number | null }>;
  const perDay = new Map(slots.filter((r) => r.per === 'day').map((r) => [r.at as string, { day: r.at as string, issued: r.issued, served: r.served ?? 0 }]));
  const caseEvents = (type: string) =>
    sql(db, CASE_EVENTS).get({ type, start, end }) as { cases: number; coordinator: number; lkpp: number };
  const escalated = caseEvents('case.escalate');
  const closed = sql(db, CLOSED).get(period) as { closed: number; atHelpdesk: number } & TimeFigures;
  const openAtEnd = bucketCounts(OPEN_AGE_BUCKETS, sql(db, OPEN_AT_END).all({ to: q.to < q.today ? q.to : q.today }) as Array<{ bucket: number; count: number }>);
  const openedBy = sql(db, OPENED_BY).all(period) as Array<Count & { field: OpenedBy }>;
  const counts = (field: OpenedBy): Count[] => openedBy.filter((r) => r.field === field).map(({ key, count }) => ({ key, count }));
  const settings = getSettings(db);

  return {
    from: q.from,
    to: q.to,
    office: getOffice(db).name,
    headName: settings.headName,
    headNip: settings.headNip,
    tickets: all ? figuresOf(all) : NO_TICKETS,
    byService: byDim('service').map((r) => ({ code: String(r.k), name: r.serviceName, ...figuresOf(r) })),
    byCounter: byDim('counter').map((r) => ({ number: r.counterNumber ?? 0, name: r.counterName, ...figuresOf(r) })),
    byOfficer: byDim('officer').map((r) => ({ username: r.username ?? '', name: r.userName, ...figuresOf(r) })),
    perHour: slots.filter((r) => r.per === 'hour').map((r) => ({ hour: r.at as number, issued: r.issued })),
    perDay: everyDay(q.from, q.to).map((day) => perDay.get(day) ?? { day, issued: 0, served: 0 }),
    waitDistribution: WAIT_BUCKETS.map((_, i) => all?.[`wait${i}`] ?? 0),
    cases: {
      // Every case opened has one category ('' when the intake left it empty).
      opened: counts('category').reduce((n, c) => n + c.count, 0),
      resolvedAtHelpdesk: closed.atHelpdesk,
      escalated: escalated.cases,
      escalatedCoordinator: escalated.coordinator,
      escalatedLkpp: escalated.lkpp,
      reported: caseEvents('case.report').cases,
      closed: closed.closed,
      openAtEnd: openAtEnd.reduce((a, b) => a + b, 0),
      openByAge: openAtEnd,
      timeToClose: { avg: closed.avg, p50: closed.p50, p90: closed.p90 },
    },
    byCategory: counts('category'),
    byVisitorType: counts('visitor_type'),
    byModule: counts('module'),
    ikm: computeIkm(surveyTotals(db, q.from, q.to)),
  };
}
