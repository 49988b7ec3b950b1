// The printer bridge the Electron kiosk shell exposes to the kiosk page (`window.antrianBridge`). The shell's
// preload implements it; the page uses it when present, and otherwise asks the hub to print (`print:ticket`).
import type { PrinterSetting, SetupInput, ShellRole } from './shell';
import type { TicketPrint } from '../domain/types';

/** The global name the preload exposes the bridge under (contextBridge.exposeInMainWorld). */
export const BRIDGE_GLOBAL = 'antrianBridge';

/** Why a ticket did not print: the same codes whichever transport failed (hub TCP, shell TCP or USB). */
export const PRINTER_FAULT_CODES = ['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_PAPER_OUT'] as const;
export type PrinterFaultCode = (typeof PRINTER_FAULT_CODES)[number];

/** A print that failed, whichever transport failed it: the transports reject with this only. */
export class PrinterFault extends Error {
  readonly code: PrinterFaultCode;

  constructor(code: PrinterFaultCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrinterFault';
    this.code = code;
  }
}

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

/**
 * Passed to the renderer (webPreferences.additionalArguments) of a kiosk whose shell has a printer: only
 * then does the preload expose the bridge. A kiosk shell without one is a screen-only kiosk, not a
 * printer that always fails.
 */
export const BRIDGE_ARG = '--antrian-printer-bridge';

/** The IPC channels between the shell's preload and its main process. */
export const SHELL_CHANNELS = {
  print: 'bridge:print',
  setupState: 'setup:state',
  setupUnlock: 'setup:unlock',
  setupSave: 'setup:save',
  setupTestPrint: 'setup:testPrint',
} as const;

/** The global the preload exposes on the shell's own setup page (never on the hub's pages). */
export const SETUP_GLOBAL = 'antrianSetup';

/** What the setup page shows first: no key or PIN ever leaves the main process. */
export interface SetupState {
  firstRun: boolean;
  /** Why the saved config could not be used, when it could not. */
  problem: string | null;
  current: { role: ShellRole; hubUrl: string; hasDeviceKey: boolean; printer: PrinterSetting; paperWidth: 58 | 80 } | null;
}

/** The outcome of a setup step: done, or a coded refusal in Bahasa Indonesia. */
export type SetupReply = { ok: true } | { ok: false; code: string; message: string };

export interface SetupBridge {
  state(): Promise<SetupState>;
  /** Opens setup on a configured PC; a first run needs no PIN. */
  unlock(pin: string): Promise<SetupReply>;
  /** Saves and restarts the program in its new role. */
  save(input: SetupInput): Promise<SetupReply>;
  testPrint(printer: PrinterSetting, paperWidth: 58 | 80): Promise<BridgePrintResult>;
}
