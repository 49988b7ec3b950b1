// A client-made id for a request that creates something: a retry carries the same id, and the hub answers
// it with the first result. getRandomValues works on plain http:// too (randomUUID needs a secure context).
export function newRequestId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
