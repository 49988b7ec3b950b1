// SOP steps 3–9 across three PCs (browser contexts): the officer escalates, the coordinator takes it, the
// officer reports to the head, the head recommends, the officer resolves and closes. Every screen updates
// live, without a reload.
import { expect, it } from 'vitest';
import {
  issue,
  noteAction,
  saveIntake,
  setUpStaffOffice,
  shownCaseId,
  signedIn,
  stepRuns,
  takeCounter,
  timeline,
  waitForCaseStatus,
  waitForData,
  waitForEnabled,
  waitForText,
} from '../helpers/staffApp';

const office = setUpStaffOffice();

// Three browsers at once: about 15 s on an idle two-core machine, so the limit leaves room for a busy one.
it('escalates to coordinator and LKPP, reports to the head, and closes with steps 3, 5, 6, 7, 8, 6, 9', { timeout: 120_000 }, async () => {
  const { hub, browser, kiosk } = office;
  const [officer, coordinator, head] = await Promise.all([
    signedIn(browser, hub.url, 'hd1'),
    signedIn(browser, hub.url, 'koor'),
    signedIn(browser, hub.url, 'kepala'),
  ]);
  const o = officer.page;
  const k = coordinator.page;
  const h = head.page;
  // Each role lands on its own screen, already open before anything is escalated.
  await waitForText(k.getByTestId('queue-count'), '0');
  await h.getByTestId('stat-waiting').waitFor();

  await issue(kiosk, 'A');
  await waitForText(h.getByTestId('stat-waiting'), '1');
  await takeCounter(o, 'Loket 1');
  await o.getByTestId('call-next').click();
  await waitForText(o.getByTestId('current-ticket-number'), 'A-001');
  await o.getByTestId('start-service').click();
  await waitForCaseStatus(o, 'open');
  const caseId = await shownCaseId(o);
  await saveIntake(o, {
    name: 'Andi Wijaya',
    type: 'pokja',
    org: 'Bagian Pengadaan Barang/Jasa Setda Kota Batam',
    phone: '0778-123456',
    category: 'permasalahan',
    title: 'Paket tender tidak muncul di daftar Pokja',
  });

  // Escalation: LKPP as a target needs the LPSE Support number before it can be confirmed.
  await o.getByTestId('case-escalate').click();
  await o.getByTestId('escalate-target').selectOption('both');
  await waitForEnabled(o.getByTestId('escalate-confirm'), false);
  await o.getByTestId('escalate-lpse-ticket').fill('LS-2026-0042');
  await o.getByTestId('escalate-confirm').click();
  await waitForCaseStatus(o, 'escalated');
  // The timeline says to whom and under which number; the number fills the intake's empty field.
  const escalation = o.locator('[data-testid="case-event"][data-type="case.escalate"]');
  await waitForText(escalation.getByTestId('case-event-where'), 'ke Koordinator dan LKPP');
  await waitForText(escalation.getByTestId('case-event-lpse'), 'Nomor tiket LPSE Support: LS-2026-0042');
  await expect.poll(() => o.getByTestId('case-lpse-ticket').inputValue()).toBe('LS-2026-0042');
  await o.getByTestId('finish-service').click();
  await waitForText(o.getByTestId('current-ticket-number'), '—');

  // The coordinator sees it arrive in the queue, takes it and follows it up.
  await waitForData(k, `case-row-${caseId}`, 'status', 'escalated');
  await waitForText(k.getByTestId('queue-count'), '1');
  await k.getByTestId(`case-row-${caseId}`).click();
  await waitForText(k.getByTestId('case-lpse-support'), 'LS-2026-0042');
  await k.getByTestId('case-take').click();
  await waitForText(k.getByTestId('case-owner'), 'Koordinator Helpdesk');
  await noteAction(k, 'case-followup-note', 'case-followup', 'Diteruskan ke LKPP; menunggu jawaban LPSE Support.');
  await k.locator('[data-testid="case-event"][data-type="case.followup"]').waitFor();

  // The officer finds it in the case list and reports it to the head.
  await o.getByTestId('nav-cases').click();
  await o.getByTestId(`case-row-${caseId}`).click();
  await waitForText(o.getByTestId('case-owner'), 'Koordinator Helpdesk');
  await noteAction(o, 'case-report-note', 'case-report-head', 'Sudah dicek hak akses Pokja; paket tetap tidak muncul.');
  await waitForCaseStatus(o, 'reported');

  // The head's board shows it live as reported; the head recommends.
  await waitForData(h, `case-row-${caseId}`, 'status', 'reported');
  await waitForText(h.getByTestId('board-count-reported'), '1');
  await h.getByTestId(`case-row-${caseId}`).click();
  await waitForCaseStatus(h, 'reported');
  await noteAction(h, 'case-recommendation', 'case-recommend', 'Hubungi LKPP lewat telepon dan minta eskalasi prioritas.');
  await h.locator('[data-testid="case-event"][data-type="case.recommend"]').waitFor();

  // The officer sees the recommendation arrive on the open case, then resolves and closes (told by phone).
  await waitForText(o.getByTestId('case-last-recommendation'), 'Hubungi LKPP lewat telepon dan minta eskalasi prioritas.');
  await noteAction(o, 'case-resolution', 'case-resolve', 'LKPP memperbaiki pemetaan paket; paket sudah muncul.');
  await waitForCaseStatus(o, 'resolved');
  await o.getByTestId('case-close-channel').selectOption('phone');
  await o.getByTestId('case-close').click();
  await waitForCaseStatus(o, 'closed');
  // The others' screens follow without a reload.
  await waitForCaseStatus(h, 'closed');
  await waitForText(k.getByTestId('case-status'), (await o.getByTestId('case-status').textContent()) ?? '');

  await o.locator('[data-testid="case-event"][data-type="case.close"]').waitFor();
  const entries = await timeline(o);
  expect(entries[0]?.step).toBe(2);
  const caseEntries = entries.filter((e) => e.type.startsWith('case.'));
  expect(stepRuns(caseEntries)).toEqual([3, 5, 6, 7, 8, 6, 9]);
  expect(caseEntries.map((e) => [e.type, e.actor])).toEqual([
    ['case.open', 'Petugas 1'],
    ['case.intake', 'Petugas 1'],
    ['case.escalate', 'Petugas 1'],
    ['case.take', 'Koordinator Helpdesk'],
    ['case.followup', 'Koordinator Helpdesk'],
    ['case.report', 'Petugas 1'],
    ['case.recommend', 'Kepala Unit'],
    ['case.resolve', 'Petugas 1'],
    ['case.close', 'Petugas 1'],
  ]);
  expect([...officer.errors, ...coordinator.errors, ...head.errors]).toEqual([]);
  for (const staff of [officer, coordinator, head]) await staff.context.close();
});
