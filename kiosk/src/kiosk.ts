// Socket → store, and what the visitor's taps do, outside the components: take a number (one request at a
// time), show it, then print it exactly once — through the Electron shell's bridge when there is one,
// otherwise through the hub to the printer configured for this kiosk. With a bridge the page also tells
// the hub how each print went, and prints the staff's reprints the hub relays to it.
import { ticketText } from '../../shared/escpos/ticketText';
import { BRIDGE_GLOBAL, type BridgePrintResult, type PrinterBridge } from '../../shared/protocol/bridge';
import type { Lang } from '../../shared/protocol/errors';
import { connectHub, type HubClient } from '../../shared/ui/hubClient';
import { Issuer } from './issuer';
import { fromPatch, fromSnapshot, useKiosk, withPrint, type PrintState, type PriorityKind } from './store';
import { newRequestId } from '../../shared/ui/requestId';
import type { TicketPrint, IssuedTicket } from '../../shared/domain/types';

declare global {
  interface Window {
    /** Set by the Electron kiosk shell's preload; absent in a plain browser. */
    [BRIDGE_GLOBAL]?: PrinterBridge;
  }
}

/** After a ticket appears, taps are ignored this long: a double tap takes one number. */
const TAP_GUARD_MS = 1500;
/** A print through the hub may take ~10 s before it gives up (connect 3 s, status 0.5 s, write 5 s, close 1 s). */
const PRINT_TIMEOUT_MS = 15_000;
/** A ticket whose print failed stays on screen longer, so the visitor can write the number down. */
const FAILED_HOLD_FACTOR = 2;
/** Socket.IO gives up after a refused handshake; the kiosk asks again this often until an admin fixes the key. */
const REFUSED_RETRY_MS = 30_000;

export interface KioskActions {
  tapService(serviceCode: string): void;
  /** The priority question's answer; null closes it without taking a number. */
  answerPriority(kind: PriorityKind | 'none' | null): void;
  setLang(lang: Lang): void;
}

const { setState: set, getState: get } = useKiosk;

/** A bridge that throws (a broken shell) is a printer that cannot be reached, never an unhandled error. */
async function printWithBridge(bridge: PrinterBridge, ticket: TicketPrint): Promise<BridgePrintResult> {
  try {
    return await bridge.printTicket(ticket);
  } catch (e) {
    return { ok: false, code: 'PRINTER_UNREACHABLE', message: e instanceof Error ? e.message : String(e) };
  }
}

async function printOnce(client: HubClient, bridge: PrinterBridge | undefined, issued: IssuedTicket): Promise<PrintState> {
  const ticketId = issued.ticket.id;
  if (bridge) {
    const s = get();
    const result = await printWithBridge(bridge, ticketText({ office: s.office, issued, timeZone: s.timeZone, footer: s.settings.ticketFooter }));
    if (result.ok) {
      // Recorded, and this kiosk's open faults are resolved: the printer evidently works again.
      void client.request('print:ok', { ticketId });
      return 'printed';
    }
    // The hub records it and staff see it; the visitor keeps the number on screen either way.
    void client.request('print:fault', { ticketId, code: result.code, message: result.message.slice(0, 500) });
    return 'failed';
  }
  if (!get().hasPrinter) return 'screen_only';
  const reply = await client.request('print:ticket', { ticketId }, PRINT_TIMEOUT_MS);
  if (!reply.ok || reply.data.result === 'fault') return 'failed';
  return reply.data.result === 'printed' ? 'printed' : 'screen_only';
}

export function startKiosk(deviceKey: string | null): KioskActions {
  if (deviceKey === null) {
    set({ setup: 'no_key' });
    return { tapService: () => undefined, answerPriority: () => undefined, setLang: (lang) => set({ lang }) };
  }
  let refusedRetry: ReturnType<typeof setTimeout> | undefined;
  const bridge = window[BRIDGE_GLOBAL];
  const client = connectHub({
    auth: () => (bridge ? { deviceKey, bridge: true } : { deviceKey }),
    lang: () => get().lang,
    onSnapshot: (s) => {
      if (s.audience === 'kiosk') set(fromSnapshot(s, Date.now()));
    },
    onPatch: (p) => {
      if (p.audience === 'kiosk') set(fromPatch(p));
    },
    onOnline: (online) => set({ online }),
    onRefused: (code) => {
      // Revoked for good: nothing can be taken here, and asking again would change nothing.
      if (code === 'DEVICE_REVOKED') {
        client.close();
        return set({ setup: 'revoked', shown: null, askingPriorityFor: null });
      }
      // An unknown key may become known (an admin re-keys), and a throttled address is let in again after
      // a minute: either way, ask again a little later.
      if (code === 'DEVICE_KEY_INVALID') set({ setup: 'key_invalid' });
      else if (code !== 'DEVICE_KEY_RATE_LIMITED') return;
      // Each refused attempt lands here again, so one pending retry at a time.
      if (refusedRetry === undefined) {
        refusedRetry = setTimeout(() => {
          refusedRetry = undefined;
          client.socket.connect();
        }, REFUSED_RETRY_MS);
      }
    },
  });
  // A staff reprint of this kiosk's ticket: the hub records the answer, so it is acked and not reported.
  client.socket.on('print:bridge', (ticket, ack) => {
    if (!bridge) return ack({ ok: false, code: 'PRINTER_UNREACHABLE', message: 'This kiosk page has no printer bridge.' });
    void printWithBridge(bridge, ticket).then(ack);
  });
  const issuer = new Issuer((request) => client.request('ticket:issue', request), () => newRequestId('kiosk'));
  let holdTimer: ReturnType<typeof setTimeout> | undefined;

  /** Back to the welcome screen after the hold; the next visitor starts in Bahasa Indonesia. */
  function holdThenClear(factor = 1): void {
    clearTimeout(holdTimer);
    holdTimer = setTimeout(() => set({ shown: null, notice: null, lang: 'id' }), get().settings.ticketHoldSeconds * 1000 * factor);
  }

  function show(issued: IssuedTicket): void {
    const ticketId = issued.ticket.id;
    set({ shown: { issued, print: 'printing' }, settling: true });
    setTimeout(() => set({ settling: false }), TAP_GUARD_MS);
    void printOnce(client, bridge, issued).then((print) => {
      const still = get().shown?.issued.ticket.id === ticketId;
      set(withPrint(get().shown, ticketId, print));
      if (still) holdThenClear(print === 'failed' ? FAILED_HOLD_FACTOR : 1);
    });
  }

  async function take(serviceCode: string, priority: boolean): Promise<void> {
    clearTimeout(holdTimer);
    set({ busy: true, shown: null, notice: null });
    const reply = await issuer.take(serviceCode, priority);
    set({ busy: false });
    if (reply === null) return;
    if (reply.ok) return show(reply.data);
    set({ notice: { code: reply.error.code, params: reply.error.params ?? {} } });
    holdThenClear();
  }

  return {
    tapService(serviceCode) {
      const s = get();
      if (!s.ready || !s.online || s.settling || issuer.busy) return;
      const asks = s.settings.priorityEnabled && s.services.find((x) => x.code === serviceCode)?.askPriority !== false;
      if (asks) set({ askingPriorityFor: serviceCode, shown: null, notice: null });
      else void take(serviceCode, false);
    },
    answerPriority(kind) {
      const serviceCode = get().askingPriorityFor;
      set({ askingPriorityFor: null });
      if (serviceCode !== null && kind !== null) void take(serviceCode, kind !== 'none');
    },
    setLang(lang) {
      set({ lang });
    },
  };
}
