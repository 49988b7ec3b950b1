// What the hub makes of one event, before any transaction: a refusal, or a validated call of its handler.
// A pure function of the session, the event and its payload (and whether a staff session is still stored,
// which the caller reads when asked): the order of the checks is the hub's policy, and a stranger learns
// nothing of a payload's shape, because the payload is validated only once the sender may send the event.
import type { ErrorCode, Lang, Reply } from '../../shared/protocol/errors';
import { clientEventSchemas, describeIssues, isClientEvent, safeParseIn, type ClientEventName } from '../../shared/protocol/schemas';
import type { Handler, HandlerMap, Session, Step, Who } from '../context';
import { failure } from './replies';

/** Larger payloads are refused with a code; far larger ones are dropped by Socket.IO itself. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export interface DispatchPolicy {
  handlers: HandlerMap;
  /** What a session with a temporary password may still do: set its own, or leave. */
  whilePasswordTemporary: ReadonlySet<ClientEventName>;
}

export interface Incoming {
  session: Session;
  lang: Lang;
  /** The event's name as sent: any string. */
  event: string;
  /** What was sent besides the acknowledgement callback. */
  payloads: readonly unknown[];
  /**
   * For a staff session, whether it is still stored (not signed out elsewhere, not expired); never asked for
   * anyone else, nor for a call that writes: the commit reads the session again inside its transaction, and
   * answers SESSION_EXPIRED itself, so the read here would be a second one.
   */
  signedIn: () => boolean;
}

export type Verdict =
  | { refusal: Reply<never>; code: ErrorCode; disconnect: boolean }
  | { event: ClientEventName; step: Step<ClientEventName> };

/** Who a session is, for a handler's `who`; null for a keyless display, which may only read. */
export function whoOf(session: Session): Who | null {
  if (session.kind === 'display') return null;
  return session.kind === 'staff' ? session.user.role : session.kind;
}

function payloadSize(payloads: readonly unknown[]): number {
  try {
    return JSON.stringify(payloads)?.length ?? 0;
  } catch {
    return Infinity; // Not serialisable: treat as too large.
  }
}

type Refuse = (code: ErrorCode, params?: Record<string, string>, disconnect?: boolean) => Verdict;

export function dispatch(policy: DispatchPolicy, incoming: Incoming): Verdict {
  const { session, lang, event, payloads } = incoming;
  const refuse: Refuse = (code, params = {}, disconnect = false) => ({ refusal: failure(code, lang, params), code, disconnect });
  if (!isClientEvent(event)) return refuse('UNKNOWN_EVENT', { event: String(event).slice(0, 40) });
  if (payloadSize(payloads) > MAX_PAYLOAD_BYTES) return refuse('PAYLOAD_TOO_LARGE');
  const verdict = decide(policy, incoming, event, refuse);
  // A session signed out elsewhere, or expired, stops working at once, not at the next reconnect: before any
  // other refusal, or a read. A write is refused at its commit, which reads the session anyway.
  if (session.kind !== 'staff' || ('step' in verdict && !policy.handlers[event].reads)) return verdict;
  return incoming.signedIn() ? verdict : refuse('SESSION_EXPIRED', {}, true);
}

/** The checks after the session's: its temporary password, who may send the event, and the payload. */
function decide(policy: DispatchPolicy, { session, lang, payloads }: Incoming, event: ClientEventName, refuse: Refuse): Verdict {
  // The hub, not the screen, keeps a temporary password from doing anything but being replaced.
  if (session.kind === 'staff' && session.passwordChangeRequired && !policy.whilePasswordTemporary.has(event)) {
    return refuse('PASSWORD_CHANGE_REQUIRED');
  }
  const handler = policy.handlers[event] as Handler<ClientEventName>;
  if (!handler.who.includes('anyone')) {
    const who = whoOf(session);
    if (who === null) return refuse('NOT_AUTHENTICATED');
    if (!handler.who.includes(who)) return refuse('FORBIDDEN');
  }
  const parsed = safeParseIn(clientEventSchemas[event], payloads.length === 1 ? payloads[0] : undefined, lang);
  if (!parsed.success) return refuse('VALIDATION_FAILED', { detail: describeIssues(parsed.error, lang) });
  const payload = parsed.data as never;
  return { event, step: (ctx) => handler.run(ctx, payload) };
}
