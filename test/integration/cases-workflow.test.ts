// The case of SOP steps 3–9 through raw socket events against a real hub: resolved at the helpdesk,
// escalated and seen through by the coordinator and the head, a returning visitor, two staff saving at once —
// while the waiting-room display and the kiosk never see a case or a visitor's personal data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../shared/domain/types';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import { caseOfNewVisit, intake, serveVisitor, sopSteps, stored } from '../helpers/cases';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { DISPLAY_KEY, FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

const DAY_MS = 86_400_000;

let hub: TestHub;
let clock: FakeClock;
let kiosk: TestClient;
let display: TestClient;
let anonymousDisplay: TestClient;
let hd1: TestClient;
let hd2: TestClient;
let koor: TestClient;
let kepala: TestClient;
const clients: TestClient[] = [];

async function client(c: Promise<TestClient>): Promise<TestClient> {
  const opened = await c;
  clients.push(opened);
  return opened;
}

beforeEach(async () => {
  // Tuesday 24 November 2026, 08:00 WIB.
  clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
  hub = await startTestHub({ clock });
  kiosk = await client(connect(hub.url, { deviceKey: KIOSK_KEY }));
  display = await client(connect(hub.url, { deviceKey: DISPLAY_KEY }));
  anonymousDisplay = await client(connect(hub.url));
  hd1 = await client(signIn(hub.url, 'hd1', 'sandi-hd1'));
  hd2 = await client(signIn(hub.url, 'hd2', 'sandi-hd2'));
  koor = await client(signIn(hub.url, 'koor', 'sandi-koor'));
  kepala = await client(signIn(hub.url, 'kepala', 'sandi-kepala'));
  await hd1.ok('counter:open', { counterId: 1 });
  await hd2.ok('counter:open', { counterId: 2 });
});

afterEach(async () => {
  // Whatever happened in the test, the waiting room and the kiosk saw no case and no personal data.
  for (const publicClient of [kiosk, display, anonymousDisplay]) {
    const frames = publicClient.raw.join('\n');
    for (const secret of ['K-2026', 'Budi', 'Santoso', 'Maju', '0812', 'budi@', 'cases', 'caseId', 'intake', 'visitor']) {
      expect(frames, `${secret} reached a public screen`).not.toContain(secret);
    }
  }
  for (const c of clients.splice(0)) c.close();
  await hub.dispose();
});

const staffPatchWith = (caseId: number, match: (c: CaseSummary) => boolean) => (p: { audience: string }) =>
  p.audience === 'staff' && ((p as StaffPatch).cases ?? []).some((c) => c.id === caseId && match(c));

/** The timeline as [type, SOP step, actor] rows. */
async function timelineOf(who: TestClient, caseId: number) {
  const { timeline } = await who.ok('case:get', { caseId });
  return { timeline, rows: timeline.map((e) => [e.type, e.sopStep, e.actorName]) };
}

describe('a case from the counter to its close', () => {
  it('is resolved at the helpdesk: steps 2, 3, 4, 6, 9 by the officer, and stays on staff screens for the day', async () => {
    // Starting service opened the case in the same transaction and returned it with the ticket.
    const { ticket: served, case: opened } = await serveVisitor(kiosk, hd1, 1);
    expect(served).toMatchObject({ number: 'A-001', status: 'serving' });
    expect(opened).toMatchObject({
      reference: 'K-2026-00001',
      status: 'open',
      ownerName: 'Petugas 1',
      ticketNumber: 'A-001',
      intake: null,
      revision: 1,
    });

    let c = await hd1.ok('case:intake', { caseId: opened.id, revision: 1, intake: intake({ visitorEmail: 'budi@majujaya.co.id' }) });
    expect(c).toMatchObject({ revision: 2, status: 'open', intake: { visitorName: 'Budi Santoso', visitorType: 'penyedia' } });
    c = await hd1.ok('case:handle', { caseId: c.id, revision: c.revision, note: 'Berkas melebihi 20 MB; dikompres bersama.' });
    c = await hd1.ok('case:resolve', { caseId: c.id, revision: c.revision, resolution: 'Dokumen penawaran berhasil diunggah.' });
    expect(c).toMatchObject({ status: 'resolved', resolution: 'Dokumen penawaran berhasil diunggah.' });
    c = await hd1.ok('case:close', { caseId: c.id, revision: c.revision, channel: 'on_the_spot' });
    expect(c).toMatchObject({ status: 'closed', closeChannel: 'on_the_spot', revision: 5 });
    await hd1.ok('ticket:finish', { counterId: 1, ticketId: served.id });

    const { timeline, rows } = await timelineOf(kepala, c.id);
    // The visit's service (step 3) finished after the case was closed.
    expect(sopSteps(timeline)).toEqual([2, 3, 4, 6, 9, 3]);
    expect(rows).toEqual([
      ['ticket.issue', 2, 'Kiosk Lobi'],
      ['ticket.call', 2, 'Petugas 1'],
      ['ticket.start', 3, 'Petugas 1'],
      ['case.open', 3, 'Petugas 1'],
      ['case.intake', 3, 'Petugas 1'],
      ['case.handle', 4, 'Petugas 1'],
      ['case.resolve', 6, 'Petugas 1'],
      ['case.close', 9, 'Petugas 1'],
      ['ticket.finish', 3, 'Petugas 1'],
    ]);
    expect(timeline.map((e) => [e.fromStatus, e.toStatus]).slice(3, 8)).toEqual([
      [null, 'open'],
      ['open', 'open'],
      ['open', 'open'],
      ['open', 'resolved'],
      ['resolved', 'closed'],
    ]);
    expect(timeline[1]?.note).toBe('A-001 · Loket 1');
    expect(timeline[5]?.note).toBe('Berkas melebihi 20 MB; dikompres bersama.');

    // Other staff saw it live; closed, it leaves the lists of cases not closed and their counts, and stays in
    // the case list (every case, the newest first), today and after.
    await koor.waitForPatch(staffPatchWith(c.id, (x) => x.status === 'closed'));
    const later = (await client(signIn(hub.url, 'hd2', 'sandi-hd2'))).snapshots[0] as StaffSnapshot;
    expect(later.caseLists.mine).toEqual({ ids: [c.id], complete: true });
    expect([later.caseLists.unclosed.ids, later.caseLists.escalated.ids, later.caseCounts]).toEqual([[], [], []]);
    clock.advance(DAY_MS);
    const tomorrow = (await client(signIn(hub.url, 'hd2', 'sandi-hd2'))).snapshots[0] as StaffSnapshot;
    expect(tomorrow.cases.map((x) => [x.reference, x.status])).toEqual([['K-2026-00001', 'closed']]);
  });

  it('is escalated: the coordinator takes it, the head recommends, the officer closes it by phone: steps 3, 5, 6, 7, 8, 6, 9', async () => {
    const { ticket: served, case: opened } = await serveVisitor(kiosk, hd1, 1);
    let c = await hd1.ok('case:intake', { caseId: opened.id, revision: opened.revision, intake: intake() });
    c = await hd1.ok('case:escalate', {
      caseId: c.id,
      revision: c.revision,
      target: 'both',
      lpseSupportTicket: 'LS-2026-118',
      note: 'Akun terkunci di SPSE; perlu LKPP.',
    });
    // The number reaches the intake's "LPSE Support ticket" field, which was empty.
    expect(c).toMatchObject({ status: 'escalated', escalationTarget: 'both', lpseSupportTicket: 'LS-2026-118' });
    expect(c.intake?.lpseTicket).toBe('LS-2026-118');

    // The visitor goes home: the visit ends, the case stays open and escalated.
    const finished = await hd1.ok('ticket:finish', { counterId: 1, ticketId: served.id });
    expect(finished.status).toBe('done');
    expect((await hd1.ok('case:get', { caseId: c.id })).case).toMatchObject({ status: 'escalated', revision: c.revision });

    const seen = await koor.waitForPatch(staffPatchWith(c.id, (x) => x.status === 'escalated'));
    const coordinatorsView = (seen as StaffPatch).cases?.find((x) => x.id === c.id) as CaseSummary;
    c = await koor.ok('case:take', { caseId: c.id, revision: coordinatorsView.revision });
    expect(c).toMatchObject({ ownerName: 'Koordinator Helpdesk', status: 'escalated' });
    c = await koor.ok('case:followup', { caseId: c.id, revision: c.revision, note: 'Diteruskan ke LKPP, menunggu jawaban.' });

    // The officer finds it among the cases and reports it to the head.
    const [found] = await hd1.ok('case:search', { query: c.reference });
    expect(found).toMatchObject({ id: c.id, revision: c.revision });
    c = await hd1.ok('case:report', { caseId: c.id, revision: c.revision, note: 'LKPP belum menjawab setelah 3 hari.' });
    expect(c.status).toBe('reported');

    await kepala.waitForPatch(staffPatchWith(c.id, (x) => x.status === 'reported'));
    c = await kepala.ok('case:recommend', { caseId: c.id, revision: c.revision, recommendation: 'Hubungi LKPP lewat telepon.' });
    // The officer's screens learn there is a recommendation; the case shows it.
    await hd1.waitForPatch(staffPatchWith(c.id, (x) => x.recommended && x.revision === c.revision));
    expect((await hd1.ok('case:get', { caseId: c.id })).case.lastRecommendation).toBe('Hubungi LKPP lewat telepon.');

    c = await hd1.ok('case:resolve', { caseId: c.id, revision: c.revision, resolution: 'Akun dibuka kembali oleh LKPP.' });
    c = await hd1.ok('case:close', { caseId: c.id, revision: c.revision, channel: 'phone' });
    expect(c).toMatchObject({ status: 'closed', closeChannel: 'phone', ownerName: 'Koordinator Helpdesk' });

    const { timeline, rows } = await timelineOf(hd2, c.id);
    expect(sopSteps(timeline.filter((e) => e.type.startsWith('case.')))).toEqual([3, 5, 6, 7, 8, 6, 9]);
    expect(rows).toEqual([
      ['ticket.issue', 2, 'Kiosk Lobi'],
      ['ticket.call', 2, 'Petugas 1'],
      ['ticket.start', 3, 'Petugas 1'],
      ['case.open', 3, 'Petugas 1'],
      ['case.intake', 3, 'Petugas 1'],
      ['case.escalate', 5, 'Petugas 1'],
      ['ticket.finish', 3, 'Petugas 1'],
      ['case.take', 5, 'Koordinator Helpdesk'],
      ['case.followup', 6, 'Koordinator Helpdesk'],
      ['case.report', 7, 'Petugas 1'],
      ['case.recommend', 8, 'Kepala Unit'],
      ['case.resolve', 6, 'Petugas 1'],
      ['case.close', 9, 'Petugas 1'],
    ]);
    expect(timeline.find((e) => e.type === 'case.recommend')?.note).toBe('Hubungi LKPP lewat telepon.');
    // The escalation says to whom and under which LPSE Support number.
    expect(timeline.find((e) => e.type === 'case.escalate')).toMatchObject({ to: 'both', lpseSupportTicket: 'LS-2026-118' });

    // Every case action is in the append-only log with its case, actor, statuses and step.
    const logged = hub.db
      .prepare(`SELECT type, user_id AS userId, from_status AS fromStatus, to_status AS toStatus, sop_step AS sopStep
                FROM events WHERE case_id = ? ORDER BY id`)
      .all(c.id) as { type: string; userId: number }[];
    expect(logged).toHaveLength(9);
    expect(logged.every((e) => e.userId > 0)).toBe(true);
  });

  it('is attached to a returning visitor’s new ticket instead of opening another', async () => {
    const first = await caseOfNewVisit(kiosk, hd1, 1);
    const escalated = await hd1.ok('case:escalate', { caseId: first.id, revision: first.revision, target: 'coordinator' });

    // The next day the visitor comes back, takes a number and is served at another counter with that case.
    clock.advance(DAY_MS);
    const [found] = await hd2.ok('case:search', { query: 'budi' });
    expect(found?.id).toBe(first.id);
    const again = await serveVisitor(kiosk, hd2, 2, first.id);
    expect(again.ticket).toMatchObject({ number: 'A-001', status: 'serving' });
    expect(again.case).toMatchObject({
      id: first.id,
      reference: first.reference,
      status: 'escalated',
      ticketId: again.ticket.id,
      ticketNumber: 'A-001',
      ownerName: 'Petugas 1',
      revision: escalated.revision + 1,
    });
    // Attaching again is harmless; no second case was made.
    const ref = { counterId: 2, ticketId: again.ticket.id };
    expect((await hd2.ok('case:attach', { ...ref, caseId: first.id })).revision).toBe(again.case.revision);
    expect((hub.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(1);

    const { rows } = await timelineOf(hd2, first.id);
    expect(rows).toEqual([
      ['ticket.issue', 2, 'Kiosk Lobi'],
      ['ticket.call', 2, 'Petugas 1'],
      ['ticket.start', 3, 'Petugas 1'],
      ['case.open', 3, 'Petugas 1'],
      ['case.intake', 3, 'Petugas 1'],
      ['ticket.finish', 3, 'Petugas 1'],
      ['case.escalate', 5, 'Petugas 1'],
      ['ticket.issue', 2, 'Kiosk Lobi'],
      ['ticket.call', 2, 'Petugas 2'],
      ['ticket.start', 3, 'Petugas 2'],
      ['case.attach', 3, 'Petugas 2'],
    ]);

    const followed = await hd2.ok('case:followup', { caseId: first.id, revision: again.case.revision, note: 'Pengunjung datang lagi.' });
    expect(followed.revision).toBe(again.case.revision + 1);
  });

  it('recognised after the start: the returning visitor’s case replaces the new, empty one, which is withdrawn', async () => {
    const earlier = await caseOfNewVisit(kiosk, hd1, 1);
    const { ticket, case: fresh } = await serveVisitor(kiosk, hd2, 2);
    const attached = await hd2.ok('case:attach', { counterId: 2, ticketId: ticket.id, caseId: earlier.id });
    expect(attached).toMatchObject({ id: earlier.id, ticketId: ticket.id });
    const { case: withdrawn, timeline } = await hd2.ok('case:get', { caseId: fresh.id });
    expect(withdrawn.status).toBe('withdrawn');
    expect(timeline.at(-1)).toMatchObject({ type: 'case.withdraw', fromStatus: 'open', toStatus: 'withdrawn' });
    // Finishing the visit now leaves the attached case as it is.
    await hd2.ok('ticket:finish', { counterId: 2, ticketId: ticket.id });
    expect((await hd2.ok('case:get', { caseId: earlier.id })).case.status).toBe('open');
    expect((await hd2.ok('case:search', {})).map((c) => c.id)).toEqual([earlier.id]);
  });

  it('refuses to replace a new case with something recorded in it, and to attach a closed case', async () => {
    const closed = await caseOfNewVisit(kiosk, hd1, 1);
    const resolved = await hd1.ok('case:resolve', { caseId: closed.id, revision: closed.revision, resolution: 'Selesai.' });
    await hd1.ok('case:close', { caseId: closed.id, revision: resolved.revision, channel: 'on_the_spot' });
    const other = await caseOfNewVisit(kiosk, hd1, 1);

    const { ticket, case: own } = await serveVisitor(kiosk, hd2, 2);
    await hd2.ok('case:handle', { caseId: own.id, revision: own.revision, note: 'Sudah dicoba.' });
    const before = stored(hub.db, other.id);
    const taken = await hd2.request('case:attach', { counterId: 2, ticketId: ticket.id, caseId: other.id });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CASE_ALREADY_OPEN' } });
    if (!taken.ok) expect(taken.error.message).toContain(own.reference);
    expect(stored(hub.db, other.id)).toEqual(before);

    // A closed case cannot be continued, and the start it came with does not happen either.
    const { ticket: next } = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await hd1.ok('ticket:callSpecific', { counterId: 1, ticketId: next.id });
    const closedBefore = stored(hub.db, closed.id);
    const refused = await hd1.request('ticket:start', { counterId: 1, ticketId: next.id, caseId: closed.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CASE_ILLEGAL' } });
    if (!refused.ok) expect(refused.error.message).toContain('ditutup');
    expect(stored(hub.db, closed.id)).toEqual(closedBefore);
    expect((hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(next.id) as { status: string }).status).toBe('called');
  });

  it('refuses a second save made from an old revision, changing nothing', async () => {
    const c = await caseOfNewVisit(kiosk, hd1, 1);
    const escalated = await hd1.ok('case:escalate', { caseId: c.id, revision: c.revision, target: 'coordinator' });
    // Both have the case on screen at the same revision; the coordinator saves first.
    await koor.ok('case:followup', { caseId: c.id, revision: escalated.revision, note: 'Saya tangani.' });
    const before = stored(hub.db, c.id);
    const stale = await hd1.request('case:intake', {
      caseId: c.id,
      revision: escalated.revision,
      intake: intake({ visitorName: 'Nama Yang Lain' }),
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CASE_STALE', message: 'Kasus ini sudah diubah orang lain. Muat ulang.' },
    });
    expect(stored(hub.db, c.id)).toEqual(before);
    // After reloading, the save goes through.
    const { case: fresh } = await hd1.ok('case:get', { caseId: c.id });
    const saved = await hd1.ok('case:intake', { caseId: c.id, revision: fresh.revision, intake: intake({ visitorOrg: 'PT Baru' }) });
    expect(saved.intake?.visitorOrg).toBe('PT Baru');
  });

  it('keeps cases from the display and kiosk audiences while they still get their queue updates', async () => {
    const c = await caseOfNewVisit(kiosk, hd1, 1, { visitorEmail: 'budi@majujaya.co.id' });
    await hd1.ok('case:escalate', { caseId: c.id, revision: c.revision, target: 'lkpp', lpseSupportTicket: 'LS-7' });
    await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'B' });
    // The public screens are live (a call and a waiting count reached them) — and their frames are checked after each test.
    await display.waitForPatch((p) => p.audience === 'display' && !!p.calls?.some((c) => c.ticketNumber === 'A-001'));
    await anonymousDisplay.waitForPatch((p) => p.audience === 'display' && p.waiting?.B === 1);
    await kiosk.waitForPatch((p) => p.audience === 'kiosk' && p.waiting?.B === 1);
    expect(display.snapshots[0]).not.toHaveProperty('cases');
    expect(kiosk.snapshots[0]).not.toHaveProperty('cases');
    // Staff got the case as their lists show it: the visitor's name and company, not the contacts, which
    // only the case itself shows.
    const staffPatch = await hd2.waitForPatch(staffPatchWith(c.id, (x) => x.status === 'escalated'));
    expect((staffPatch as StaffPatch).cases?.[0]).toMatchObject({ visitorName: 'Budi Santoso', visitorOrg: 'CV Maju Jaya' });
    expect(JSON.stringify(staffPatch)).not.toMatch(/0812|budi@/);
    expect((await hd2.ok('case:get', { caseId: c.id })).case.intake?.visitorPhone).toBe('0812-7000-1234');
  });
});
