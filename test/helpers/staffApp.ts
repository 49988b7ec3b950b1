// Driving the staff app (/counter) in real Chromium as a person would: by data-testid, waiting for what
// they would see rather than sleeping.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser';
import { connect, requestId, type TestClient } from './clients';
import { KIOSK_KEY, startTestHub, type TestHub } from './hub';
import type { IssuedTicket } from '../../shared/domain/types';

export interface StaffPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a test ends by checking there were none. */
  errors: string[];
}

export const PASSWORDS: Record<string, string> = {
  hd1: 'sandi-hd1',
  hd2: 'sandi-hd2',
  hd3: 'sandi-hd3',
  koor: 'sandi-koor',
  kepala: 'sandi-kepala',
  admin: 'admin-rahasia',
};

export interface StaffOffice {
  hub: TestHub;
  /** Each staff PC is a context of its own in this browser (see openStaffApp). */
  browser: Browser;
  /** The lobby kiosk, taking numbers over the hub's API. */
  kiosk: TestClient;
}

/**
 * For the test file that calls it: before its tests, a hub, a browser and the lobby kiosk; after them, all
 * closed again. The fields are set once the tests run.
 */
export function setUpStaffOffice(): StaffOffice {
  const office = {} as StaffOffice;
  beforeAll(async () => {
    office.hub = await startTestHub();
    office.browser = await launchBrowser();
    office.kiosk = await connect(office.hub.url, { deviceKey: KIOSK_KEY });
  });
  afterAll(async () => {
    // Whatever the setup got to before a failure is closed.
    office.kiosk?.close();
    await office.browser?.close();
    await office.hub?.dispose();
  });
  return office;
}

/** The usual counter PC's screen. */
export const COUNTER_PC = { width: 1366, height: 768 };

/** A fresh browser context (its own storage: a different PC) with the staff app open on the sign-in form. */
export async function openStaffApp(
  browser: Browser,
  hubUrl: string,
  viewport: { width: number; height: number } = COUNTER_PC,
): Promise<StaffPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hubUrl}/counter`);
  return { context, page, errors };
}

export async function signInWith(page: Page, username: string, password = PASSWORDS[username] ?? ''): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signed in and past the sign-in screen. */
export async function signedIn(
  browser: Browser,
  hubUrl: string,
  username: string,
  viewport?: { width: number; height: number },
): Promise<StaffPage> {
  const staff = await openStaffApp(browser, hubUrl, viewport);
  await signInWith(staff.page, username);
  await staff.page.getByTestId('me-name').waitFor();
  return staff;
}

export async function takeCounter(page: Page, name: string): Promise<void> {
  await page.getByTestId('counter-select').selectOption({ label: name });
  await page.getByTestId('counter-open').click();
  await page.getByTestId('call-next').waitFor();
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Waits until the element shows exactly this text. */
export async function waitForText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await locator.filter({ hasText: exactly(text) }).waitFor({ timeout });
}

/** Waits until the element with this test id carries this value in `data-<attribute>`. */
export async function waitForData(page: Page, testId: string, attribute: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-${attribute}="${value}"]`).waitFor();
}

export async function waitForCaseStatus(page: Page, status: string): Promise<void> {
  await waitForData(page, 'case-status', 'status', status);
}

/** Waits until the button is enabled (or disabled), as the screen decides from what is filled in. */
export async function waitForEnabled(locator: Locator, enabled = true): Promise<void> {
  await expect.poll(() => locator.isEnabled(), { timeout: 10_000 }).toBe(enabled);
}

export interface TimelineEntry {
  type: string;
  step: number | null;
  actor: string;
}

export function timeline(page: Page): Promise<TimelineEntry[]> {
  return page.getByTestId('case-event').evaluateAll((items) =>
    items.map((li) => ({
      type: li.getAttribute('data-type') ?? '',
      step: li.getAttribute('data-sop-step') ? Number(li.getAttribute('data-sop-step')) : null,
      actor: li.querySelector('[data-testid="case-event-actor"]')?.textContent?.trim() ?? '',
    })),
  );
}

/** SOP steps in the order they happened, each run of the same step counted once: [2, 2, 3, 3, 4] → [2, 3, 4]. */
export function stepRuns(entries: readonly TimelineEntry[]): number[] {
  const steps: number[] = [];
  for (const e of entries) if (e.step !== null && steps[steps.length - 1] !== e.step) steps.push(e.step);
  return steps;
}

/** The case id of the case view on screen. */
export async function shownCaseId(page: Page): Promise<number> {
  return Number(await page.getByTestId('case-view').getAttribute('data-case-id'));
}

export function issue(kiosk: TestClient, serviceCode: string): Promise<IssuedTicket> {
  return kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode });
}

export interface IntakeInput {
  name: string;
  type: string;
  org?: string;
  phone?: string;
  email?: string;
  category: string;
  title: string;
  description?: string;
}

/** Fills the intake form and saves it; resolves once the hub has taken it (its timeline entry shows). */
export async function saveIntake(page: Page, intake: IntakeInput): Promise<void> {
  const saved = await page.locator('[data-testid="case-event"][data-type="case.intake"]').count();
  await page.getByTestId('case-visitor-name').fill(intake.name);
  await page.getByTestId('case-visitor-type').selectOption(intake.type);
  if (intake.org) await page.getByTestId('case-visitor-org').fill(intake.org);
  if (intake.phone) await page.getByTestId('case-visitor-phone').fill(intake.phone);
  if (intake.email) await page.getByTestId('case-visitor-email').fill(intake.email);
  await page.getByTestId('case-category').selectOption(intake.category);
  await page.getByTestId('case-title').fill(intake.title);
  if (intake.description) await page.getByTestId('case-description').fill(intake.description);
  await page.getByTestId('case-save').click();
  await page.locator('[data-testid="case-event"][data-type="case.intake"]').nth(saved).waitFor();
}

/** Types a note into an action's field and presses its button, which waits for the note. */
export async function noteAction(page: Page, field: string, button: string, text: string): Promise<void> {
  const press = page.getByTestId(button);
  await waitForEnabled(press, false);
  await page.getByTestId(field).fill(text);
  await press.click();
}
