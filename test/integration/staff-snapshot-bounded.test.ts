// The staff snapshot stays small however many cases are left open: a year of cases with 1,000 not closed
// (with their visitors' personal data) gives each signed-in officer the first rows of the lists a screen
// shows at once and the counts, and every case beyond is one page or one search away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_LIST_ROWS } from '../../shared/domain/caseLists';
import type { CaseSummary } from '../../shared/domain/types';
import type { StaffPatch, StaffSnapshot } from '../../shared/protocol/events';
import { casesOfAYear } from '../helpers/cases';
import { signIn, type TestClient } from '../helpers/clients';
import { FakeClock, startTestHub, type TestHub } from '../helpers/hub';

const YEAR_OF_CASES = 20_000;
const LEFT_OPEN = 1_000;
/** The 1,000 not closed, by status. */
const OPEN_STATUSES = [
  ['open', 400],
  ['escalated', 250],
  ['reported', 200],
  ['resolved', 150],
] as const;
const TODAY = '2026-11-24';
/** The tickets of this morning so far (today's tickets are in the staff snapshot, whole). */
const TICKETS_TODAY = 150;

let hub: TestHub;
let hd1: TestClient;
let koor: TestClient;
let kepala: TestClient;

beforeAll(async () => {
  // Tuesday 24 November 2026, 10:00 WIB.
  hub = await startTestHub({ clock: new FakeClock(Date.parse(`${TODAY}T03:00:00.000Z`)) });
  casesOfAYear(hub.db, { today: TODAY, total: YEAR_OF_CASES, leftOpen: OPEN_STATUSES, ticketsToday: TICKETS_TODAY });
  hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  koor = await signIn(hub.url, 'koor', 'sandi-koor');
  kepala = await signIn(hub.url, 'kepala', 'sandi-kepala');
});

afterAll(async () => {
  for (const c of [hd1, koor, kepala]) c?.close();
  await hub.dispose();
});

const staffSnapshot = (c: TestClient) => c.snapshots[0] as StaffSnapshot;

describe('the staff snapshot on a year of data with 1,000 cases left open', () => {
  it('stays under 200 KB for every role, with the lists bounded and the totals whole', () => {
    for (const who of [hd1, koor, kepala]) {
      const snapshot = staffSnapshot(who);
      expect(snapshot.tickets).toHaveLength(TICKETS_TODAY);
      expect(Buffer.byteLength(JSON.stringify(snapshot))).toBeLessThan(200_000);
      for (const list of Object.values(snapshot.caseLists)) expect(list.ids.length).toBeLessThanOrEqual(CASE_LIST_ROWS);
      expect(snapshot.caseLists.escalated.complete).toBe(false);
      expect(snapshot.caseCounts.reduce((sum, k) => sum + k.n, 0)).toBe(LEFT_OPEN);
      const escalated = snapshot.caseCounts.filter((k) => k.status === 'escalated').reduce((sum, k) => sum + k.n, 0);
      expect(escalated).toBe(250);
    }
  });

  it('carries each officer the case list’s first rows, their own open cases, and of visitors only what the rows show', () => {
    const snapshot = staffSnapshot(hd1);
    const mine = snapshot.caseLists.mine.ids.map((id) => snapshot.cases.find((c) => c.id === id));
    expect(mine).toHaveLength(CASE_LIST_ROWS);
    for (const c of mine) expect(c).toMatchObject({ ownerId: snapshot.me.id, visitorName: expect.stringMatching(/^Pengunjung/) });
    expect(mine.every((c) => c?.status !== 'closed')).toBe(true);
    // Newest first: the officer's latest cases are the ones at hand.
    const opened = mine.map((c) => c?.openedAt ?? '');
    expect(opened).toEqual([...opened].sort().reverse());
    // Contacts and notes stay in the case, read when it is opened.
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('@penyedia.co.id');
    expect(text).not.toContain('0812-');
    expect(text).not.toContain('Berkas penawaran ditolak');
  });

  it('finds a case beyond the snapshot by the next page and by search', async () => {
    const snapshot = staffSnapshot(koor);
    const held = new Set(snapshot.cases.map((c) => c.id));
    // The coordinator's queue, oldest first: page after page until the whole list is held.
    const queue: CaseSummary[] = [];
    for (let page = 0; page < 10; page++) {
      const rows = await koor.ok('case:search', { status: 'escalated', order: 'oldest', offset: queue.length });
      queue.push(...rows);
      if (rows.length < CASE_LIST_ROWS) break;
    }
    expect(queue).toHaveLength(250);
    expect(queue.slice(0, CASE_LIST_ROWS).map((c) => c.id)).toEqual(snapshot.caseLists.escalated.ids);
    const newest = queue.at(-1) as CaseSummary;
    expect(held.has(newest.id)).toBe(false);

    const [found] = await koor.ok('case:search', { query: newest.reference });
    expect(found).toMatchObject({ id: newest.id, status: 'escalated', visitorName: newest.visitorName });
    const { case: whole } = await koor.ok('case:get', { caseId: newest.id });
    expect(whole.intake?.visitorEmail).toMatch(/@penyedia\.co\.id$/);
  });

  it('pages the case list: the officer’s own cases not closed, then every other case, the newest first', async () => {
    const me = staffSnapshot(hd1).me.id;
    const own = staffSnapshot(hd1).caseCounts.filter((k) => k.ownerId === me).reduce((sum, k) => sum + k.n, 0);
    expect(own).toBeGreaterThan(CASE_LIST_ROWS);
    const ownOpen = (c: CaseSummary) => c.ownerId === me && c.status !== 'closed';
    // The page across the turn: the last of the officer's own, then the newest of all the others.
    const across = await hd1.ok('case:search', { offset: own - 10 });
    expect(across.map(ownOpen)).toEqual([...Array<boolean>(10).fill(true), ...Array<boolean>(CASE_LIST_ROWS - 10).fill(false)]);
    const others = across.slice(10).map((c) => c.id);
    expect(others).toEqual([...others].sort((a, b) => b - a));
    // The year's newest case is a closed one.
    const [newest] = await hd1.ok('case:search', { order: 'newest', limit: 1 });
    expect(newest?.status).toBe('closed');
    expect(others[0]).toBe(newest?.id);
    const next = await hd1.ok('case:search', { offset: own + CASE_LIST_ROWS - 10 });
    expect(next.every((c) => !ownOpen(c) && c.id < (others.at(-1) ?? 0))).toBe(true);
  });

  it('keeps the bounded lists right by patch: a case leaves the queue and the counts follow', async () => {
    const snapshot = staffSnapshot(koor);
    const [oldest] = snapshot.caseLists.escalated.ids;
    const { case: c } = await koor.ok('case:get', { caseId: oldest ?? 0 });
    await koor.ok('case:report', { caseId: c.id, revision: c.revision, note: 'LKPP belum menjawab.' });
    const patch = (await kepala.waitForPatch((p) => p.audience === 'staff' && !!(p as StaffPatch).cases?.some((x) => x.id === c.id))) as StaffPatch;
    expect(patch.cases?.find((x) => x.id === c.id)?.status).toBe('reported');
    const count = (status: string) => (patch.caseCounts ?? []).filter((k) => k.status === status).reduce((sum, k) => sum + k.n, 0);
    expect([count('escalated'), count('reported')]).toEqual([249, 201]);
  });
});
