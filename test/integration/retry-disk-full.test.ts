// A request already stored is answered again when retried, even once the disk is full: a kiosk whose ack
// was lost as the disk filled gets its visitor's ticket (not "storage full" for a ticket that exists), and
// an admin retrying a create gets what was created. Anything new is still refused without a write. And a
// visitor's page still stops with its office day while the disk cannot take the day's turn.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';
import { disposeMounts, fill, tmpfs } from '../helpers/mounts';

/** 08:00 WIB: the office is open. */
const clock = new FakeClock(Date.parse('2026-11-24T01:00:00.000Z'));
let hub: TestHub | undefined;
const clients: TestClient[] = [];

beforeAll(async () => {
  // A small file system of its own, so filling it troubles nothing else on the machine.
  hub = await startTestHub({ dataDir: tmpfs(16).dir, clock });
  const started = hub;
  // The start-up backup is written before the disk is filled, so that it is not what fails.
  for (let i = 0; i < 200 && !started.logs.some((l) => /backup written|backup failed/.test(l)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(async () => {
  try {
    for (const c of clients) c.close();
    await hub?.dispose();
  } finally {
    disposeMounts();
  }
});

it('answers a retried ticket and a retried create from what was stored, refuses anything new, and lets yesterday’s phones go', async () => {
  const running = hub as TestHub;
  const kiosk = await connect(running.url, { deviceKey: KIOSK_KEY });
  const admin = await signIn(running.url, 'admin', ADMIN_PASSWORD);
  clients.push(kiosk, admin);
  // Tickets carry the visitor's page address.
  await admin.ok('settings:update', { settings: { publicUrl: running.url } });
  const ticketRequest = { requestId: requestId(), serviceCode: 'A' };
  const first = await kiosk.ok('ticket:issue', ticketRequest);
  const serviceRequest = { requestId: requestId(), code: 'X', name: 'Layanan X', nameEn: 'Service X', sort: 9, askPriority: false, active: true };
  const created = await admin.ok('admin:serviceCreate', serviceRequest);

  // An empty write-ahead log: the next change needs new space on the disk, which will not be there.
  running.db.pragma('wal_checkpoint(TRUNCATE)');
  const filler = fill(running.dataDir);
  try {
    expect(await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL' },
    });
    // The fault stands now: the hub refuses changes without trying the disk, yet the retries are answered.
    expect(await kiosk.request('ticket:issue', ticketRequest)).toEqual({ ok: true, data: first });
    expect(await admin.request('admin:serviceCreate', serviceRequest)).toEqual({ ok: true, data: created });
    const another = { ...serviceRequest, requestId: requestId(), code: 'Y' };
    expect(await admin.request('admin:serviceCreate', another)).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    // Still full, not taken for read-only by the refused writes.
    expect(await kiosk.request('ticket:issue', { requestId: requestId(), serviceCode: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL', message: expect.stringMatching(/penuh/i) },
    });
    expect(running.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(1);

    const phone = await connect(running.url, { visitorCode: new URL(first.visitorUrl ?? '').pathname.split('/').pop() });
    clients.push(phone);
    clock.advance(24 * 3600_000);
    await kiosk.request('sync:snapshot', {});
    await expect.poll(() => phone.socket.connected).toBe(false);
  } finally {
    rmSync(filler, { force: true });
  }
});
