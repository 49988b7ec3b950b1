// Admins: the admin section's lists, whole — every account, counter and device with its status, and the
// backups. Small (tens of rows), but a listing of the backups folder: built only for an admin to see.
import type { AdminDevice, AdminView, PrinterFault } from '../../shared/domain/types';
import { listAdminCounters, listAdminUsers, listDevices, listOpenPrinterFaults, type ReadDb, type Device } from '../db/index';
import type { AudienceDeps, Live } from './base';

function withStatus(device: Device, online: boolean, faults: readonly PrinterFault[]): AdminDevice {
  return { ...device, online, openFaults: faults.filter((f) => f.deviceId === device.id).length };
}

/** One device as the admin section lists it (a handler's reply). */
export function adminDevice(db: ReadDb, device: Device, online: boolean): AdminDevice {
  return withStatus(device, online, listOpenPrinterFaults(db));
}

export function adminView({ db, backups }: AudienceDeps, live: Pick<Live, 'deviceOnline' | 'withLastSeen'>): AdminView {
  const faults = listOpenPrinterFaults(db);
  return live.withLastSeen({
    users: listAdminUsers(db),
    counters: listAdminCounters(db),
    devices: listDevices(db).map((d) => withStatus(d, live.deviceOnline(d.id), faults)),
    backups: backups.list(),
  });
}
