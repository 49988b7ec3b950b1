// The rooms a socket listens in, on a real hub: a socket that signs out leaves the staff's and the admins' rooms
// at once, and the admin section's view — every account, counter and device with its status, and a listing of
// the backups folder — is built for admins to see only: a keyed TV on flaky Wi-Fi changes the lists at every
// drop, and while no admin is connected that must cost no build (counted through the backups folder's listing).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backups } from '../../hub/backup';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, DISPLAY_KEY, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
const open: TestClient[] = [];

beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of open.splice(0)) c.close();
  await hub.dispose();
});

/** The TV connects and drops `times` times; resolves once the hub has seen every drop. */
async function flaps(times: number): Promise<void> {
  for (let i = 0; i < times; i++) (await connect(hub.url, { deviceKey: DISPLAY_KEY })).close();
  // A socket leaves the namespace in the same turn as its disconnect is handled (presence included).
  await expect.poll(() => [...hub.hub.io.of('/').sockets.values()].filter(({ data: { session } }) => session.kind === 'display' && session.device).length).toBe(0);
}

const tvOnline = (admin: TestClient) => admin.adminViews.at(-1)?.devices.find((d) => d.name === 'TV Ruang Tunggu')?.online;

describe('the rooms of a socket', () => {
  it("leave with the session: signed out, the admin's socket hears the display's patches only, and no admin view", async () => {
    const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
    const admin = await connect(hub.url);
    open.push(kiosk, admin);
    await admin.ok('auth:login', { username: 'admin', password: ADMIN_PASSWORD });
    await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await admin.waitForPatch((p) => p.audience === 'staff');
    await admin.ok('auth:logout', {});
    await expect.poll(() => admin.snapshots.at(-1)?.audience).toBe('display');
    const heard = admin.patches.length;
    const views = admin.adminViews.length;
    const issued = await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    // A change to the admin's lists (the TV comes and goes), then one more ticket: once its display patch is
    // here, anything sent to this socket before it is here too.
    await flaps(1);
    await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
    await expect.poll(() => admin.patches.length - heard).toBe(2);
    // Every patch after signing out was the display's, and none carried a ticket's record.
    expect(admin.patches.slice(heard).map((p) => p.audience)).toEqual(['display', 'display']);
    expect(JSON.stringify(admin.patches.slice(heard))).not.toContain(issued.ticket.issuedAt);
    expect(admin.adminViews).toHaveLength(views);
  });
});

describe('the admin view', () => {
  it('is not built while no admin is connected, and is built once per change while one is', async () => {
    const listings = vi.spyOn(Backups.prototype, 'list');
    await flaps(20);
    expect(listings).not.toHaveBeenCalled();

    // Other staff are no admins: still nothing built.
    open.push(await signIn(hub.url, 'koor', 'sandi-koor'));
    await flaps(3);
    expect(listings).not.toHaveBeenCalled();

    // Signing in on this socket makes it the admin's.
    const admin = await connect(hub.url);
    open.push(admin);
    await admin.ok('auth:login', { username: 'admin', password: ADMIN_PASSWORD });
    await expect.poll(() => admin.adminViews.length).toBe(1);
    const tv = await connect(hub.url, { deviceKey: DISPLAY_KEY });
    await expect.poll(() => tvOnline(admin)).toBe(true);
    tv.close();
    await expect.poll(() => tvOnline(admin)).toBe(false);
    // The admin's own view on entering, and one for each of the TV's two changes.
    expect(admin.adminViews).toHaveLength(3);
    expect(listings).toHaveBeenCalledTimes(3);

    admin.close();
    await expect.poll(() => [...hub.hub.io.of('/').sockets.values()].filter((s) => s.data.session.kind === 'staff' && s.data.session.user.role === 'admin').length).toBe(0);
    await flaps(20);
    expect(listings).toHaveBeenCalledTimes(3);
  });
});
