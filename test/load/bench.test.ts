// `npm run bench` in its tiny mode (a few hundred operations), so the benchmark cannot rot: it builds,
// drives the hub and the bare baseline with the same clients, and reports every figure against the bare
// stack. Each figure must come from what was measured — both servers driven through every figure, every
// acknowledged ticket in that server's own database, each latency a statistic of its samples — with no
// timing asked of it (the targets are `npm run bench`'s to show, on a quiet machine).
import { expect, it } from 'vitest';
import { COUNTERS, runBench, table, workload, type Measured } from '../bench/run';

/** The latency figures, by the samples of a run they are made from. */
const LATENCIES: Array<[RegExp, (m: Measured) => number[]]> = [
  [/^issue-ticket ack, 1 kiosk$/, (m) => m.issue1],
  [/^issue-ticket ack, 20 kiosks at once$/, (m) => m.issue20],
  [/^issue → all 30 displays told$/, (m) => m.toDisplays],
  [/^call next at 20 counters → 10 displays$/, (m) => m.calls],
];

it('runs the benchmark end to end and reports each figure against the bare stack, from what it measured', { timeout: 300_000 }, async () => {
  const { figures, runs, sizes, stolenPct } = await runBench({ tiny: true, log: () => undefined });
  const names = figures.map((f) => f.name);
  expect(names).toEqual([
    'issue-ticket ack, 1 kiosk',
    'issue-ticket ack, 20 kiosks at once',
    'issue → all 30 displays told',
    'call next at 20 counters → 10 displays',
    'sustained tickets/s (20 kiosks × 4 in flight)',
    'RSS with 50 idle clients',
    expect.stringMatching(/^RSS after \d+ tickets$/),
    expect.stringMatching(/^start-up to \/healthz, 2000 tickets and 400 cases$/),
    'month report, 2000 tickets and 400 cases in the database',
    'year report, 2000 tickets and 400 cases',
  ]);
  for (const f of figures) {
    expect(f.hub, f.name).toBeGreaterThan(0);
    if (f.baseline !== null) expect(f.ratio, f.name).toBeCloseTo(f.hub / f.baseline, 1);
  }

  // Both servers were driven through every figure: as many samples as the workload asks, each a real time.
  const n = workload(true);
  for (const [kind, run] of Object.entries(runs)) {
    expect(run.issue1, kind).toHaveLength(n.issue1);
    expect(run.issue20, kind).toHaveLength(COUNTERS * n.issue20);
    expect(run.toDisplays, kind).toHaveLength(n.displays);
    expect(run.calls, kind).toHaveLength(COUNTERS * n.callRounds);
    for (const sample of [...run.issue1, ...run.issue20, ...run.toDisplays, ...run.calls]) {
      expect(Number.isFinite(sample) && sample > 0, `${kind}: a sample of ${sample}`).toBe(true);
    }
    expect(run.perSecond, kind).toBeGreaterThan(0);
    // Every ticket the server acknowledged is in its own database, and there are at least as many as
    // the figures issued (the sustained second's among them).
    expect(run.stored, `${kind}: tickets stored against acknowledged`).toBe(run.tickets);
    expect(run.tickets, kind).toBeGreaterThanOrEqual(n.issue1 + COUNTERS * n.issue20 + n.displays + (run.perSecond * n.sustainedMs) / 1000);
    // A Node process with Socket.IO and SQLite loaded, within the heap limit both are started with.
    for (const mb of [run.rssIdle, run.rssAfter]) {
      expect(mb, kind).toBeGreaterThan(20);
      expect(mb, kind).toBeLessThan(1024);
    }
  }

  // Each latency figure is the median, p99 and maximum of its samples, for the hub and the baseline.
  for (const [name, samples] of LATENCIES) {
    const f = figures.find((x) => name.test(x.name));
    for (const kind of ['hub', 'baseline'] as const) {
      const xs = samples(runs[kind]);
      const [p50, p99, max] = [f?.[kind] ?? NaN, f?.p99?.[kind] ?? NaN, f?.max?.[kind] ?? NaN];
      const what = `${String(name)} ${kind}`;
      expect(max, what).toBe(Math.max(...xs));
      expect(p99, what).toBeLessThanOrEqual(max);
      expect(p50, what).toBeLessThanOrEqual(p99);
      expect(xs.filter((x) => x <= p50).length, `${what}: half the samples at or below p50`).toBeGreaterThanOrEqual(xs.length / 2);
      expect(xs.filter((x) => x >= p50).length, `${what}: half the samples at or above p50`).toBeGreaterThanOrEqual(xs.length / 2);
    }
  }
  const figure = (start: string) => figures.find((f) => f.name.startsWith(start));
  expect(figure('sustained')).toMatchObject({ hub: runs.hub.perSecond, baseline: runs.baseline.perSecond });
  expect(figure('RSS with')).toMatchObject({ hub: runs.hub.rssIdle, baseline: runs.baseline.rssIdle });
  expect(figure('RSS after')).toMatchObject({ name: `RSS after ${runs.hub.tickets} tickets`, hub: runs.hub.rssAfter, baseline: runs.baseline.rssAfter });
  // Start-up and the reports are the hub's alone, timed within the bench's own minute.
  for (const f of figures.filter((x) => x.baseline === null)) expect(f.hub, f.name).toBeLessThan(60_000);

  expect(sizes.map((s) => s.app)).toEqual(expect.arrayContaining(['kiosk', 'counter', 'display']));
  for (const s of sizes) expect(s.initialKb).toBeGreaterThan(10);
  expect(table(figures, sizes)).toContain('| issue-ticket ack, 1 kiosk |');
  // Linux says how much CPU the host took meanwhile, which tells a trustworthy run from a noisy one.
  for (const pct of [stolenPct.baseline, stolenPct.hub, stolenPct.yearOfData]) {
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThanOrEqual(100);
  }
});
