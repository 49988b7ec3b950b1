// Finding a case: by reference, visitor name, company or agency, LPSE Support number, status, owner and date —
// an officer's own unfinished cases first, then the newest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared/domain/types';
import type { ClientPayload } from '../../shared/protocol/schemas';
import { caseOfNewVisit } from '../helpers/cases';
import { connect, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
let kiosk: TestClient;
let hd1: TestClient;
let hd2: TestClient;
let kepala: TestClient;
/** budi: hd1, escalated to LKPP. siti: hd1, open. hartono: hd2, closed. andi: hd2, open, the next day. */
const cases = {} as Record<'budi' | 'siti' | 'hartono' | 'andi', Case>;

beforeAll(async () => {
  // Tuesday 24 November 2026, 08:00 WIB.
  const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
  hub = await startTestHub({ clock });
  kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  hd1 = await signIn(hub.url, 'hd1', 'sandi-hd1');
  hd2 = await signIn(hub.url, 'hd2', 'sandi-hd2');
  kepala = await signIn(hub.url, 'kepala', 'sandi-kepala');
  await hd1.ok('counter:open', { counterId: 1 });
  await hd2.ok('counter:open', { counterId: 2 });

  const budi = await caseOfNewVisit(kiosk, hd1, 1, { visitorName: 'Budi Santoso', visitorOrg: 'CV Maju Jaya' });
  cases.budi = await hd1.ok('case:escalate', { caseId: budi.id, revision: budi.revision, target: 'lkpp', lpseSupportTicket: 'LS-2026-118' });
  clock.advance(60_000);
  cases.siti = await caseOfNewVisit(kiosk, hd1, 1, { visitorName: 'Siti Aminah', visitorType: 'ppk', visitorOrg: 'Dinas PUPR Kota Batam' });
  clock.advance(60_000);
  const hartono = await caseOfNewVisit(kiosk, hd2, 2, { visitorName: 'Budi Hartono', visitorOrg: 'PT Untung_100%' });
  const resolved = await hd2.ok('case:resolve', { caseId: hartono.id, revision: hartono.revision, resolution: 'Dijelaskan.' });
  cases.hartono = await hd2.ok('case:close', { caseId: hartono.id, revision: resolved.revision, channel: 'on_the_spot' });
  clock.advance(86_400_000);
  cases.andi = await caseOfNewVisit(kiosk, hd2, 2, { visitorName: 'Andi', visitorType: 'pokja', lpseTicket: 'LS-BAWAAN-9' });
});

afterAll(async () => {
  for (const c of [kiosk, hd1, hd2, kepala]) c?.close();
  await hub.dispose();
});

async function find(who: TestClient, filter: ClientPayload<'case:search'>): Promise<string[]> {
  const found = await who.ok('case:search', filter);
  const names = new Map(Object.entries(cases).map(([name, c]) => [c.id, name]));
  return found.map((c) => names.get(c.id) ?? `?${c.id}`);
}

const meOf = (c: TestClient) => (c.snapshots[0] as { me: { id: number } }).me.id;

describe('case:search', () => {
  it('finds by reference, visitor name, company or agency, and LPSE Support number, ignoring case', async () => {
    expect(cases.hartono.reference).toBe('K-2026-00003');
    expect(await find(kepala, { query: 'K-2026-00003' })).toEqual(['hartono']);
    expect(await find(kepala, { query: 'k-2026-0000' })).toEqual(['andi', 'hartono', 'siti', 'budi']);
    expect(await find(kepala, { query: 'BUDI' })).toEqual(['hartono', 'budi']);
    expect(await find(kepala, { query: 'pupr' })).toEqual(['siti']);
    expect(await find(kepala, { query: 'LS-2026-118' })).toEqual(['budi']);
    // The number the visitor brought in the intake counts too.
    expect(await find(kepala, { query: 'bawaan' })).toEqual(['andi']);
    expect(await find(kepala, { query: 'tidak ada yang begini' })).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await find(kepala, { query: '%' })).toEqual(['hartono']);
    expect(await find(kepala, { query: '_1' })).toEqual(['hartono']);
  });

  it('filters by status, owner and the office day the case was opened', async () => {
    expect(await find(kepala, { status: 'closed' })).toEqual(['hartono']);
    expect(await find(kepala, { status: 'escalated' })).toEqual(['budi']);
    expect(await find(kepala, { ownerId: meOf(hd2) })).toEqual(['andi', 'hartono']);
    expect(await find(kepala, { from: '2026-11-25' })).toEqual(['andi']);
    expect(await find(kepala, { to: '2026-11-24' })).toEqual(['hartono', 'siti', 'budi']);
    expect(await find(kepala, { from: '2026-11-24', to: '2026-11-24', query: 'budi', status: 'closed' })).toEqual(['hartono']);
    expect(await find(kepala, { limit: 2 })).toEqual(['andi', 'hartono']);
  });

  it("puts the caller's own unfinished cases first, then the newest", async () => {
    expect(await find(hd1, {})).toEqual(['siti', 'budi', 'andi', 'hartono']);
    // hd2's closed case is not "unfinished": it sorts by age like the others.
    expect(await find(hd2, {})).toEqual(['andi', 'hartono', 'siti', 'budi']);
    expect(await find(hd2, { query: 'budi' })).toEqual(['hartono', 'budi']);
  });

  it('is for staff only', async () => {
    expect(await kiosk.request('case:search', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const display = await connect(hub.url);
    expect(await display.request('case:search', { query: 'budi' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await display.request('case:get', { caseId: cases.budi.id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    display.close();
  });
});
