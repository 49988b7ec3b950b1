// Printing the queue ticket (SOP step 2): the kiosk's own print through the hub, the outcome (ok or fault)
// the kiosk's shell reports from its bridge, and a staff reprint (through the hub, or relayed to the bridge). The printer is network I/O: it runs after the transaction
// (see Deferred in context.ts), and a second transaction records how it went. A fault never touches the
// ticket: it stays issued and in the queue.
import { ISSUE_SOP_STEP } from '../../shared/domain/ticketRules';
import { ROLES, type PrinterTarget, type Ticket } from '../../shared/domain/types';
import { ticketText } from '../../shared/escpos/ticketText';
import { PrinterFault, type PrinterFaultCode } from '../../shared/protocol/bridge';
import { DomainError, errorMessage } from '../../shared/protocol/errors';
import type { PrintOutcome } from '../../shared/protocol/events';
import {
  appendEvent,
  closePrinterFaults,
  countOpenDeviceFaults,
  countTicketFaults,
  getDevice,
  getOffice,
  getSettings,
  insertPrinterFault,
  listServices,
  resolvePrinterFaults,
  wasTicketPrintRequested,
  type Device,
} from '../db/index';
import { actorOf, staffUser, type BridgeRelay, type Change, type Handler, type HandlerContext } from '../context';
import { printOverNetwork } from '../operations/networkPrinting';
import { issued } from '../visitor';
import { todaysTicket } from './guards';
import type { TicketPrint } from '../../shared/domain/types';

/**
 * What a kiosk's shell may report: enough for staff to see every fault, while a shell stuck in a loop (or
 * a stranger with its key) cannot grow what staff are sent without end.
 */
export const FAULTS_PER_TICKET = 10;
export const OPEN_FAULTS_PER_KIOSK = 50;

/** A print attempt: which ticket, on which kiosk's printer, asked for by whom, and through what. */
interface Attempt {
  ticket: Ticket;
  deviceId: number;
  userId: number | null;
  via: 'hub' | 'bridge';
}

function logPrint(ctx: HandlerContext, a: Attempt, type: string, data: Record<string, unknown>): void {
  appendEvent(ctx.db, {
    at: ctx.nowIso,
    type,
    ticketId: a.ticket.id,
    deviceId: a.deviceId,
    userId: a.userId,
    sopStep: ISSUE_SOP_STEP,
    data: { via: a.via, ...data },
  });
}

/** How a print went, as the second transaction records it: the same for a print and a reprint. */
interface Recorded {
  reply: PrintOutcome;
  change?: Change;
}

/** A ticket this kiosk issued today; another kiosk's ticket is as good as unknown. */
function kioskTicket(ctx: HandlerContext, ticketId: number): { ticket: Ticket; device: Device } {
  const session = ctx.session;
  if (session.kind !== 'kiosk') throw new DomainError('NOT_AUTHENTICATED');
  const ticket = todaysTicket(ctx, ticketId);
  const device = getDevice(ctx.db, session.device.id);
  if (ticket.deviceId !== session.device.id || !device) throw new DomainError('TICKET_NOT_FOUND');
  return { ticket, device };
}

function recordFault(ctx: HandlerContext, a: Attempt, code: PrinterFaultCode, message: string): Change {
  insertPrinterFault(ctx.db, { deviceId: a.deviceId, ticketId: a.ticket.id, code, message, at: ctx.nowIso });
  logPrint(ctx, a, 'print.fault', { code, message });
  return { printerFaults: true };
}

function printed(ctx: HandlerContext, a: Attempt): Recorded {
  logPrint(ctx, a, 'print.ok', {});
  const resolved = resolvePrinterFaults(ctx.db, a.deviceId, ctx.nowIso);
  return { reply: { ticketNumber: a.ticket.number, result: 'printed' }, change: resolved ? { printerFaults: true } : undefined };
}

function faulted(ctx: HandlerContext, a: Attempt, fault: PrinterFault): Recorded {
  const change = recordFault(ctx, a, fault.code, fault.message);
  const reply = { code: fault.code, message: errorMessage(fault.code, ctx.lang) };
  return { reply: { ticketNumber: a.ticket.number, result: 'fault', fault: reply }, change };
}

/** How a ticket reaches paper: the kiosk's network printer from the hub, or the kiosk shell's own bridge. */
interface Transport {
  via: Attempt['via'];
  /** What the log records about the printer. */
  detail: Record<string, unknown>;
  /** Rejects with PrinterFault only. */
  send: (text: TicketPrint) => Promise<void>;
}

const overNetwork = (ctx: HandlerContext, printer: PrinterTarget): Transport => ({
  via: 'hub',
  detail: { printer },
  send: (text) => printOverNetwork(ctx.deps, printer, text),
});

const throughBridge = (relay: BridgeRelay): Transport => ({
  via: 'bridge',
  detail: {},
  send: async (text) => {
    const result = await relay(text);
    if (!result.ok) throw new PrinterFault(result.code, result.message);
  },
});

/** Logs the request, then prints after the commit; the outcome is recorded in a second transaction. */
function sendToPrinter(
  ctx: HandlerContext,
  ticket: Ticket,
  device: Device,
  transport: Transport,
  kind: 'ticket' | 'reprint',
): { io: () => Promise<(ctx: HandlerContext) => Recorded> } {
  const attempt: Attempt = { ticket, deviceId: device.id, userId: actorOf(ctx.session).userId, via: transport.via };
  logPrint(ctx, attempt, `print.${kind}`, transport.detail);
  const serviceName = listServices(ctx.db).find((s) => s.code === ticket.serviceCode)?.name ?? ticket.serviceCode;
  const settings = getSettings(ctx.db);
  const text = ticketText({
    office: getOffice(ctx.db),
    issued: issued(ctx, ticket, serviceName, { settings }),
    timeZone: ctx.deps.timeZone,
    footer: settings.ticketFooter,
  });
  return {
    io: () =>
      transport.send(text).then(
        () => (next) => printed(next, attempt),
        (e: unknown) => {
          if (!(e instanceof PrinterFault)) throw e;
          return (next) => faulted(next, attempt, e);
        },
      ),
  };
}

const printTicket: Handler<'print:ticket'> = {
  who: ['kiosk'],
  run(ctx, p) {
    const { ticket, device } = kioskTicket(ctx, p.ticketId);
    // Not a fault: this kiosk shows its tickets on screen only.
    if (!device.printer) return { reply: { ticketNumber: ticket.number, result: 'no_printer' } };
    // Exactly once: a second copy is the staff's call (print:reprint), never the kiosk's.
    if (wasTicketPrintRequested(ctx.db, ticket.id)) throw new DomainError('TICKET_ALREADY_PRINTED', { ticket: ticket.number });
    return sendToPrinter(ctx, ticket, device, overNetwork(ctx, device.printer), 'ticket');
  },
};

const reportFault: Handler<'print:fault'> = {
  who: ['kiosk'],
  run(ctx, p) {
    const { ticket, device } = kioskTicket(ctx, p.ticketId);
    if (countTicketFaults(ctx.db, ticket.id) >= FAULTS_PER_TICKET) {
      throw new DomainError('PRINT_FAULTS_FOR_TICKET_LIMIT', { ticket: ticket.number, limit: String(FAULTS_PER_TICKET) });
    }
    if (countOpenDeviceFaults(ctx.db, device.id) >= OPEN_FAULTS_PER_KIOSK) {
      throw new DomainError('PRINT_FAULTS_FOR_KIOSK_LIMIT', { limit: String(OPEN_FAULTS_PER_KIOSK) });
    }
    const attempt: Attempt = { ticket, deviceId: device.id, userId: null, via: 'bridge' };
    return { reply: {}, change: recordFault(ctx, attempt, p.code, p.message) };
  },
};

/** The kiosk's bridge printed its ticket: recorded, and that kiosk's open faults are resolved. */
const reportOk: Handler<'print:ok'> = {
  who: ['kiosk'],
  run(ctx, p) {
    const { ticket, device } = kioskTicket(ctx, p.ticketId);
    const { change } = printed(ctx, { ticket, deviceId: device.id, userId: null, via: 'bridge' });
    return { reply: {}, change };
  },
};

const reprint: Handler<'print:reprint'> = {
  who: ROLES,
  run(ctx, p) {
    const ticket = todaysTicket(ctx, p.ticketId);
    const device = ticket.deviceId === null ? undefined : getDevice(ctx.db, ticket.deviceId);
    if (device?.printer) return sendToPrinter(ctx, ticket, device, overNetwork(ctx, device.printer), 'reprint');
    // A kiosk whose printer is the shell's own (USB, or one only that PC reaches): its page prints it.
    const relay = device ? ctx.bridgeOf(device.id) : undefined;
    if (!device || !relay) throw new DomainError('NO_PRINTER', { ticket: ticket.number });
    return sendToPrinter(ctx, ticket, device, throughBridge(relay), 'reprint');
  },
};

/** Staff close a ticket's printer faults once dealt with; the closing is recorded with who did it. */
const closeFaults: Handler<'print:closeFaults'> = {
  who: ROLES,
  run(ctx, p) {
    const ticket = todaysTicket(ctx, p.ticketId);
    const user = staffUser(ctx);
    const closed = closePrinterFaults(ctx.db, ticket.id, ctx.nowIso, user.id);
    if (closed === 0) return { reply: {} };
    appendEvent(ctx.db, {
      at: ctx.nowIso,
      type: 'print.fault_close',
      ticketId: ticket.id,
      userId: user.id,
      sopStep: ISSUE_SOP_STEP,
      data: { faults: closed },
    });
    return { reply: {}, change: { printerFaults: true } };
  },
};

export const printingHandlers = {
  'print:ticket': printTicket,
  'print:fault': reportFault,
  'print:ok': reportOk,
  'print:reprint': reprint,
  'print:closeFaults': closeFaults,
};
