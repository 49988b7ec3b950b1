// The screens' waiting counts per service, from the queue lengths the database keeps: every active service,
// none waiting included, in the services' order, and a service since retired while tickets of it still wait.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, waitingCounts } from '../../hub/db/index';
import { applySeed } from '../../hub/seed';

const dir = mkdtempSync(join(tmpdir(), 'antrian-waiting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('counts every active service in order, and a retired one while its tickets wait', () => {
  const { db } = openDatabase(join(dir, 'antrian.sqlite'));
  const services = ['K', 'B', 'A', 'R'].map((code) => ({ code, name: `Layanan ${code}` }));
  db.transaction(() => applySeed(db, { services }, 'x', '2026-11-24T00:00:00Z', 1024)).immediate();
  db.prepare("UPDATE services SET active = 0 WHERE code = 'R'").run();
  const length = db.prepare('INSERT INTO queue_lengths (office_day, service_code, priority, waiting) VALUES (?, ?, ?, ?)');
  length.run('2026-11-24', 'A', 0, 2);
  length.run('2026-11-24', 'A', 1, 1);
  length.run('2026-11-24', 'R', 0, 4);
  length.run('2026-11-24', 'K', 0, 0);
  length.run('2026-11-23', 'B', 0, 7);

  const counts = waitingCounts(db, '2026-11-24');
  expect(Object.entries(counts)).toEqual([['K', 0], ['B', 0], ['A', 3], ['R', 4]]);
  expect(waitingCounts(db, '2026-11-25')).toEqual({ K: 0, B: 0, A: 0 });
  db.close();
});
