// Sign-in is the hub's most expensive request (password hashing): 200 attempts from 200 machines at once,
// half with the right password, must not hold up a kiosk's ticket.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Reply } from '../../shared/protocol/errors';
import { connect, type TestClient } from '../helpers/clients';
import { ADMIN_PASSWORD, KIOSK_KEY, testSeed } from '../helpers/hub';
import { exited, spawnHub, type HubProcess } from '../helpers/hubProcess';
import { kioskAtPace, p99 } from '../helpers/load';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-signins-'));
let hub: HubProcess;
const clients: TestClient[] = [];

beforeAll(async () => {
  const seedFile = join(dataDir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  // Default budgets: nothing here goes faster than real machines would.
  hub = await spawnHub({ ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD });
});
afterAll(async () => {
  for (const c of clients) c.close();
  hub.child.kill('SIGKILL');
  await exited(hub.child);
  rmSync(dataDir, { recursive: true, force: true });
});

it('keeps a kiosk quick while 200 machines sign in at once', { timeout: 120_000 }, async () => {
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  clients.push(kiosk);
  const quiet = await kioskAtPace(kiosk, 3_000);
  expect(quiet.errors).toEqual([]);
  const bound = Math.max(250, 3 * p99(quiet.latencies));

  // 127.0.0.2 … 127.0.0.201, each its own machine; even ones know hd1's password.
  const guests = await Promise.all(Array.from({ length: 200 }, (_, i) => connect(hub.url, {}, `127.0.0.${i + 2}`)));
  clients.push(...guests);
  const busy = kioskAtPace(kiosk, 3_000);
  const attempts = await Promise.all(
    guests.map(
      (g, i): Promise<Reply<unknown>> => g.request('auth:login', { username: 'hd1', password: i % 2 === 0 ? 'sandi-hd1' : `salah-${i}` }),
    ),
  );
  const { latencies, errors } = await busy;

  expect(errors).toEqual([]);
  expect(p99(latencies), `p99 during sign-ins vs bound ${bound.toFixed(0)} ms`).toBeLessThanOrEqual(bound);
  // Every right password from its own machine got in; every wrong one was refused with a code.
  expect(attempts.filter((r, i) => i % 2 === 0 && r.ok)).toHaveLength(100);
  for (const r of attempts.filter((_, i) => i % 2 === 1)) expect(r).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^LOGIN_/) } });
});
