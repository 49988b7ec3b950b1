// What every admin handler shares: the event naming the admin, and creates that answer a retry with the
// first result.
import { appendEvent } from '../../db/index';
import type { HandlerContext, HandlerResult } from '../../context';
import type { ClientEventName } from '../../../shared/protocol/schemas';
import { staffUser } from '../guards';

/** Every admin change is an event naming the admin; `data` holds what changed, never a secret. */
export function adminEvent(ctx: HandlerContext, type: string, data: Record<string, unknown>, ids: { userId?: number } = {}): void {
  appendEvent(ctx.db, { at: ctx.nowIso, type: `admin.${type}`, userId: staffUser(ctx).id, data: { ...data, ...ids } });
}

function requester(ctx: HandlerContext): string {
  return `user:${staffUser(ctx).id}`;
}

/** The first reply to this request id, if this is a retry. */
export function repeated<E extends ClientEventName>(ctx: HandlerContext, requestId: string): HandlerResult<E> | undefined {
  const reply = ctx.replies.get<HandlerResult<E> & { reply: unknown }>(requester(ctx), requestId, ctx.now.getTime())?.reply;
  return reply === undefined ? undefined : ({ reply } as HandlerResult<E>);
}

/** Keeps a create's reply for its retries, once it is committed: a rolled-back create is not repeated. */
export function remember<R extends { reply: unknown }>(ctx: HandlerContext, requestId: string, result: R): R {
  const who = requester(ctx);
  ctx.afterCommit(() => ctx.replies.set(who, requestId, result, ctx.now.getTime()));
  return result;
}
