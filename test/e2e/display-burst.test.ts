// Three counters call at once: three announcements, in call order, none lost, none over another.
import { expect, it } from 'vitest';
import { callAnnouncement } from '../../shared/domain/announcement';
import { recordClips, setUpWaitingRoom, waitForAnnouncements } from '../helpers/display';

const room = setUpWaitingRoom(3, recordClips);

it('announces three calls made within 100 ms one after another, in call order', async () => {
  const { page, queue } = room;
  for (let i = 0; i < 3; i++) await queue.issue('A');
  // All three requests leave in the same tick, well within 100 ms of each other.
  const called = await Promise.all(queue.officers.map((o, i) => o.ok('ticket:callNext', { counterId: i + 1 })));
  // The hub hands out the oldest ticket first, so the numbers say in which order the calls were made.
  const phrases = called
    .map((ticket, i) => ({ ticket, counterNumber: i + 1 }))
    .sort((a, b) => a.ticket.number.localeCompare(b.ticket.number))
    .map((c) => callAnnouncement({ ticketNumber: c.ticket.number, counterNumber: c.counterNumber }));
  const inOrder = phrases.map((p) => p.text);
  const clipCount = phrases.reduce((n, p) => n + p.clips.length, 0);

  await waitForAnnouncements(page, inOrder, 50_000);
  // Wait for the last clip of the last phrase, then look at every sound played.
  await page.waitForFunction((n) => (window.__clips ?? []).length >= n, clipCount, { timeout: 20_000 });
  const clips = await page.evaluate(() => window.__clips ?? []);
  // Three phrases, each starting with the chime, and no sound ever started while another was playing.
  expect(clips.filter((c) => c.src.endsWith('/chime.ogg'))).toHaveLength(3);
  expect(clips.filter((c) => c.overlapped)).toEqual([]);
  expect(await page.evaluate(() => window.__announcements)).toEqual(inOrder);
  expect(await page.getByTestId('display-history-item').count()).toBe(3);
});
