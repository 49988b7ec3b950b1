// `npm run bench` in its tiny mode (a few hundred operations), so the benchmark cannot rot: it builds,
// drives the hub and the bare baseline with the same clients, and reports every figure with its ratio.
import { expect, it } from 'vitest';
import { runBench, table } from '../bench/run';

it('runs the benchmark end to end and reports each figure against the bare stack', { timeout: 300_000 }, async () => {
  const { figures, sizes, stolenPct } = await runBench({ tiny: true, log: () => undefined });
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
  expect(sizes.map((s) => s.app)).toEqual(expect.arrayContaining(['kiosk', 'counter', 'display']));
  for (const s of sizes) expect(s.initialKb).toBeGreaterThan(10);
  expect(table(figures, sizes)).toContain('| issue-ticket ack, 1 kiosk |');
  // Linux says how much CPU the host took meanwhile, which tells a trustworthy run from a noisy one.
  for (const pct of [stolenPct.baseline, stolenPct.hub, stolenPct.yearOfData]) {
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThanOrEqual(100);
  }
});
