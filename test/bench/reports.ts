// The Head of Unit's reports on a year of data (100,000 tickets, 20,000 cases; --tiny: 2,000 and 400): a
// month's and a year's report, timed as the hub runs them, in the report worker on a read-only connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportRunner } from '../../hub/reports/runner';
import type { BenchOptions, Figure } from './run';
import { yearOfData } from './yearOfData';

const RUNS = 5;

/** Median milliseconds of RUNS reports of the period, after one to start the worker. */
async function timed(runner: ReportRunner, from: string, to: string): Promise<number> {
  await runner.run({ from, to, timeZone: 'Asia/Jakarta', today: to });
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await runner.run({ from, to, timeZone: 'Asia/Jakarta', today: to });
    ms.push(performance.now() - t0);
  }
  return Math.round(ms.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number);
}

export async function reportTimings(o: BenchOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-bench-reports-'));
  const tickets = o.tiny ? 2000 : 100_000;
  const cases = o.tiny ? 400 : 20_000;
  const runner = new ReportRunner(join(dir, 'antrian.sqlite'), o.log);
  try {
    yearOfData(dir, tickets, cases);
    // yearOfData's office days run from December 2025 through the summer of 2026.
    const month = await timed(runner, '2026-03-01', '2026-03-31');
    const year = await timed(runner, '2025-12-01', '2026-11-30');
    const figure = (name: string, hub: number): Figure => ({ name, unit: 'ms', hub, baseline: null, ratio: null, target: '< 300 ms' });
    return [
      figure(`month report, ${tickets} tickets and ${cases} cases in the database`, month),
      figure(`year report, ${tickets} tickets and ${cases} cases`, year),
    ];
  } finally {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
