// A socket's events on their way in: every event counts against the socket's budget (past it the socket is
// refused, and cut off if it keeps on), the dispatch policy refuses it or makes it a validated call, and the
// call joins the commit queue (a snapshot request waits for the socket's last snapshot to leave first).
import type { ClientEventName } from '../../shared/protocol/schemas';
import type { HandlerContext, HubDeps } from '../context';
import { findSessionUser } from '../db/index';
import type { Admission } from './admission';
import type { CommitQueue, QueuedRequest, QueuedStep } from './commitQueue';
import { dispatch, type DispatchPolicy } from './dispatch';
import { contextFor, type HandlerParts } from './handlerContext';
import { failure } from './replies';
import { afterSent, SnapshotLine } from './snapshotLine';
import type { Ack, HubSocket, SnapshotAsk } from './sockets';

export interface RequestParts {
  deps: HubDeps;
  admission: Admission;
  policy: DispatchPolicy;
  queue: CommitQueue<HandlerContext>;
  handlers: HandlerParts;
  /** Runs before every request: the office day may have turned. */
  beforeRequest: () => void;
}

export class Requests {
  constructor(private readonly parts: RequestParts) {}

  /** The line a socket's snapshot requests wait in. */
  snapshotLine(socket: HubSocket): SnapshotLine<SnapshotAsk> {
    return new SnapshotLine<SnapshotAsk>(
      ({ step, answer }) => this.parts.queue.submit(this.requestOf(socket, 'sync:snapshot', step, answer)),
      (then) => afterSent(socket, then),
      () => socket.connected,
    );
  }

  /** Takes every event the socket sends from now on. */
  listen(socket: HubSocket): void {
    socket.use(([event, ...args]) => {
      const last = args.at(-1);
      const answer = typeof last === 'function' ? (last as Ack) : undefined;
      void this.parts.admission.spend(socket.data.session.kind, socket.id, socket.handshake.address).then((over) => {
        if (over) {
          answer?.(failure('RATE_LIMITED', socket.data.lang, { seconds: over.seconds }));
          if (over.cutOff) socket.disconnect(true);
          return;
        }
        if (answer) this.handle(socket, event, args.slice(0, -1), answer);
      });
    });
  }

  /** An event with an acknowledgement (one without does nothing): refused, or queued for its commit. */
  private handle(socket: HubSocket, event: string, payloads: unknown[], answer: Ack): void {
    const { deps, policy, queue } = this.parts;
    const { session, lang } = socket.data;
    const signedIn = () => session.kind !== 'staff' || findSessionUser(deps.db, session.tokenHash, deps.clock().toISOString()) !== undefined;
    const verdict = dispatch(policy, { session, lang, event, payloads, signedIn });
    if ('refusal' in verdict) {
      answer(verdict.refusal);
      if (verdict.disconnect) socket.disconnect(true);
      return;
    }
    this.parts.beforeRequest();
    if (verdict.event === 'sync:snapshot') socket.data.snapshots.ask({ step: verdict.step, answer });
    else queue.submit(this.requestOf(socket, verdict.event, verdict.step, answer));
  }

  /**
   * A request as the socket's session stands now; the step its deferred I/O resolves to, as it stands then.
   * A staff session found ended at the commit is cut off after its answer, as dispatch cuts off one found
   * ended before (dispatch leaves a write's check to the commit).
   */
  private requestOf(socket: HubSocket, event: ClientEventName, step: QueuedStep<HandlerContext>, ack: Ack): QueuedRequest<HandlerContext> {
    const { session, deviceKeyHash, lang } = socket.data;
    const context = contextFor(this.parts.handlers, socket, session);
    const answer: Ack = (reply) => {
      ack(reply);
      if (session.kind === 'staff' && !reply.ok && reply.error.code === 'SESSION_EXPIRED') socket.disconnect(true);
    };
    return { event, session, deviceKeyHash, lang, step, answer, context, resolved: (next) => this.requestOf(socket, event, next, ack) };
  }
}
