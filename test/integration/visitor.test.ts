// The visitor's own page over a real socket: one ticket only and nothing personal, live; the survey once per
// finished visit, from the phone or the counter's survey tablet; unknown, yesterday's and guessed codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIkm, SKM_ELEMENTS, totalsOf, type SkmAnswers } from '../../shared/domain/skm';
import type { SurveySnapshot, VisitorPatch, VisitorSnapshot } from '../../shared/protocol/events';
import { io } from 'socket.io-client';
import { DEFAULT_LIMITS } from '../../hub/config';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import type { IssuedTicket } from '../../shared/domain/types';

const clock = new FakeClock(Date.parse('2026-11-24T01:00:00Z')); // 08:00 WIB
let hub: TestHub;
let kiosk: TestClient;
let officer: TestClient;
const clients: TestClient[] = [];
const track = <T extends TestClient>(c: T) => (clients.push(c), c);

const allFours = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, 4])) as SkmAnswers;

/** The code at the end of the ticket's QR address. */
const codeOf = (t: IssuedTicket) => new URL(t.visitorUrl as string).pathname.split('/').pop() as string;
const take = (service = 'A') => kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: service });
const lastVisit = (c: TestClient) => {
  const p = [...c.patches].reverse().find((x): x is VisitorPatch => x.audience === 'visitor');
  return p?.visit ?? (c.snapshots[0] as VisitorSnapshot).visit;
};

/** How the hub answers a handshake: 'accepted', or the refusal's code. */
function refusedCode(auth: Record<string, string>, localAddress?: string): Promise<string> {
  const socket = io(hub.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...(localAddress && { localAddress }) });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('accepted'));
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => resolve(String(e.data?.code)));
  }).finally(() => socket.close()) as Promise<string>;
}

beforeAll(async () => {
  hub = await startTestHub({ clock, limits: DEFAULT_LIMITS });
  const admin = track(await signIn(hub.url, 'admin', ADMIN_PASSWORD));
  await admin.ok('settings:update', { settings: { publicUrl: hub.url } });
  kiosk = track(await connect(hub.url, { deviceKey: KIOSK_KEY }));
  officer = track(await signIn(hub.url, 'hd1', 'sandi-hd1'));
  await officer.ok('counter:open', { counterId: 1 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await hub.dispose();
});

describe("the visitor's page", () => {
  it('carries an unguessable code on the public address, not derived from the number', async () => {
    const a = await take();
    const b = await take();
    expect(a.visitorUrl).toMatch(new RegExp(`^${hub.url}/v/[A-Za-z0-9_-]{22}$`));
    // 16 random bytes: 22 base64url characters, nothing of the number or the id in them.
    expect(codeOf(a)).not.toBe(codeOf(b));
    for (const t of [a, b]) {
      expect(codeOf(t)).not.toContain(t.ticket.number.replace('-', ''));
      expect(Buffer.from(codeOf(t), 'base64url')).toHaveLength(16);
    }
    // Cleared away so the queue below starts empty.
    for (const t of [a, b]) await officer.ok('ticket:cancel', { ticketId: t.ticket.id });
  });

  it('follows one ticket live and never receives another ticket or anything personal', async () => {
    const first = await take();
    const second = await take('B');
    const mine = await take();
    const phone = track(await connect(hub.url, { visitorCode: codeOf(mine) }));
    const snap = phone.snapshots[0] as VisitorSnapshot;
    expect(snap.audience).toBe('visitor');
    expect(snap.visit).toMatchObject({ number: mine.ticket.number, status: 'waiting', ahead: 1, serviceCode: 'A' });

    // The one ahead is called and served: the phone hears it is first now.
    await officer.ok('ticket:callNext', { counterId: 1 });
    await officer.ok('ticket:start', { counterId: 1, ticketId: first.ticket.id });
    await expect.poll(() => lastVisit(phone).ahead).toBe(0);
    await officer.ok('ticket:finish', { counterId: 1, ticketId: first.ticket.id });
    // B's ticket is older, but in another service: it is not ahead of an A ticket.
    await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: mine.ticket.id });
    await expect.poll(() => lastVisit(phone)).toMatchObject({ status: 'called', counter: { name: 'Loket 1', number: 1 } });
    await officer.ok('ticket:recall', { counterId: 1, ticketId: mine.ticket.id });
    await expect.poll(() => lastVisit(phone).recallCount).toBe(1);

    // Transferred: waiting again, in its new service.
    await officer.ok('ticket:transfer', { counterId: 1, ticketId: mine.ticket.id, serviceCode: 'B' });
    await expect.poll(() => lastVisit(phone)).toMatchObject({ status: 'waiting', serviceCode: 'B', transferred: true, counter: null });

    const frames = phone.raw.join('\n');
    for (const other of [first, second]) {
      expect(frames).not.toContain(`"${other.ticket.number}"`);
      expect(frames).not.toContain(codeOf(other));
    }
    // No officer's name, no case, no sign-in name, no other ticket's list: one ticket's small view.
    expect(frames).not.toContain('Petugas 1');
    expect(frames).not.toContain('hd1');
    expect(frames).not.toMatch(/"tickets"|"cases"|"users"|"counters"|"recentCalls"/);
    // It may not act on the queue.
    expect(await phone.request('ticket:callNext', { counterId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await phone.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await officer.ok('ticket:cancel', { ticketId: second.ticket.id });
    await officer.ok('ticket:cancel', { ticketId: mine.ticket.id });
  });

  it('takes one survey answer per finished visit, stored without the ticket', async () => {
    const t = await take();
    const phone = track(await connect(hub.url, { visitorCode: codeOf(t) }));
    // Not before the visit is finished.
    expect(await phone.request('survey:submit', { answers: allFours })).toMatchObject({ ok: false, error: { code: 'SURVEY_NOT_FINISHED' } });
    await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: t.ticket.id });
    await officer.ok('ticket:start', { counterId: 1, ticketId: t.ticket.id });
    await officer.ok('ticket:finish', { counterId: 1, ticketId: t.ticket.id });
    await expect.poll(() => lastVisit(phone)).toMatchObject({ status: 'done', surveyOpen: true, surveyed: false });

    const answers = { ...allFours, u3: 2 as const, u8: 3 as const };
    await phone.ok('survey:submit', { answers, profile: { gender: 'p', ageGroup: '30_39', education: 's1', occupation: 'swasta' } });
    await expect.poll(() => lastVisit(phone)).toMatchObject({ surveyOpen: false, surveyed: true });
    const again = await phone.request('survey:submit', { answers: allFours });
    expect(again).toMatchObject({ ok: false, error: { code: 'SURVEY_ALREADY_ANSWERED' } });

    const row = hub.db.prepare('SELECT * FROM survey_answers').all() as Array<Record<string, unknown>>;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ office_day: '2026-11-24', service_code: 'A', counter_id: 1, u3: 2, u8: 3, u9: 4, gender: 'p' });
    // The officer who served, and nothing that names the ticket.
    expect(row[0]?.user_id).toBe((officer.snapshots[0] as { me: { id: number } }).me.id);
    expect(Object.keys(row[0] as object).some((k) => k.includes('ticket'))).toBe(false);
    expect(Object.values(row[0] as object)).not.toContain(t.ticket.number);
    expect(hub.db.prepare('SELECT surveyed FROM tickets WHERE id = ?').get(t.ticket.id)).toEqual({ surveyed: 1 });
  });

  it("offers the counter's tablet the visit it just finished, and stores its answer", async () => {
    const admin = track(await signIn(hub.url, 'admin', ADMIN_PASSWORD));
    const made = await admin.ok('admin:deviceCreate', { requestId: requestId(), kind: 'survey', name: 'Tablet Loket 1', printer: null, counterId: 1 });
    const tablet = track(await connect(hub.url, { deviceKey: made.key }));
    expect((tablet.snapshots[0] as SurveySnapshot).tablet).toMatchObject({ counterName: 'Loket 1', visit: null });
    const other = await admin.ok('admin:deviceCreate', { requestId: requestId(), kind: 'survey', name: 'Tablet Loket 2', printer: null, counterId: 2 });
    const otherTablet = track(await connect(hub.url, { deviceKey: other.key }));

    const t = await take('B');
    await officer.ok('ticket:callSpecific', { counterId: 1, ticketId: t.ticket.id });
    await officer.ok('ticket:start', { counterId: 1, ticketId: t.ticket.id });
    await officer.ok('ticket:finish', { counterId: 1, ticketId: t.ticket.id });
    const offered = await tablet.waitForPatch((p) => p.audience === 'survey' && p.tablet.visit?.ticketNumber === t.ticket.number);
    expect(offered).toMatchObject({ tablet: { visit: { ticketNumber: t.ticket.number, serviceName: 'Permintaan Informasi / Konsultasi' } } });

    // Another counter's tablet cannot answer for it, and a stale number is refused.
    expect(await otherTablet.request('survey:submit', { answers: allFours, ticketNumber: t.ticket.number })).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_NO_VISIT' },
    });
    expect(await tablet.request('survey:submit', { answers: allFours, ticketNumber: 'A-999' })).toMatchObject({
      ok: false,
      error: { code: 'SURVEY_NO_VISIT' },
    });
    const before = (hub.db.prepare('SELECT count(*) AS n FROM survey_answers').get() as { n: number }).n;
    await tablet.ok('survey:submit', { answers: { ...allFours, u1: 1 }, ticketNumber: t.ticket.number });
    await tablet.waitForPatch((p) => p.audience === 'survey' && p.tablet.visit === null);
    expect(hub.db.prepare("SELECT service_code, via, u1 FROM survey_answers ORDER BY id DESC LIMIT 1").get()).toEqual({
      service_code: 'B',
      via: 'tablet',
      u1: 1,
    });
    expect((hub.db.prepare('SELECT count(*) AS n FROM survey_answers').get() as { n: number }).n).toBe(before + 1);
    // The tablet never learns anything personal either.
    expect(tablet.raw.join('\n')).not.toMatch(/Petugas|hd1|"tickets"|"cases"/);
  });

  it('gives the head the IKM of the answers, per service and per officer', async () => {
    const head = track(await signIn(hub.url, 'kepala', 'sandi-kepala'));
    const report = await head.ok('survey:ikm', { from: '2026-11-24', to: '2026-11-24' });
    const stored = hub.db.prepare(`SELECT ${SKM_ELEMENTS.join(', ')} FROM survey_answers`).all() as SkmAnswers[];
    expect(report.overall).toEqual(computeIkm(totalsOf(stored)));
    expect(report.overall.count).toBe(2);
    expect(report.byService.map((s) => s.serviceCode)).toEqual(['A', 'B']);
    expect(report.byOfficer).toEqual([expect.objectContaining({ name: 'Petugas 1', ikm: expect.objectContaining({ count: 2 }) })]);
    expect(await officer.request('survey:ikm', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('codes that open nothing', () => {
  it('refuses a made-up code, and a code from yesterday once the day is over', async () => {
    expect(await refusedCode({ visitorCode: 'bm90LWEtcmVhbC1jb2RlLXh4' }, '127.0.0.3')).toBe('VISITOR_CODE_UNKNOWN');
    const t = await take();
    const phone = track(await connect(hub.url, { visitorCode: codeOf(t) }));
    clock.advance(24 * 3600_000);
    // The page stops with its day: the hub lets the phone go, and the code opens nothing any more.
    await kiosk.request('sync:snapshot', {});
    await expect.poll(() => phone.socket.connected).toBe(false);
    expect(await refusedCode({ visitorCode: codeOf(t) })).toBe('VISITOR_CODE_UNKNOWN');
  });

  it('throttles 1,000 guessed codes from one address, while another address is not held up', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) codes.push(await refusedCode({ visitorCode: `guess-${i}-${'x'.repeat(10)}` }, '127.0.0.9'));
    const unknown = codes.filter((c) => c === 'VISITOR_CODE_UNKNOWN').length;
    expect(unknown).toBe(DEFAULT_LIMITS.visitorCodeGuessesPerMinute);
    expect(codes.filter((c) => c === 'VISITOR_CODE_RATE_LIMITED')).toHaveLength(1000 - unknown);
    // Even a right code is refused from the guessing address for now; a phone elsewhere still gets in.
    const t = await take();
    expect(await refusedCode({ visitorCode: codeOf(t) }, '127.0.0.9')).toBe('VISITOR_CODE_RATE_LIMITED');
    expect(await refusedCode({ visitorCode: codeOf(t) }, '127.0.0.10')).toBe('accepted');
  });
});
