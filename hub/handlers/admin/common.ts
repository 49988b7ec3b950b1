// What every admin handler shares: the event naming the admin, and creates that answer a retry with the
// first result.
import { DomainError } from '../../../shared/protocol/errors';
import type { ClientEventName } from '../../../shared/protocol/schemas';
import { appendEvent } from '../../db/index';
import type { HandlerContext, HandlerResult } from '../../context';
import { requestFingerprint } from '../../recentReplies';
import { staffUser } from '../guards';

/** Every admin change is an event naming the admin; `data` holds what changed, never a secret. */
export function adminEvent(ctx: HandlerContext, type: string, data: Record<string, unknown>, ids: { userId?: number } = {}): void {
  appendEvent(ctx.db, { at: ctx.nowIso, type: `admin.${type}`, userId: staffUser(ctx).id, data: { ...data, ...ids } });
}

function requester(ctx: HandlerContext): string {
  return `user:${staffUser(ctx).id}`;
}

/** A create as its request id names it: that event with that payload, and no other. */
export interface CreateRequest<E extends ClientEventName> {
  event: E;
  requestId: string;
  asked: string;
}

export function createRequest<E extends ClientEventName>(event: E, payload: { requestId: string }): CreateRequest<E> {
  return { event, requestId: payload.requestId, asked: requestFingerprint(event, payload) };
}

/**
 * The first reply to this request, if this is a retry. The same id with another payload or for another event
 * is not a retry, and is refused: answering it with the first reply would pass one thing off as another.
 */
export function repeated<E extends ClientEventName>(ctx: HandlerContext, request: CreateRequest<E>): HandlerResult<E> | undefined {
  const kept = ctx.replies.get(requester(ctx), request.requestId, ctx.now.getTime());
  if (!kept) return undefined;
  if (kept.asked !== request.asked) throw new DomainError('REQUEST_ID_REUSED');
  return { reply: kept.reply } as HandlerResult<E>;
}

/** Keeps a create's reply for its retries, once it is committed: a rolled-back create is not repeated. */
export function remember<E extends ClientEventName, R extends { reply: unknown }>(ctx: HandlerContext, request: CreateRequest<E>, result: R): R {
  const who = requester(ctx);
  ctx.afterCommit(() => ctx.replies.set(who, request.requestId, { asked: request.asked, reply: result.reply }, ctx.now.getTime()));
  return result;
}
