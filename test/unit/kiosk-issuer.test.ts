// Taking a number at the kiosk: one request at a time, and a lost answer never becomes a second ticket.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/protocol/errors';
import { Issuer, UNANSWERED_MAX_AGE_MS, type IssueRequest } from '../../kiosk/src/issuer';
import type { IssuedTicket } from '../../shared/domain/types';

const TIMEOUT: Reply<IssuedTicket> = { ok: false, error: { code: 'REQUEST_TIMEOUT', message: 'timeout' } };
const UNREACHABLE: Reply<IssuedTicket> = { ok: false, error: { code: 'HUB_UNREACHABLE', message: 'offline' } };
const issued = (number: string): Reply<IssuedTicket> => ({ ok: true, data: { ticket: { number } } as unknown as IssuedTicket });

/** A hub stand-in that answers each request with the next scripted reply. */
function hub(...replies: Reply<IssuedTicket>[]) {
  const sent: IssueRequest[] = [];
  let ids = 0;
  const clock = { now: 1_000_000 };
  const issuer = new Issuer(
    async (request) => {
      sent.push(request);
      return replies.shift() ?? issued('A-999');
    },
    () => `req-${++ids}`,
    () => clock.now,
  );
  return { issuer, sent, clock };
}

describe('Issuer', () => {
  it('ignores a second tap while the first is in flight', async () => {
    const { issuer, sent } = hub(issued('A-001'));
    const first = issuer.take('A', false);
    expect(issuer.busy).toBe(true);
    expect(await issuer.take('A', false)).toBeNull();
    expect(await first).toEqual(issued('A-001'));
    expect(sent).toHaveLength(1);
    expect(issuer.busy).toBe(false);
  });

  it('resends a timed-out request with the same requestId', async () => {
    const { issuer, sent } = hub(TIMEOUT, TIMEOUT, issued('A-001'));
    expect(await issuer.take('A', false)).toEqual(issued('A-001'));
    expect(sent.map((r) => r.requestId)).toEqual(['req-1', 'req-1', 'req-1']);
  });

  it('keeps an unanswered request for the next tap of the same service, and only for it', async () => {
    const { issuer, sent } = hub(TIMEOUT, TIMEOUT, TIMEOUT, issued('A-001'), issued('A-002'), issued('B-001'));
    expect(await issuer.take('A', false)).toEqual(TIMEOUT);
    expect(await issuer.take('A', false)).toEqual(issued('A-001'));
    expect(await issuer.take('A', false)).toEqual(issued('A-002'));
    expect(await issuer.take('B', false)).toEqual(issued('B-001'));
    expect(sent.map((r) => `${r.serviceCode}:${r.requestId}`)).toEqual(['A:req-1', 'A:req-1', 'A:req-1', 'A:req-1', 'A:req-2', 'B:req-3']);
  });

  it('keeps the request when the hub restarts mid-tap: the timeout, then the dropped connection, are no answer', async () => {
    const { issuer, sent } = hub(TIMEOUT, UNREACHABLE, issued('A-001'));
    expect(await issuer.take('A', false)).toEqual(UNREACHABLE);
    expect(await issuer.take('A', false)).toEqual(issued('A-001'));
    expect(sent.map((r) => r.requestId)).toEqual(['req-1', 'req-1', 'req-1']);
  });

  it('forgets an unanswered request after a minute: a later tap is a new request', async () => {
    const timeouts = (n: number) => Array.from({ length: n }, () => TIMEOUT);
    const { issuer, sent, clock } = hub(...timeouts(3), issued('A-001'), ...timeouts(6), issued('A-002'));
    await issuer.take('A', false);
    clock.now += UNANSWERED_MAX_AGE_MS + 1;
    expect(await issuer.take('A', false)).toEqual(issued('A-001'));
    expect(sent.at(-1)?.requestId).toBe('req-2');
    // The minute counts from the first send, not from the latest resend.
    await issuer.take('A', false);
    clock.now += UNANSWERED_MAX_AGE_MS / 2;
    await issuer.take('A', false);
    expect(sent.at(-1)?.requestId).toBe('req-3');
    clock.now += UNANSWERED_MAX_AGE_MS / 2 + 1;
    expect(await issuer.take('A', false)).toEqual(issued('A-002'));
    expect(sent.at(-1)?.requestId).toBe('req-4');
  });

  it('does not resend a refusal: the hub answered', async () => {
    const limited: Reply<IssuedTicket> = { ok: false, error: { code: 'KIOSK_RATE_LIMITED', message: 'wait' } };
    const { issuer, sent } = hub(limited, issued('A-001'));
    expect(await issuer.take('A', false)).toEqual(limited);
    await issuer.take('A', false);
    expect(sent.map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
  });

  it('treats a priority tap as another request', async () => {
    const { issuer, sent } = hub(TIMEOUT, TIMEOUT, TIMEOUT, issued('A-001'));
    await issuer.take('A', false);
    await issuer.take('A', true);
    expect(sent.at(-1)).toEqual({ requestId: 'req-2', serviceCode: 'A', priority: true });
  });
});
