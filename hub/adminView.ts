// The admin section's lists, whole: small (tens of rows), sent to admins only.
import type { AdminDevice, AdminView, PrinterFault } from '../shared/domain/types';
import { listBackups } from './backup';
import { listAdminCounters, listAdminUsers, listDevices, listOpenPrinterFaults, type Db, type Device } from './db/index';

function withStatus(device: Device, online: boolean, faults: readonly PrinterFault[]): AdminDevice {
  return { ...device, online, openFaults: faults.filter((f) => f.deviceId === device.id).length };
}

export function adminDevice(db: Db, device: Device, online: boolean): AdminDevice {
  return withStatus(device, online, listOpenPrinterFaults(db));
}

export function adminView(db: Db, deviceOnline: (id: number) => boolean, backupDir: string): AdminView {
  const faults = listOpenPrinterFaults(db);
  return {
    users: listAdminUsers(db),
    counters: listAdminCounters(db),
    devices: listDevices(db).map((d) => withStatus(d, deviceOnline(d.id), faults)),
    backups: listBackups(backupDir),
  };
}
