// The admins' audience (hub/audiences/admin.ts) against a real database and a real backups folder: the admin
// section's lists for admins only, built only while an admin is connected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Audiences } from '../../hub/audiences/index';
import type { Session } from '../../hub/context';
import { openOffice, type TestOffice } from '../helpers/office';

let office: TestOffice;
let audiences: Audiences;

beforeEach(() => {
  office = openOffice();
  audiences = office.audiences();
});
afterEach(() => office.close());

describe('the admins', () => {
  it('get the accounts, counters, devices with their status and the backups; nobody else does', async () => {
    const backup = await office.backups.now();
    office.online.add(2);
    const admin = office.staff('admin');
    const view = audiences.adminSnapshot(admin);
    expect(view?.users.map((u) => u.username)).toContain('hd1');
    expect(view?.counters.map((c) => c.name)).toEqual(['Loket 1', 'Loket 2', 'Loket 3']);
    expect(view?.devices.map((d) => [d.name, d.online])).toEqual([['Kiosk Lobi', false], ['TV Ruang Tunggu', true]]);
    expect(view?.backups).toEqual([backup]);
    expect(audiences.join(admin)).toEqual(['staff', 'admin']);
    for (const other of [office.staff('hd1'), office.staff('kepala'), office.staff('admin', true), { kind: 'display', device: null } satisfies Session]) {
      expect(audiences.adminSnapshot(other)).toBeUndefined();
      expect(audiences.join(other)).not.toContain('admin');
    }
  });

  it('is built only while an admin is connected, and only for a change to its lists', () => {
    const listings = vi.spyOn(office.backups, 'list');
    // A keyed display coming and going with no admin connected: nobody to build the view for.
    for (let i = 0; i < 20; i++) expect(audiences.adminPatch({ admin: true })).toBeUndefined();
    expect(listings).not.toHaveBeenCalled();

    const rooms = audiences.join(office.staff('admin'));
    expect(audiences.adminPatch({ ticketIds: [1], waiting: true })).toBeUndefined();
    office.online.add(1);
    const sent = audiences.adminPatch({ admin: true });
    expect(sent?.room).toBe('admin');
    expect(sent?.view.devices.find((d) => d.id === 1)?.online).toBe(true);
    expect(listings).toHaveBeenCalledTimes(1);

    // The admin left: the admins' room emptied, and building stops again.
    for (const room of rooms) audiences.forget(room);
    for (let i = 0; i < 20; i++) expect(audiences.adminPatch({ admin: true })).toBeUndefined();
    expect(listings).toHaveBeenCalledTimes(1);
  });
});
