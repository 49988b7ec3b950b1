// Services on offer: code letter (fixed once made: numbers already given out carry it), names, kiosk order,
// the priority question, active. Every screen gets the new list at once.
import { DomainError } from '../../../shared/protocol/errors';
import type { Service } from '../../../shared/domain/types';
import { findServiceByCode, getService, insertService, updateService } from '../../db/index';
import type { Change, Handler } from '../../context';
import { adminEvent } from '../../operations/adminLog';
import { createRequest, remember, repeated } from './common';

const EVERYONE: Change = { resync: ['display', 'kiosk', 'staff'], admin: true };

const create: Handler<'admin:serviceCreate'> = {
  who: ['admin'],
  retryGetsFirstReply: true,
  run(ctx, payload) {
    const request = createRequest('admin:serviceCreate', payload);
    const again = repeated(ctx, request);
    if (again) return again;
    const { requestId: _id, ...p } = payload;
    if (findServiceByCode(ctx.db, p.code)) throw new DomainError('DUPLICATE', { field: 'code', value: p.code });
    const id = insertService(ctx.db, p);
    adminEvent(ctx, 'service.create', { serviceId: id, ...p });
    return remember(ctx, request, { reply: getService(ctx.db, id) as Service, change: EVERYONE });
  },
};

const update: Handler<'admin:serviceUpdate'> = {
  who: ['admin'],
  run(ctx, { serviceId, ...p }) {
    const before = getService(ctx.db, serviceId);
    if (!before) throw new DomainError('SERVICE_NOT_FOUND', { service: String(serviceId) });
    updateService(ctx.db, serviceId, p);
    adminEvent(ctx, 'service.update', { serviceId, code: before.code, ...p });
    return { reply: getService(ctx.db, serviceId) as Service, change: EVERYONE };
  },
};

export const adminServiceHandlers = { 'admin:serviceCreate': create, 'admin:serviceUpdate': update };
