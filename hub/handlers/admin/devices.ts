// Kiosks, displays and survey tablets. A key is shown once (on making the device or giving it a new one)
// and stored hashed; revoking or re-keying cuts a connected device off at once. A kiosk's printer can be
// tried with a test print.
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import type { AdminDevice, DeviceKind } from '../../../shared/domain/types';
import { pagePath } from '../../../shared/protocol/apps';
import { PrinterFault } from '../../../shared/protocol/bridge';
import { DomainError, errorMessage } from '../../../shared/protocol/errors';
import type { DeviceKeyReply } from '../../../shared/protocol/events';
import type { ParsedPayload } from '../../../shared/protocol/schemas';
import { deviceNameTaken, getAdminCounter, getDevice, getOffice, insertDevice, revokeDevice, setDeviceKey, updateDevice } from '../../db/index';
import type { Device } from '../../db/index';
import { adminDevice } from '../../audiences/admin';
import type { Change, Handler, HandlerContext } from '../../context';
import { newDeviceKey } from '../../passwords';
import { adminEvent } from '../../operations/adminLog';
import { printOverNetwork } from '../../operations/networkPrinting';
import { createRequest, remember, repeated } from './common';

function deviceOrRefuse(ctx: HandlerContext, deviceId: number): Device {
  const device = getDevice(ctx.db, deviceId);
  if (!device) throw new DomainError('DEVICE_NOT_FOUND');
  return device;
}

function view(ctx: HandlerContext, deviceId: number): AdminDevice {
  return adminDevice(ctx.db, deviceOrRefuse(ctx, deviceId), ctx.deviceOnline(deviceId));
}

type DeviceFields = Omit<ParsedPayload<'admin:deviceUpdate'>, 'deviceId'>;

/** Only a kiosk prints, and only a survey tablet belongs to a counter. */
function checked(ctx: HandlerContext, kind: DeviceKind, d: DeviceFields, exceptId: number | null): DeviceFields {
  if (deviceNameTaken(ctx.db, d.name, exceptId)) throw new DomainError('DUPLICATE', { field: 'name', value: d.name });
  if (kind === 'survey') {
    if (d.counterId === null) throw new DomainError('SURVEY_NEEDS_COUNTER', { field: 'counterId' });
    if (!getAdminCounter(ctx.db, d.counterId)) throw new DomainError('COUNTER_NOT_FOUND');
  }
  return { name: d.name, printer: kind === 'kiosk' ? d.printer : null, counterId: kind === 'survey' ? d.counterId : null };
}

/** Staff screens offer a reprint only for tickets of kiosks with a printer: a kiosk's printer is their business too. */
function changeOf(kind: DeviceKind): Change {
  return kind === 'kiosk' ? { admin: true, resync: ['staff'] } : { admin: true };
}

function keyReply(ctx: HandlerContext, device: Device, key: string): DeviceKeyReply {
  return { device: view(ctx, device.id), key, path: `${pagePath(device.kind)}?key=${encodeURIComponent(key)}` };
}

const create: Handler<'admin:deviceCreate'> = {
  who: ['admin'],
  retryGetsFirstReply: true,
  run(ctx, payload) {
    const request = createRequest('admin:deviceCreate', payload);
    const again = repeated(ctx, request);
    if (again) return again;
    const { requestId: _id, kind, ...p } = payload;
    const fields = checked(ctx, kind, p, null);
    const key = newDeviceKey();
    const id = insertDevice(ctx.db, { ...fields, kind, key, createdAt: ctx.nowIso });
    adminEvent(ctx, 'device.create', { deviceId: id, kind, ...fields });
    return remember(ctx, request, { reply: keyReply(ctx, deviceOrRefuse(ctx, id), key), change: changeOf(kind) });
  },
};

const update: Handler<'admin:deviceUpdate'> = {
  who: ['admin'],
  run(ctx, { deviceId, ...p }) {
    const device = deviceOrRefuse(ctx, deviceId);
    const fields = checked(ctx, device.kind, p, deviceId);
    updateDevice(ctx.db, deviceId, fields);
    adminEvent(ctx, 'device.update', { deviceId, ...fields });
    // A kiosk learns at once whether it now has a printer.
    ctx.deviceChanged(deviceId, 'refresh');
    return { reply: view(ctx, deviceId), change: changeOf(device.kind) };
  },
};

const rekey: Handler<'admin:deviceRekey'> = {
  who: ['admin'],
  run(ctx, p) {
    const device = deviceOrRefuse(ctx, p.deviceId);
    const key = newDeviceKey();
    setDeviceKey(ctx.db, device.id, key);
    adminEvent(ctx, 'device.rekey', { deviceId: device.id });
    ctx.deviceChanged(device.id, 'cut');
    return { reply: keyReply(ctx, device, key), change: { admin: true } };
  },
};

const revoke: Handler<'admin:deviceRevoke'> = {
  who: ['admin'],
  run(ctx, p) {
    const device = deviceOrRefuse(ctx, p.deviceId);
    revokeDevice(ctx.db, device.id);
    adminEvent(ctx, 'device.revoke', { deviceId: device.id });
    ctx.deviceChanged(device.id, 'cut');
    return { reply: view(ctx, device.id), change: { admin: true } };
  },
};

const testPrint: Handler<'admin:testPrint'> = {
  who: ['admin'],
  run(ctx, p) {
    const device = deviceOrRefuse(ctx, p.deviceId);
    const printer = device.printer;
    if (!printer) throw new DomainError('PRINTER_NOT_SET', { device: device.name });
    const office = getOffice(ctx.db);
    const text = {
      officeName: office.name,
      officeAddress: office.address,
      ticketNumber: 'TES',
      serviceName: 'Tes printer',
      issuedAt: formatOfficeDateTime(ctx.nowIso, ctx.deps.timeZone, 'id'),
      aheadText: `Perangkat: ${device.name}`,
      etaText: `Printer: ${printer.host}:${printer.port}, ${printer.width} mm`,
      footer: 'Jika kertas ini terbaca, printer siap dipakai.',
    };
    return {
      io: () =>
        printOverNetwork(ctx.deps, printer, text).then(
          () => (next: HandlerContext) => {
            adminEvent(next, 'device.testPrint', { deviceId: device.id, result: 'printed' });
            return { reply: { result: 'printed' as const } };
          },
          (e: unknown) => {
            if (!(e instanceof PrinterFault)) throw e;
            return (next: HandlerContext) => {
              adminEvent(next, 'device.testPrint', { deviceId: device.id, result: 'fault', code: e.code });
              return { reply: { result: 'fault' as const, fault: { code: e.code, message: errorMessage(e.code, next.lang) } } };
            };
          },
        ),
    };
  },
};

export const adminDeviceHandlers = {
  'admin:deviceCreate': create,
  'admin:deviceUpdate': update,
  'admin:deviceRekey': rekey,
  'admin:deviceRevoke': revoke,
  'admin:testPrint': testPrint,
};
