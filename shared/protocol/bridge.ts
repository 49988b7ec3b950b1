// The printer bridge the Electron kiosk shell exposes to the kiosk page (`window.antrianBridge`). The shell's
// preload implements it; the page uses it when present, and otherwise asks the hub to print (`print:ticket`).
import type { TicketPrint } from '../escpos/ticketLayout';

/** The global name the preload exposes the bridge under (contextBridge.exposeInMainWorld). */
export const BRIDGE_GLOBAL = 'antrianBridge';

/** Why a ticket did not print: the same codes whichever transport failed (hub TCP, shell TCP or USB). */
export const PRINTER_FAULT_CODES = ['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_PAPER_OUT'] as const;
export type PrinterFaultCode = (typeof PRINTER_FAULT_CODES)[number];

/**
 * A result rather than a rejection: errors crossing Electron's context bridge keep only their message, and
 * the page needs the code to report the fault (`print:fault`).
 */
export type BridgePrintResult = { ok: true } | { ok: false; code: PrinterFaultCode; message: string };

export interface PrinterBridge {
  /**
   * Prints one ticket on the shell's own printer, encoded with `encodeTicket` at the paper width the shell
   * is configured for; resolves once the printer took the bytes or the print failed.
   */
  printTicket(ticket: TicketPrint): Promise<BridgePrintResult>;
}
