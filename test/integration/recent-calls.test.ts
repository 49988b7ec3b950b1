// The waiting room's recent calls, as a display's snapshot gives them: the office day's calls only, newest first,
// including a call made just after midnight in the office's zone (the previous day in UTC).
import { afterEach, expect, it } from 'vitest';
import type { DisplaySnapshot } from '../../shared/protocol/events';
import { connect, requestId, signIn, type TestClient } from '../helpers/clients';
import { FakeClock, KIOSK_KEY, startTestHub, type TestHub } from '../helpers/hub';

let hub: TestHub | undefined;
const open: TestClient[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await hub?.dispose();
});

async function displaySnapshot(url: string): Promise<DisplaySnapshot> {
  const display = await connect(url);
  open.push(display);
  await expect.poll(() => display.snapshots.length).toBeGreaterThan(0);
  return display.snapshots[0] as DisplaySnapshot;
}

it("shows the office day's calls newest first, a call at 00:30 in Jakarta among them, and none of the day before", async () => {
  // 10:00 in Jakarta (UTC+7) on 24 November.
  const clock = new FakeClock(Date.parse('2026-11-24T03:00:00.000Z'));
  hub = await startTestHub({ clock });
  const kiosk = await connect(hub.url, { deviceKey: KIOSK_KEY });
  const officer = await signIn(hub.url, 'hd1', 'sandi-hd1');
  open.push(kiosk, officer);
  const issue = () => kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode: 'A' });
  await officer.ok('counter:open', { counterId: 1 });
  await issue();
  await issue();
  for (const minutes of [1, 2]) {
    clock.advance(minutes * 60_000);
    const called = await officer.ok('ticket:callNext', { counterId: 1 });
    await officer.ok('ticket:start', { counterId: 1, ticketId: called.id });
    await officer.ok('ticket:finish', { counterId: 1, ticketId: called.id });
  }
  expect((await displaySnapshot(hub.url)).recentCalls.map((c) => c.ticketNumber)).toEqual(['A-002', 'A-001']);

  // 00:30 in Jakarta on 25 November: 17:30 on the 24th in UTC.
  clock.set('2026-11-24T17:30:00.000Z');
  const first = await issue();
  expect(first.ticket.officeDay).toBe('2026-11-25');
  const called = await officer.ok('ticket:callNext', { counterId: 1 });
  expect(called.id).toBe(first.ticket.id);
  const calls = (await displaySnapshot(hub.url)).recentCalls;
  expect(calls.map((c) => [c.ticketNumber, c.at])).toEqual([['A-001', '2026-11-24T17:30:00.000Z']]);
});
