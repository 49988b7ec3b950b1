// A month of an office's activity, driven through the real hub's events with a moving clock: three services,
// four counters, five officers taking turns, transfers, no-shows and requeues, recalls, cancellations,
// tickets left to expire, cases escalated to each target, reported to the head, closed on later days, and
// survey answers. The test keeps its own record of what it did and works out every figure of October from
// it, by the definitions in docs/reports.md, without the hub's report code; the report, its CSV and its XLSX
// must hold exactly those figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPEN_AGE_BUCKETS, reportTables, WAIT_BUCKETS, type Count, type Report, type TicketFigures, type TimeFigures } from '../../shared/domain/report';
import { SKM_ELEMENTS, type SkmAnswers } from '../../shared/domain/skm';
import type { Case, EscalationTarget, Ticket } from '../../shared/domain/types';
import { intake } from '../helpers/cases';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, FLAT_OUT_LIMITS, KIOSK_KEY, startTestHub, testSeed, type TestHub } from '../helpers/hub';
import { random } from '../helpers/fixtures';
import { asText, parseCsvTables, readXlsxTables } from '../helpers/reports';

const FROM = '2026-10-01';
const TO = '2026-10-31';
const SERVICES = [
  { code: 'A', name: 'Gangguan / Permasalahan' },
  { code: 'B', name: 'Konsultasi' },
  { code: 'C', name: 'Verifikasi Penyedia' },
];
const OFFICERS = ['hd1', 'hd2', 'hd3', 'hd4', 'hd5'];
const MODULES = ['SPSE Penyedia', 'SPSE PPK', 'Sirup'];
const TARGETS: EscalationTarget[] = ['coordinator', 'lkpp', 'both'];
const MIN = 60_000;
const DAY = 86_400_000;
/** WIB is UTC+7 all year. */
const WIB = 7 * 3_600_000;

let hub: TestHub;
const clock = new FakeClock(Date.parse('2026-09-28T01:00:00Z'));
const clients: TestClient[] = [];

beforeAll(async () => {
  const seed = testSeed(5, {
    services: SERVICES,
    counters: [1, 2, 3, 4].map((n) => ({ name: `Loket ${n}`, number: n, services: ['A', 'B', 'C'] })),
    // A public address, so each ticket names its visitor's page (and its code, for the survey).
    settings: { kioskRateLimitPerMinute: 10_000, publicUrl: 'http://antrian.lpse.test' },
  });
  hub = await startTestHub({ seed, clock, limits: FLAT_OUT_LIMITS });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});


/** What the test did to one ticket. */
interface TicketRecord {
  day: string;
  service: string;
  status: Ticket['status'];
  issuedAt: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  transferred: boolean;
  /** Who last acted on it, and at which counter (none for a cancel while waiting). */
  last: { user: string; counter: number | null } | null;
}

interface CaseRecord {
  caseId: number;
  revision: number;
  owner: string;
  openedAt: number;
  openedDay: string;
  category: string;
  visitorType: string;
  module: string;
  escalations: Array<{ at: number; target: EscalationTarget }>;
  reports: number[];
  closedAt: number | null;
}

const dayOf = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const roundMinutes = (ms: number) => Math.floor(ms / MIN + 0.5);

function times(values: number[]): TimeFigures {
  if (!values.length) return { avg: null, p50: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.ceil((p * sorted.length) / 100) - 1] as number;
  return { avg: roundMinutes(sorted.reduce((a, b) => a + b, 0) / sorted.length), p50: roundMinutes(rank(50)), p90: roundMinutes(rank(90)) };
}

function figures(list: TicketRecord[]): TicketFigures {
  const count = (s: Ticket['status']) => list.filter((t) => t.status === s).length;
  return {
    issued: list.length,
    served: count('done'),
    noShow: count('no_show'),
    cancelled: count('cancelled'),
    expired: count('expired'),
    transferred: list.filter((t) => t.transferred).length,
    wait: times(list.filter((t) => t.calledAt !== null).map((t) => (t.calledAt as number) - t.issuedAt)),
    service: times(list.filter((t) => t.status === 'done').map((t) => (t.finishedAt as number) - (t.servingAt as number))),
  };
}

function bucketIndex(buckets: readonly number[], value: number): number {
  let i = 0;
  while (i + 1 < buckets.length && value >= (buckets[i + 1] as number)) i++;
  return i;
}

function countsBy(list: CaseRecord[], key: (c: CaseRecord) => string): Count[] {
  const map = new Map<string, number>();
  for (const c of list) map.set(key(c), (map.get(key(c)) ?? 0) + 1);
  return [...map].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function expectedReport(tickets: TicketRecord[], cases: CaseRecord[], answers: Array<{ day: string; answers: SkmAnswers }>): Report {
  const inPeriod = tickets.filter((t) => t.day >= FROM && t.day <= TO);
  const start = Date.parse(`${FROM}T00:00:00+07:00`);
  const end = Date.parse(`${TO}T00:00:00+07:00`) + DAY;
  const within = (at: number) => at >= start && at < end;
  const days: string[] = [];
  for (let d = Date.parse(`${FROM}T00:00:00Z`); d <= Date.parse(`${TO}T00:00:00Z`); d += DAY) days.push(new Date(d).toISOString().slice(0, 10));
  const hours = new Map<number, number>();
  for (const t of inPeriod) hours.set(new Date(t.issuedAt + WIB).getUTCHours(), (hours.get(new Date(t.issuedAt + WIB).getUTCHours()) ?? 0) + 1);
  const waits = WAIT_BUCKETS.map(() => 0);
  for (const t of inPeriod) if (t.calledAt !== null) (waits[bucketIndex(WAIT_BUCKETS, roundMinutes(t.calledAt - t.issuedAt))] as number)++;

  const opened = cases.filter((c) => c.openedDay >= FROM && c.openedDay <= TO);
  const closed = cases.filter((c) => c.closedAt !== null && dayOf(c.closedAt) >= FROM && dayOf(c.closedAt) <= TO);
  const escalatedIn = cases.filter((c) => c.escalations.some((e) => within(e.at)));
  const targetIn = (c: CaseRecord, t: 'coordinator' | 'lkpp') => c.escalations.some((e) => within(e.at) && (e.target === t || e.target === 'both'));
  const openAtEnd = cases.filter((c) => c.openedDay <= TO && (c.closedAt === null || dayOf(c.closedAt) > TO));
  const ages = OPEN_AGE_BUCKETS.map(() => 0);
  for (const c of openAtEnd) (ages[bucketIndex(OPEN_AGE_BUCKETS, (Date.parse(TO) - Date.parse(c.openedDay)) / DAY)] as number)++;

  const periodAnswers = answers.filter((a) => a.day >= FROM && a.day <= TO).map((a) => a.answers);
  const mean = SKM_ELEMENTS.reduce((s, u) => s + periodAnswers.reduce((x, a) => x + a[u], 0) / periodAnswers.length, 0) / SKM_ELEMENTS.length;
  const ikm = Math.round(mean * 25 * 100) / 100;
  const grade = ikm >= 88.31 ? 'A' : ikm >= 76.61 ? 'B' : ikm >= 65 ? 'C' : 'D';

  const group = <K>(key: (t: TicketRecord) => K | null) => {
    const map = new Map<K, TicketRecord[]>();
    for (const t of inPeriod) {
      const k = key(t);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), t]);
    }
    return map;
  };
  return {
    from: FROM,
    to: TO,
    office: 'LPSE Kota Batam',
    headName: '',
    headNip: '',
    tickets: figures(inPeriod),
    byService: [...group((t) => t.service)].sort(([a], [b]) => a.localeCompare(b)).map(([code, list]) => ({
      code,
      name: SERVICES.find((s) => s.code === code)?.name ?? '',
      ...figures(list),
    })),
    byCounter: [...group((t) => t.last?.counter ?? null)].sort(([a], [b]) => a - b).map(([number, list]) => ({ number, name: `Loket ${number}`, ...figures(list) })),
    byOfficer: [...group((t) => t.last?.user ?? null)].sort(([a], [b]) => a.localeCompare(b)).map(([username, list]) => ({
      username,
      name: `Petugas ${username.slice(2)}`,
      ...figures(list),
    })),
    perHour: [...hours].sort(([a], [b]) => a - b).map(([hour, issued]) => ({ hour, issued })),
    perDay: days.map((day) => ({
      day,
      issued: inPeriod.filter((t) => t.day === day).length,
      served: inPeriod.filter((t) => t.day === day && t.status === 'done').length,
    })),
    waitDistribution: waits,
    cases: {
      opened: opened.length,
      resolvedAtHelpdesk: closed.filter((c) => !c.escalations.length && !c.reports.length).length,
      escalated: escalatedIn.length,
      escalatedCoordinator: cases.filter((c) => targetIn(c, 'coordinator')).length,
      escalatedLkpp: cases.filter((c) => targetIn(c, 'lkpp')).length,
      reported: cases.filter((c) => c.reports.some(within)).length,
      closed: closed.length,
      openAtEnd: openAtEnd.length,
      openByAge: ages,
      timeToClose: times(closed.map((c) => (c.closedAt as number) - c.openedAt)),
    },
    byCategory: countsBy(opened, (c) => c.category),
    byVisitorType: countsBy(opened, (c) => c.visitorType),
    byModule: countsBy(opened, (c) => c.module),
    ikm: {
      count: periodAnswers.length,
      averages: Object.fromEntries(
        SKM_ELEMENTS.map((u) => [u, periodAnswers.reduce((x, a) => x + a[u], 0) / periodAnswers.length]),
      ) as Report['ikm']['averages'],
      ikm,
      grade,
      label: { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' }[grade],
    },
  };
}

it('gives every figure of a month as the test worked it out, on the screen, in the CSV and in the XLSX', { timeout: 300_000 }, async () => {
  const rnd = random(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const seconds = (lo: number, hi: number) => (lo + Math.floor(rnd() * (hi - lo))) * 1000;
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk);
  const tickets: TicketRecord[] = [];
  const cases: CaseRecord[] = [];
  const answers: Array<{ day: string; answers: SkmAnswers }> = [];
  /** Case steps for later days: day → what to do. */
  const plans = new Map<string, Array<{ c: CaseRecord; step: 'report' | 'escalate' | 'close' }>>();
  const plan = (day: string, c: CaseRecord, step: 'report' | 'escalate' | 'close') => plans.set(day, [...(plans.get(day) ?? []), { c, step }]);
  let staff = new Map<string, TestClient>();
  let escalations = 0;

  const act = async (c: CaseRecord, step: 'report' | 'escalate' | 'close' | 'resolve') => {
    const client = staff.get(c.owner) as TestClient;
    const ref = { caseId: c.caseId, revision: c.revision };
    let reply: Case;
    if (step === 'escalate') {
      const target = TARGETS[escalations++ % TARGETS.length] as EscalationTarget;
      reply = await client.ok('case:escalate', { ...ref, target, lpseSupportTicket: `LPSE-${c.caseId}` });
      c.escalations.push({ at: clock.now().getTime(), target });
    } else if (step === 'report') {
      reply = await client.ok('case:report', { ...ref, note: 'Perlu arahan Kepala Unit' });
      c.reports.push(clock.now().getTime());
    } else if (step === 'resolve') {
      reply = await client.ok('case:resolve', { ...ref, resolution: 'Selesai dijelaskan' });
    } else {
      c.revision = (await client.ok('case:resolve', { ...ref, resolution: 'Selesai' })).revision;
      clock.advance(seconds(30, 300));
      reply = await client.ok('case:close', { caseId: c.caseId, revision: c.revision, channel: 'on_the_spot' });
      c.closedAt = clock.now().getTime();
    }
    c.revision = reply.revision;
    clock.advance(seconds(20, 120));
  };

  for (let d = Date.parse('2026-09-28T00:00:00Z'), n = 0; d <= Date.parse('2026-11-03T00:00:00Z'); d += DAY) {
    const weekday = new Date(d).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const day = new Date(d).toISOString().slice(0, 10);
    clock.set(`${day}T01:00:00Z`); // 08:00 WIB
    // Sessions last a week: everyone signs in again on Mondays.
    if (weekday === 1) {
      for (const c of staff.values()) c.close();
      staff = new Map(await Promise.all(OFFICERS.map(async (u) => [u, await signIn(hub.url, u, `sandi-${u}`)] as const)));
      clients.push(...staff.values());
    }
    // Four of the five officers are on duty each day, each at a counter.
    const duty = OFFICERS.filter((_, i) => i !== n % OFFICERS.length);
    n++;
    for (const [i, u] of duty.entries()) await (staff.get(u) as TestClient).ok('counter:open', { counterId: i + 1 });
    for (const { c, step } of plans.get(day) ?? []) await act(c, step);

    const perDay = 4 + Math.floor(rnd() * 4);
    for (let k = 0; k < perDay; k++) {
      clock.advance(seconds(60, 1500));
      const service = pick(SERVICES).code;
      const issued = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: service });
      const id = issued.ticket.id;
      const t: TicketRecord = {
        day,
        service,
        status: 'waiting',
        issuedAt: clock.now().getTime(),
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        transferred: false,
        last: null,
      };
      tickets.push(t);
      clock.advance(seconds(0, 2400));
      const r = rnd();
      if (r < 0.08) continue; // Left waiting: it expires when the day ends.
      if (r < 0.14) {
        const u = pick(duty);
        await (staff.get(u) as TestClient).ok('ticket:cancel', { ticketId: id });
        Object.assign(t, { status: 'cancelled', last: { user: u, counter: null } });
        continue;
      }
      let counter = 1 + Math.floor(rnd() * 4);
      let u = duty[counter - 1] as string;
      let officer = staff.get(u) as TestClient;
      const call = async () => {
        await officer.ok('ticket:callSpecific', { counterId: counter, ticketId: id });
        Object.assign(t, { status: 'called', calledAt: clock.now().getTime(), last: { user: u, counter } });
      };
      const ref = () => ({ counterId: counter, ticketId: id });
      await call();
      clock.advance(seconds(20, 120));
      const r2 = rnd();
      if (r2 < 0.14) {
        await officer.ok('ticket:noShow', ref());
        Object.assign(t, { status: 'no_show', last: { user: u, counter } });
        if (rnd() < 0.5) continue;
        // The visitor comes back: put back in the queue and called again by the same counter.
        clock.advance(seconds(60, 600));
        await officer.ok('ticket:requeue', { ticketId: id });
        Object.assign(t, { status: 'waiting', last: { user: u, counter } });
        clock.advance(seconds(30, 300));
        await call();
      } else if (r2 < 0.22) {
        await officer.ok('ticket:cancel', { ticketId: id });
        Object.assign(t, { status: 'cancelled', finishedAt: clock.now().getTime(), last: { user: u, counter } });
        continue;
      }
      if (rnd() < 0.3) {
        await officer.ok('ticket:recall', ref());
        t.last = { user: u, counter };
        clock.advance(seconds(20, 90));
      }
      const started = await officer.ok('ticket:start', ref());
      Object.assign(t, { status: 'serving', servingAt: clock.now().getTime(), last: { user: u, counter } });
      const openedAt = clock.now().getTime();
      clock.advance(seconds(60, 600));
      if (rnd() < 0.2) {
        // Sent to another service, served at another counter.
        const to = SERVICES.map((s) => s.code).filter((s) => s !== t.service);
        const next = pick(to);
        await officer.ok('ticket:transfer', { ...ref(), serviceCode: next });
        Object.assign(t, { status: 'waiting', service: next, servingAt: null, transferred: true, last: { user: u, counter } });
        clock.advance(seconds(60, 900));
        counter = (counter % 4) + 1;
        u = duty[counter - 1] as string;
        officer = staff.get(u) as TestClient;
        await call();
        clock.advance(seconds(20, 120));
        await officer.ok('ticket:start', ref());
        Object.assign(t, { status: 'serving', servingAt: clock.now().getTime(), last: { user: u, counter } });
        clock.advance(seconds(60, 600));
      }
      // Most visits get an intake; one without anything recorded is withdrawn and counts nowhere.
      let c: CaseRecord | null = null;
      if (rnd() < 0.65) {
        const fields = { category: pick(['gangguan', 'permasalahan', 'permintaan_layanan'] as const), visitorType: pick(['penyedia', 'ppk', 'pokja'] as const), module: pick(MODULES) };
        const saved = await officer.ok('case:intake', { caseId: started.case.id, revision: started.case.revision, intake: intake(fields) });
        c = { caseId: saved.id, revision: saved.revision, owner: u, openedAt, openedDay: day, ...fields, escalations: [], reports: [], closedAt: null };
        cases.push(c);
      }
      clock.advance(seconds(60, 1200));
      await officer.ok('ticket:finish', ref());
      Object.assign(t, { status: 'done', finishedAt: clock.now().getTime(), last: { user: u, counter } });
      if (rnd() < 0.3) {
        const code = new URL(issued.visitorUrl as string).pathname.split('/').pop() as string;
        const visitor = await connect(hub.url, { visitorCode: code });
        const given = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 1 + Math.floor(rnd() * 4)])) as SkmAnswers;
        await visitor.ok('survey:submit', { answers: given });
        visitor.close();
        answers.push({ day, answers: given });
      }
      if (!c) continue;
      const later = (days: number) => new Date(d + days * DAY).toISOString().slice(0, 10);
      const r3 = rnd();
      if (r3 < 0.3) await act(c, 'close');
      else if (r3 < 0.55) {
        await act(c, 'escalate');
        if (rnd() < 0.7) plan(later(1 + Math.floor(rnd() * 6)), c, 'close');
      } else if (r3 < 0.7) {
        await act(c, 'report');
        plan(later(1 + Math.floor(rnd() * 4)), c, 'close');
      } else if (r3 < 0.8) {
        plan(later(2), c, 'escalate');
        plan(later(5), c, 'report');
      } else if (r3 < 0.9) plan(later(3 + Math.floor(rnd() * 10)), c, 'close');
      // Otherwise it stays open.
    }
    clock.advance(seconds(60, 600));
    for (const [i, u] of duty.entries()) await (staff.get(u) as TestClient).ok('counter:close', { counterId: i + 1 });
  }
  // The last day's waiting tickets expire with its end, as every earlier day's did.
  for (const t of tickets) if (t.status === 'waiting') t.status = 'expired';
  clock.set('2026-11-04T01:00:00Z');

  // Every kind of activity the report counts happened, in the period.
  const octTickets = tickets.filter((t) => t.day >= FROM && t.day <= TO);
  for (const s of ['done', 'no_show', 'cancelled', 'expired'] as const) expect(octTickets.some((t) => t.status === s)).toBe(true);
  expect(octTickets.some((t) => t.transferred)).toBe(true);

  const head = await signIn(hub.url, 'kepala', 'sandi-kepala');
  clients.push(head);
  const report = await head.ok('report:get', { from: FROM, to: TO });
  const expected = expectedReport(tickets, cases, answers);
  expect(expected.cases.escalatedCoordinator).toBeGreaterThan(0);
  expect(expected.cases.escalatedLkpp).toBeGreaterThan(0);
  expect(expected.cases.reported).toBeGreaterThan(0);
  expect(expected.cases.openAtEnd).toBeGreaterThan(0);
  expect(expected.ikm.count).toBeGreaterThan(0);
  expect(report).toEqual(expected);

  // The exports hold the same tables, figure for figure, as the test's own.
  const token = (head.socket.auth as { token: string }).token;
  const get = (format: 'csv' | 'xlsx') =>
    fetch(`${hub.url}/reports/export.${format}?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${token}` } });
  const csv = await get('csv');
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-disposition')).toContain('laporan-2026-10-01-2026-10-31.csv');
  // The CSV for Indonesian Excel (the IKM with a decimal comma), the XLSX with typed numbers.
  expect(parseCsvTables(await csv.text())).toEqual(asText(reportTables(expected, 'id'), ','));
  const xlsx = await get('xlsx');
  expect(xlsx.status).toBe(200);
  expect(await readXlsxTables(await xlsx.arrayBuffer())).toEqual(asText(reportTables(expected, 'id')));
});
