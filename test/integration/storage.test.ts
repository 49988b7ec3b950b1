// The live connection the hub serves from is set up as promised: an acknowledged ticket survives a power
// cut (WAL with synchronous=FULL), references are enforced, and the schema is current.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../hub/db/migrations/index';
import { startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.dispose();
});

it('serves from a WAL database with synchronous=FULL, foreign keys on and the latest schema', () => {
  expect(hub.db.pragma('journal_mode', { simple: true })).toBe('wal');
  // 2 is FULL: every commit is on disk before the ticket is acknowledged (SIGKILL alone would not show it).
  expect(hub.db.pragma('synchronous', { simple: true })).toBe(2);
  expect(hub.db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(hub.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
});
