// The first reply to a create, kept for a while by who asked and their request id: a retry (a lost ack, a
// double click) gets the same result, including a one-time password or key shown once. Kept in memory only,
// so a secret never reaches the disk; after a hub restart a retried create meets the duplicate-name rule.
const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

export class RecentReplies {
  private readonly entries = new Map<string, { at: number; reply: unknown }>();

  get<T>(requester: string, requestId: string, nowMs: number): T | undefined {
    const entry = this.entries.get(`${requester}\n${requestId}`);
    return entry && nowMs - entry.at < KEEP_MS ? (entry.reply as T) : undefined;
  }

  set(requester: string, requestId: string, reply: unknown, nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < MAX_ENTRIES && nowMs - entry.at < KEEP_MS) break;
      this.entries.delete(key);
    }
    this.entries.set(`${requester}\n${requestId}`, { at: nowMs, reply });
  }
}
