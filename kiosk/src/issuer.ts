// Taking a number: one request at a time, and a request the hub may have received but never answered is
// sent again with the same requestId, so a lost answer comes back as the same ticket, never a second one.
import type { Reply } from '../../shared/protocol/errors';
import type { IssuedTicket } from '../../shared/protocol/events';

export interface IssueRequest {
  requestId: string;
  serviceCode: string;
  priority: boolean;
}

export type SendIssue = (request: IssueRequest) => Promise<Reply<IssuedTicket>>;

/** Resends after a timeout before the visitor is told to try again. */
const RESENDS = 2;

export class Issuer {
  private inFlight = false;
  /** Sent but never answered: the next tap for the same service reuses its requestId. */
  private unanswered: IssueRequest | null = null;

  constructor(
    private readonly send: SendIssue,
    private readonly newRequestId: () => string,
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
      const request =
        earlier && earlier.serviceCode === serviceCode && earlier.priority === priority
          ? earlier
          : { requestId: this.newRequestId(), serviceCode, priority };
      let reply = await this.send(request);
      for (let i = 0; i < RESENDS && timedOut(reply); i++) reply = await this.send(request);
      this.unanswered = timedOut(reply) ? request : null;
      return reply;
    } finally {
      this.inFlight = false;
    }
  }
}

const timedOut = (reply: Reply<unknown>) => !reply.ok && reply.error.code === 'REQUEST_TIMEOUT';
