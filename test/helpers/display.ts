// Driving the waiting-room display in a real browser, with the queue moved through the hub's API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { callAnnouncement } from '../../shared/domain/announcement';
import type { Ticket } from '../../shared/domain/types';
import { io } from 'socket.io-client';
import type { Reply } from '../../shared/protocol/errors';
import type { ClientReplies, HandshakeAuth } from '../../shared/protocol/events';
import type { ClientEventName, ClientPayload } from '../../shared/protocol/schemas';
import { launchBrowser } from './browser';
import { requestId, type ClientSocket } from './clients';
import { KIOSK_KEY, startTestHub, type TestHub } from './hub';

export interface Clip {
  src: string;
  /** Another sound was still playing when this one was started. */
  overlapped: boolean;
}

declare global {
  interface Window {
    __clips?: Clip[];
  }
}

/**
 * Init script: records every clip the page plays in `window.__clips`, noting whether any other sound was
 * still playing at that moment.
 */
export function recordClips(): void {
  const clips: Clip[] = [];
  const elements = new Set<HTMLMediaElement>();
  window.__clips = clips;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    const overlapped = [...elements].some((el) => el !== this && !el.paused && !el.ended);
    clips.push({ src: this.currentSrc || this.src, overlapped });
    elements.add(this);
    return play.call(this);
  };
}

/** Init script: the browser refuses to play sound until the page has been clicked, as Chromium does by default. */
export function blockSoundUntilClick(): void {
  let clicked = false;
  window.addEventListener('click', () => (clicked = true), true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (!clicked) {
      return Promise.reject(new DOMException("play() failed because the user didn't interact with the document first.", 'NotAllowedError'));
    }
    return play.call(this);
  };
}

export const spoken = (ticket: Pick<Ticket, 'number'>, counterNumber: number) =>
  callAnnouncement({ ticketNumber: ticket.number, counterNumber }).text;

export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__announcements ?? []);
}

/** Waits until the announcement log ends with `texts`, in that order. */
export async function waitForAnnouncements(page: Page, texts: string[], timeoutMs = 45_000): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const log = window.__announcements ?? [];
      return log.length >= expected.length && log.slice(-expected.length).every((t, i) => t === expected[i]);
    },
    texts,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** Opens the display and waits until it has the hub's snapshot. */
export async function openDisplay(page: Page, hub: Pick<TestHub, 'url'>, query = '?debug=1'): Promise<void> {
  await page.goto(`${hub.url}/display${query}`);
  await page.getByTestId('display-office-name').filter({ hasText: 'LPSE Kota Batam' }).waitFor();
}

/** A socket that only makes requests: unlike TestClient it keeps none of the frames it receives, so a
 * soak of thousands of calls measures the display, not the test's own bookkeeping. */
export interface Driver {
  ok<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientReplies[E]>;
  close(): void;
}

function driver(url: string, auth: HandshakeAuth): Promise<Driver> {
  const socket: ClientSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const ok: Driver['ok'] = (event, payload) =>
    new Promise((resolve, reject) => {
      (socket.timeout(20_000) as unknown as { emit: (...a: unknown[]) => void }).emit(
        event,
        payload,
        (err: Error | null, reply: Reply<ClientReplies[typeof event]>) => {
          if (err) reject(err);
          else if (reply.ok) resolve(reply.data);
          else reject(new Error(`${event} refused: ${reply.error.code} ${reply.error.message}`));
        },
      );
    });
  return new Promise((resolve, reject) => {
    socket.once('snapshot', () => resolve({ ok, close: () => socket.close() }));
    socket.once('connect_error', reject);
  });
}

export interface Queue {
  kiosk: Driver;
  /** Signed-in officers, one per counter, `officers[i]` holding counter `i + 1` (named "Loket i+1"). */
  officers: Driver[];
  issue(serviceCode?: string): Promise<Ticket>;
  close(): void;
}

/** A kiosk and `counters` officers, each signed in and holding their counter, over real sockets. */
export async function openQueue(hub: Pick<TestHub, 'url'>, counters: number): Promise<Queue> {
  const kiosk = await driver(hub.url, { deviceKey: KIOSK_KEY });
  const officers: Driver[] = [];
  for (let i = 1; i <= counters; i++) {
    const officer = await driver(hub.url, {});
    // Signing in turns this very socket into a staff one.
    await officer.ok('auth:login', { username: `hd${i}`, password: `sandi-hd${i}` });
    await officer.ok('counter:open', { counterId: i });
    officers.push(officer);
  }
  return {
    kiosk,
    officers,
    issue: async (serviceCode = 'A') => (await kiosk.ok('ticket:issue', { requestId: requestId(), serviceCode })).ticket,
    close() {
      kiosk.close();
      for (const o of officers) o.close();
    },
  };
}

export interface WaitingRoom {
  hub: TestHub;
  browser: Browser;
  queue: Queue;
  /** The display, open in a browser that may play sound. */
  page: Page;
}

/**
 * For the test file that calls it: before its tests, a hub, a queue of `counters` counters and the display
 * in a page that first runs `initScript`; after them, all closed again. The fields are set once the tests run.
 */
export function setUpWaitingRoom(counters: number, initScript: () => void): WaitingRoom {
  const room = {} as WaitingRoom;
  beforeAll(async () => {
    room.hub = await startTestHub();
    room.browser = await launchBrowser({ sound: true });
    room.queue = await openQueue(room.hub, counters);
    room.page = await room.browser.newPage();
    await room.page.addInitScript(initScript);
    await openDisplay(room.page, room.hub);
  });
  afterAll(async () => {
    // Whatever the setup got to before a failure is closed.
    room.queue?.close();
    await room.browser?.close();
    await room.hub?.dispose();
  });
  return room;
}
