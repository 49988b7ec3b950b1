// What the admin handlers' creates share: a retry of a create is answered with its first result. (The event
// naming the admin, which every admin change appends, is a write: hub/operations/adminLog.ts.)
import { DomainError } from '../../../shared/protocol/errors';
import type { ClientEventName } from '../../../shared/protocol/schemas';
import { staffUser, type HandlerContext, type HandlerResult } from '../../context';
import { requestFingerprint } from '../../recentReplies';

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
