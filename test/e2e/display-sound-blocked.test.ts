// A browser that blocks sound: the display asks for one click, then says what was held back, in order.
import { expect, it } from 'vitest';
import { announcements, blockSoundUntilClick, setUpWaitingRoom, spoken, waitForAnnouncements } from '../helpers/display';

const room = setUpWaitingRoom(2, blockSoundUntilClick);

it('shows display-enable-sound, and one click plays the pending announcements, nothing lost', async () => {
  const { page, queue } = room;
  const a1 = await queue.issue('A');
  const b1 = await queue.issue('B');
  await queue.officers[1]!.ok('ticket:callNext', { counterId: 2 });
  const enable = page.getByTestId('display-enable-sound');
  await enable.waitFor();
  // The screen still shows the call; only the voice waits.
  expect(await page.getByTestId('display-now-number').textContent()).toBe('A-001');
  await queue.officers[0]!.ok('ticket:callNext', { counterId: 1 });
  await expect.poll(() => page.getByTestId('display-now-number').textContent()).toBe('B-001');
  expect(await announcements(page)).toEqual([]);

  await enable.click();
  await enable.waitFor({ state: 'detached' });
  await waitForAnnouncements(page, [spoken(a1, 2), spoken(b1, 1)]);
  expect(await announcements(page)).toEqual(['nomor antrian a satu silakan menuju loket dua', 'nomor antrian b satu silakan menuju loket satu']);
});
