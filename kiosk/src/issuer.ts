// Taking a number: one request at a time, and a request the hub may have received but never answered is
// sent again with the same requestId (within a minute), so a lost answer comes back as the same ticket, never a second one.
import type { Reply } from '../../shared/protocol/errors';
import type { IssuedTicket } from '../../shared/domain/types';

export interface IssueRequest {
  requestId: string;
  serviceCode: string;
  priority: boolean;
}

export type SendIssue = (request: IssueRequest) => Promise<Reply<IssuedTicket>>;

/** Resends after a timeout before the visitor is told to try again. */
const RESENDS = 2;
/** An unanswered request older than this is not reused: a tap hours later is a new visitor. */
export const UNANSWERED_MAX_AGE_MS = 60_000;

export class Issuer {
  private inFlight = false;
  /** Sent but never answered: the next tap for the same service soon after reuses its requestId. */
  private unanswered: { request: IssueRequest; sentAt: number } | null = null;

  constructor(
    private readonly send: SendIssue,
    private readonly newRequestId: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  /** The hub's answer, or null when a request is already in flight: a second tap issues nothing. */
  async take(serviceCode: string, priority: boolean): Promise<Reply<IssuedTicket> | null> {
    if (this.inFlight) return null;
    this.inFlight = true;
    try {
      const earlier = this.unanswered;
      const reuse =
        earlier !== null &&
        earlier.request.serviceCode === serviceCode &&
        earlier.request.priority === priority &&
        this.now() - earlier.sentAt <= UNANSWERED_MAX_AGE_MS;
      const request = reuse ? earlier.request : { requestId: this.newRequestId(), serviceCode, priority };
      const sentAt = reuse ? earlier.sentAt : this.now();
      let reply = await this.send(request);
      for (let i = 0; i < RESENDS && timedOut(reply); i++) reply = await this.send(request);
      this.unanswered = unanswered(reply) ? { request, sentAt } : null;
      return reply;
    } finally {
      this.inFlight = false;
    }
  }
}

const timedOut = (reply: Reply<unknown>) => !reply.ok && reply.error.code === 'REQUEST_TIMEOUT';
/** No real answer from the hub: it timed out, or the connection dropped and the ack was failed at once
 * (socket.io-client does that on disconnect) — the hub may still have committed the ticket. */
const unanswered = (reply: Reply<unknown>) => timedOut(reply) || (!reply.ok && reply.error.code === 'HUB_UNREACHABLE');
