// While the hub cannot be reached the window shows the shell's own waiting page, naming the address it
// tries, and the main process asks again until the hub answers.
export const RETRY_MS = 5000;

type Fetch = (url: string, init: { signal: AbortSignal }) => Promise<{ status: number }>;

/** Any HTTP answer below 500 means the hub is there; no answer within the timeout means it is not. */
export async function hubReachable(hubUrl: string, fetchFn: Fetch, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetchFn(hubUrl, { signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/**
 * Resolves once the hub answers, asking every `retryMs`; `onWaiting` runs once, on the first miss.
 * `cancelled` stops it (the window closed).
 */
export async function waitForHub(
  hubUrl: string,
  fetchFn: Fetch,
  sleep: (ms: number) => Promise<void>,
  onWaiting: () => void,
  cancelled: () => boolean = () => false,
  retryMs = RETRY_MS,
): Promise<boolean> {
  let first = true;
  while (!cancelled()) {
    if (await hubReachable(hubUrl, fetchFn)) return true;
    if (first) onWaiting();
    first = false;
    await sleep(retryMs);
  }
  return false;
}
