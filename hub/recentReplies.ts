// The first reply to a create, kept for a while by who asked and their request id: a retry (a lost ack, a
// double click) gets the same result, including a one-time password or key shown once. Kept in memory only,
// so a secret never reaches the disk; after a hub restart a retried create meets the duplicate-name rule.
const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

/** A reply kept, with what was asked (see `requestFingerprint`): a retry must ask the same. */
export interface KeptReply {
  asked: string;
  reply: unknown;
}

export class RecentReplies {
  private readonly entries = new Map<string, KeptReply & { at: number }>();

  get(requester: string, requestId: string, nowMs: number): KeptReply | undefined {
    const entry = this.entries.get(`${requester}\n${requestId}`);
    return entry && nowMs - entry.at < KEEP_MS ? entry : undefined;
  }

  set(requester: string, requestId: string, kept: KeptReply, nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < MAX_ENTRIES && nowMs - entry.at < KEEP_MS) break;
      this.entries.delete(key);
    }
    this.entries.set(`${requester}\n${requestId}`, { ...kept, at: nowMs });
  }
}

/**
 * The event and its parsed payload without the request id, as JSON with every object's keys sorted: the same
 * request gives the same text however its object was built, and any other event or value gives another.
 */
export function requestFingerprint(event: string, { requestId: _id, ...payload }: { requestId: string }): string {
  const sorted = (_key: string, value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value;
  return `${event}\n${JSON.stringify(payload, sorted)}`;
}
