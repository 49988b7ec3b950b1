// The kiosk's per-minute ticket limit and the sign-in limit: a sliding minute, hit by hit.
import { expect, it } from 'vitest';
import { RateLimiter } from '../../hub/rateLimit';

it('refuses the hit past the limit with the seconds until the oldest leaves the minute, then lets one more in', () => {
  const limiter = new RateLimiter(60_000);
  const t0 = 1_000_000;
  expect(limiter.take('device:1', 3, t0)).toBe(0);
  expect(limiter.take('device:1', 3, t0 + 10_000)).toBe(0);
  expect(limiter.take('device:1', 3, t0 + 20_000)).toBe(0);
  expect(limiter.take('device:1', 3, t0 + 30_000)).toBe(30);
  expect(limiter.take('device:2', 3, t0 + 30_000)).toBe(0);
  // The first hit leaves the window at t0 + 60 s: one place, not more.
  expect(limiter.take('device:1', 3, t0 + 60_000)).toBe(0);
  expect(limiter.take('device:1', 3, t0 + 60_500)).toBe(10);
  limiter.clear('device:1');
  expect(limiter.take('device:1', 3, t0 + 60_500)).toBe(0);
});

it('keeps counting correctly for a key allowed thousands of hits a minute', () => {
  const limiter = new RateLimiter(60_000);
  for (let i = 0; i < 5000; i++) expect(limiter.take('k', 3000, i * 20)).toBe(0); // 3000 a minute, exactly
  // 2,999 hits (40,020 … 99,980 ms) are in the minute at 100,000 ms: a limit of 3,000 lets one more in.
  expect(limiter.take('k', 2000, 100_000)).toBe(1);
  expect(limiter.take('k', 3000, 100_000)).toBe(0);
  expect(limiter.take('k', 3000, 100_000)).toBe(1);
});

it('counts a held hit until its turn of the event loop ends: recorded if confirmed, gone if not', async () => {
  const limiter = new RateLimiter(60_000);
  const t0 = 1_000_000;
  limiter.hold('kiosk').confirm(t0);
  limiter.hold('kiosk');
  expect(limiter.wait('kiosk', 2, t0)).toBe(60);
  expect(limiter.wait('other', 2, t0)).toBe(0);
  await Promise.resolve(); // the turn is over: the hold never confirmed (its commit failed) is let go
  expect(limiter.wait('kiosk', 2, t0 + 10_000)).toBe(0);
  expect(limiter.take('kiosk', 2, t0 + 10_000)).toBe(0);
  expect(limiter.wait('kiosk', 2, t0 + 20_000)).toBe(40);
});
