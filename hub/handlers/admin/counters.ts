// Counters: name, spoken number (1–999, unique among active counters), the services it serves, active. A
// counter someone holds cannot be deactivated until it is closed.
import type { AdminCounter } from '../../../shared/domain/types';
import { DomainError } from '../../../shared/protocol/errors';
import type { ParsedPayload } from '../../../shared/protocol/schemas';
import { counterClash, countTicketsSentTo, findServiceByCode, getAdminCounter, getCounter, insertCounter, updateCounter } from '../../db/index';
import type { Change, Handler, HandlerContext } from '../../context';
import { adminEvent } from '../../operations/adminLog';
import { createRequest, remember, repeated } from './common';

const CHANGE: Change = { resync: ['display', 'staff'], admin: true };

type CounterFields = Omit<ParsedPayload<'admin:counterCreate'>, 'requestId'>;

/** The services' ids, after the checks every counter form gets; `exceptId` is the counter being edited. */
function checked(ctx: HandlerContext, c: CounterFields, exceptId: number | null): number[] {
  if (c.serviceCodes.length === 0) throw new DomainError('COUNTER_NEEDS_SERVICE', { field: 'serviceCodes' });
  const serviceIds = [...new Set(c.serviceCodes)].map((code) => {
    const service = findServiceByCode(ctx.db, code);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND', { service: code });
    return service.id;
  });
  const clash = counterClash(ctx.db, c, exceptId);
  if (clash) throw new DomainError('DUPLICATE', { field: clash, value: String(c[clash]) });
  return serviceIds;
}

const create: Handler<'admin:counterCreate'> = {
  who: ['admin'],
  retryGetsFirstReply: true,
  run(ctx, payload) {
    const request = createRequest('admin:counterCreate', payload);
    const again = repeated(ctx, request);
    if (again) return again;
    const { requestId: _id, ...p } = payload;
    const id = insertCounter(ctx.db, { ...p, serviceIds: checked(ctx, p, null) });
    adminEvent(ctx, 'counter.create', { counterId: id, ...p });
    return remember(ctx, request, { reply: getAdminCounter(ctx.db, id) as AdminCounter, change: CHANGE });
  },
};

const update: Handler<'admin:counterUpdate'> = {
  who: ['admin'],
  run(ctx, { counterId, ...p }) {
    if (!getAdminCounter(ctx.db, counterId)) throw new DomainError('COUNTER_NOT_FOUND');
    const held = getCounter(ctx.db, counterId);
    if (!p.active && held && held.state !== 'closed') {
      throw new DomainError('COUNTER_HELD', { counter: held.name, user: held.userName ?? '?' });
    }
    // Tickets sent to this counter by name could be called nowhere else: they would wait until they expire.
    const sent = p.active ? 0 : countTicketsSentTo(ctx.db, counterId, ctx.today);
    if (sent > 0) throw new DomainError('COUNTER_HAS_TRANSFERS', { counter: p.name, count: String(sent) });
    updateCounter(ctx.db, counterId, { ...p, serviceIds: checked(ctx, p, counterId) });
    adminEvent(ctx, 'counter.update', { counterId, ...p });
    return { reply: getAdminCounter(ctx.db, counterId) as AdminCounter, change: CHANGE };
  },
};

export const adminCounterHandlers = { 'admin:counterCreate': create, 'admin:counterUpdate': update };
