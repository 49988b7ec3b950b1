// "A visit's case is never empty": starting service opens the case in the same transaction (a failure in
// between leaves the ticket as it was), and a case with nothing recorded is withdrawn when its visit ends —
// by the officer or by the end-of-day rollover — and leaves every list.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import { serveVisitor } from '../helpers/cases';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let clock: FakeClock;
let kiosk: TestClient;
let hd1: TestClient;
let koor: TestClient;

beforeEach(async () => {
  // Tuesday 24 November 2026, 15:00 WIB.
  clock = new FakeClock(Date.parse('2026-11-24T08:00:00.000Z'));
  hub = await startTestHub({ clock });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  koor = await signIn(hub.url, 'koor', 'sandi-koor');
  await hd1.ok('counter:open', { counterId: 1 });
});

afterEach(async () => {
  for (const c of [kiosk, hd1, koor]) c?.close();
  await hub.dispose();
});

const staffCases = async () => {
  const fresh = await signIn(hub.url, 'kepala', 'sandi-kepala');
  const cases = (fresh.snapshots[0] as StaffSnapshot).cases;
  fresh.close();
  return cases;
};

it('withdraws the case of a visit finished with nothing recorded, and no list shows it', async () => {
  const { ticket, case: opened } = await serveVisitor(kiosk, hd1, 1);
  expect((await staffCases()).map((c) => c.id)).toEqual([opened.id]);
  await hd1.ok('ticket:finish', { counterId: 1, ticketId: ticket.id });

  // Staff screens learn it at once, and drop it.
  await koor.waitForPatch((p) => p.audience === 'staff' && ((p as StaffPatch).cases ?? []).some((c) => c.status === 'withdrawn'));
  const { case: withdrawn, timeline } = await koor.ok('case:get', { caseId: opened.id });
  expect(withdrawn.status).toBe('withdrawn');
  expect(timeline.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.toStatus])).toEqual([
    ['case.open', 'open'],
    ['case.withdraw', 'withdrawn'],
  ]);
  expect(await staffCases()).toEqual([]);
  expect(await koor.ok('case:search', {})).toEqual([]);
  expect(await koor.ok('case:search', { query: opened.reference })).toEqual([]);
});

it('withdraws the empty case of a visit still served when the office day ends', async () => {
  const { ticket, case: opened } = await serveVisitor(kiosk, hd1, 1);
  clock.advance(24 * 3_600_000);
  // The first request of the new day runs the rollover.
  await hd1.ok('case:search', {});
  const stored = hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(ticket.id) as { status: string };
  expect(stored.status).toBe('done');
  expect((await hd1.ok('case:get', { caseId: opened.id })).case.status).toBe('withdrawn');
  expect(await staffCases()).toEqual([]);
});

it('keeps the case of a visit with something recorded when the visit finishes', async () => {
  const { ticket, case: opened } = await serveVisitor(kiosk, hd1, 1);
  await hd1.ok('case:handle', { caseId: opened.id, revision: opened.revision, note: 'Dijelaskan cara unggah.' });
  await hd1.ok('ticket:finish', { counterId: 1, ticketId: ticket.id });
  expect((await hd1.ok('case:get', { caseId: opened.id })).case.status).toBe('open');
  expect((await staffCases()).map((c) => c.id)).toEqual([opened.id]);
});

it('leaves the ticket called when its case cannot be opened: one transaction', async () => {
  const { ticket } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await hd1.ok('ticket:callSpecific', { counterId: 1, ticketId: ticket.id });
  // A real failure inside SQLite, on the hub's own connection: every new case row is refused.
  hub.db.exec(`CREATE TEMP TRIGGER refuse_cases BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'injected'); END`);
  const events = () => (hub.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const before = events();
  expect(await hd1.request('ticket:start', { counterId: 1, ticketId: ticket.id })).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL' },
  });
  const row = hub.db.prepare('SELECT status, serving_at AS servingAt FROM tickets WHERE id = ?').get(ticket.id);
  expect(row).toEqual({ status: 'called', servingAt: null });
  expect(events()).toBe(before);
  expect(hub.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });

  hub.db.exec('DROP TRIGGER temp.refuse_cases');
  const started = await hd1.ok('ticket:start', { counterId: 1, ticketId: ticket.id });
  expect(started.case.ticketId).toBe(ticket.id);
});

it('shows a transfer in the timeline with where the ticket came from and went to', async () => {
  const { ticket, case: opened } = await serveVisitor(kiosk, hd1, 1);
  await hd1.ok('ticket:transfer', { counterId: 1, ticketId: ticket.id, serviceCode: 'B' });
  const { timeline } = await hd1.ok('case:get', { caseId: opened.id });
  expect(timeline.find((e) => e.type === 'ticket.transfer')).toMatchObject({
    from: 'A — Gangguan / Permasalahan',
    to: 'B — Permintaan Informasi / Konsultasi',
  });
});
