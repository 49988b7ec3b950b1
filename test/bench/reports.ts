// The Head of Unit's reports on a year of data (yearOfData: 100,000 tickets, 20,000 cases; --tiny: 2,000 and
// 400): a month's and a year's report, timed as the hub runs them, in the report worker on a read-only connection.
import { join } from 'node:path';
import { ReportRunner } from '../../hub/reports/runner';
import type { BenchOptions, Figure } from './run';

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

/** `dataDir` holds the year of data, `year` says how much. */
export async function reportTimings(dataDir: string, year: { tickets: number; cases: number }, o: BenchOptions): Promise<Figure[]> {
  const { tickets, cases } = year;
  const runner = new ReportRunner(join(dataDir, 'antrian.sqlite'), o.log);
  try {
    // yearOfData's office days run from December 2025 through the summer of 2026.
    const month = await timed(runner, '2026-03-01', '2026-03-31');
    const year = await timed(runner, '2025-12-01', '2026-11-30');
    const figure = (name: string, hub: number): Figure => ({ name, unit: 'ms', hub, baseline: null, ratio: null, target: '< 300 ms', met: hub < 300 });
    return [
      figure(`month report, ${tickets} tickets and ${cases} cases in the database`, month),
      figure(`year report, ${tickets} tickets and ${cases} cases`, year),
    ];
  } finally {
    await runner.close();
  }
}
