// SOP steps 2–9 resolved at the helpdesk, through the real staff app in Chromium against a real hub.
import { expect, it } from 'vitest';
import {
  issue,
  noteAction,
  saveIntake,
  setUpStaffOffice,
  signedIn,
  stepRuns,
  takeCounter,
  timeline,
  waitForCaseStatus,
  waitForEnabled,
  waitForText,
} from '../helpers/staffApp';

const office = setUpStaffOffice();

it('serves A-001 and resolves its case at the helpdesk: timeline steps 2, 3, 4, 6, 9 with their actors', async () => {
  const { hub, browser, kiosk } = office;
  expect((await issue(kiosk, 'A')).ticket.number).toBe('A-001');
  const { page, errors } = await signedIn(browser, hub.url, 'hd1');
  await takeCounter(page, 'Loket 1');

  await page.getByTestId('call-next').click();
  await waitForText(page.getByTestId('current-ticket-number'), 'A-001');
  await page.getByTestId('start-service').click();

  // Starting service opened the case (SOP step 3): its reference is shown and goes on the visitor's slip.
  await waitForCaseStatus(page, 'open');
  const reference = (await page.getByTestId('case-reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^K-\d{4}-\d{5}$/);
  expect(await page.getByTestId('case-slip').textContent()).toContain(reference);

  // Save stays disabled until the required fields are filled.
  await waitForEnabled(page.getByTestId('case-save'), false);
  await page.getByTestId('case-visitor-name').fill('Siti Rahma');
  await waitForEnabled(page.getByTestId('case-save'), false);
  await saveIntake(page, {
    name: 'Siti Rahma',
    type: 'penyedia',
    org: 'CV Sinar Batam',
    phone: '0812-7000-1234',
    category: 'gangguan',
    title: 'Tidak bisa mengunggah dokumen penawaran',
    description: 'Unggah berhenti di 99% pada SPSE versi 4.5.',
  });

  await noteAction(page, 'case-handling-note', 'case-handling', 'Cache peramban dibersihkan, unggah diulang.');
  await page.locator('[data-testid="case-event"][data-type="case.handle"]').waitFor();
  await noteAction(page, 'case-resolution', 'case-resolve', 'Dokumen berhasil diunggah.');
  await waitForCaseStatus(page, 'resolved');

  await waitForEnabled(page.getByTestId('case-close'), false);
  await page.getByTestId('case-close-channel').selectOption('on_the_spot');
  await page.getByTestId('case-close').click();
  await waitForCaseStatus(page, 'closed');

  await page.getByTestId('finish-service').click();
  await waitForText(page.getByTestId('current-ticket-number'), '—');

  // The case stays reachable after the visit, from the case list.
  await page.getByTestId('nav-cases').click();
  await page.locator('[data-testid^="case-row-"][data-status="closed"]').click();
  await waitForText(page.getByTestId('case-reference'), reference);
  await page.locator('[data-testid="case-event"][data-type="case.close"]').waitFor();

  const entries = await timeline(page);
  // The service (step 3) finished after the case was closed; both ends of the visit are in the timeline.
  expect(stepRuns(entries)).toEqual([2, 3, 4, 6, 9, 3]);
  const actorOf = (type: string) => entries.find((e) => e.type === type)?.actor;
  expect(actorOf('ticket.issue')).toBe('Kiosk Lobi');
  for (const type of ['ticket.call', 'ticket.start', 'ticket.finish', 'case.open', 'case.intake', 'case.handle', 'case.resolve', 'case.close']) {
    expect(actorOf(type), type).toBe('Petugas 1');
  }
  expect(errors).toEqual([]);
  await page.context().close();
});
