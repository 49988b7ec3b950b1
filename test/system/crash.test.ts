// A hub killed with SIGKILL under load and started again on the same file: every ticket it acknowledged
// is there, and no number is ever issued twice. Also a clean stop on SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { StaffSnapshot } from '../../shared/protocol/events';
import type { Ticket } from '../../shared/domain/types';
import { connect, requestId, signIn } from '../helpers/clients';
import { ADMIN_PASSWORD, FLAT_OUT_ENV, KIOSK_KEY, testSeed } from '../helpers/hub';
import { exited, spawnHub } from '../helpers/hubProcess';

const dataDir = mkdtempSync(join(tmpdir(), 'antrian-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = () => {
  const seedFile = join(dataDir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(testSeed()));
  // Four kiosks issue flat out, far past a kiosk's budget: the budgets are raised.
  return { ANTRIAN_DATA_DIR: dataDir, ANTRIAN_SEED: seedFile, ANTRIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, ...FLAT_OUT_ENV };
};

it('keeps every acknowledged ticket through a SIGKILL', { timeout: 180_000 }, async () => {
  const first = await spawnHub(env());
  const kiosks = await Promise.all([1, 2, 3, 4].map(() => connect(first.url, { deviceKey: KIOSK_KEY })));
  const acked: Ticket[] = [];
  let stop = false;
  // Four kiosks issue as fast as they can until the hub dies under them.
  const load = kiosks.map(async (k, i) => {
    while (!stop) {
      try {
        const reply = await k.request('ticket:issue', { requestId: requestId(), serviceCode: i % 2 ? 'B' : 'A' });
        if (reply.ok) acked.push(reply.data.ticket);
      } catch {
        return; // No answer: the hub is gone; that ticket was never acknowledged.
      }
    }
  });
  await expect.poll(() => acked.length, { timeout: 30_000 }).toBeGreaterThan(150);
  first.child.kill('SIGKILL');
  await exited(first.child);
  stop = true;
  for (const k of kiosks) k.close();
  await Promise.all(load);

  const second = await spawnHub(env());
  try {
    const staff = await signIn(second.url, 'hd1', 'sandi-hd1');
    const stored = new Map((staff.snapshots[0] as StaffSnapshot).tickets.map((t) => [t.id, t]));
    for (const t of acked) expect(stored.get(t.id)?.number).toBe(t.number);
    const kiosk = await connect(second.url, { deviceKey: KIOSK_KEY });
    const after = await Promise.all(['A', 'B'].map((s) => kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: s })));
    const numbers = new Set([...stored.values()].map((t) => t.number));
    for (const { ticket } of after) expect(numbers.has(ticket.number)).toBe(false);
    kiosk.close();
    staff.close();
  } finally {
    second.child.kill('SIGTERM');
    await exited(second.child);
  }
  expect(second.child.exitCode).toBe(0);
  expect(second.output()).toContain('SIGTERM');
});
