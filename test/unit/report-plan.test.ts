// The month report's queries are answered from indexes: no statement the report runs reads the tickets, the
// cases, the event log or the survey answers through (EXPLAIN QUERY PLAN shows no SCAN of them), on a
// database with some data in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { computeReport } from '../../hub/reports/figures';
import { yearOfData } from '../bench/yearOfData';

const dir = mkdtempSync(join(tmpdir(), 'antrian-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tables a report must never read through, under their names and the aliases the report's SQL gives them. */
const BIG = /^SCAN (tickets|cases|events|survey_answers|t|c|e|x|last)\b/;

it('reads tickets, cases, events and survey answers of a month through indexes only', () => {
  yearOfData(dir, 3000, 600);
  const db = new Database(join(dir, 'antrian.sqlite'), { readonly: true });
  const statements = new Map<string, unknown>();
  const prepare = db.prepare.bind(db);
  // Every statement the report prepares, with the parameters it was run with.
  db.prepare = ((text: string) => {
    const stmt = prepare(text);
    const record = (args: unknown[]) => statements.set(text, args);
    return new Proxy(stmt, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === 'all' || key === 'get') return (...args: unknown[]) => (record(args), (value as (...a: unknown[]) => unknown).apply(target, args));
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as typeof db.prepare;
  const started = performance.now();
  const report = computeReport(db, { from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Jakarta', today: '2026-11-26' });
  expect(performance.now() - started).toBeLessThan(2000);
  expect(report.tickets.issued).toBeGreaterThan(0);
  expect(statements.size).toBeGreaterThan(7);
  for (const [text, args] of statements) {
    const plan = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...(args as [])) as Array<{ detail: string }>;
    const scans = plan.map((p) => p.detail).filter((d) => BIG.test(d));
    expect({ text, scans }).toEqual({ text, scans: [] });
  }
  db.close();
});
