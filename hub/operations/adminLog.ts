// The admin's changes in the event log: who changed what in the office's setup, staff and devices.
import { appendEvent } from '../db/index';
import { staffUser, type OperationContext } from '../context';

/** Every admin change is an event naming the admin; `data` holds what changed, never a secret. */
export function adminEvent(ctx: OperationContext, type: string, data: Record<string, unknown>, ids: { userId?: number } = {}): void {
  appendEvent(ctx.db, { at: ctx.nowIso, type: `admin.${type}`, userId: staffUser(ctx).id, data: { ...data, ...ids } });
}
