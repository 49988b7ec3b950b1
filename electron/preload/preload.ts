// The only thing pages get from the shell: on the hub's pages of a kiosk that prints, the printer bridge;
// on the shell's own setup page, the setup calls. Sandboxed and context-isolated: each is a few functions that forward to
// the main process, which checks the sender and validates every argument.
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_ARG,
  BRIDGE_GLOBAL,
  SETUP_GLOBAL,
  SHELL_CHANNELS,
  type BridgePrintResult,
  type PrinterBridge,
  type SetupBridge,
} from '../../shared/protocol/bridge';

/** A refusal from the main process (wrong sender, bad input) reads as a printer that cannot be reached. */
async function print(channel: string, ...args: unknown[]): Promise<BridgePrintResult> {
  let reply: BridgePrintResult | { ok: false; code: string; message: string };
  try {
    reply = (await ipcRenderer.invoke(channel, ...args)) as typeof reply;
  } catch (e) {
    return { ok: false, code: 'PRINTER_UNREACHABLE', message: e instanceof Error ? e.message : String(e) };
  }
  if (reply.ok) return { ok: true };
  const code = reply.code === 'PRINTER_PAPER_OUT' || reply.code === 'PRINTER_TIMEOUT' ? reply.code : 'PRINTER_UNREACHABLE';
  return { ok: false, code, message: reply.message };
}

if (window.location.protocol === 'file:') {
  const setup: SetupBridge = {
    state: () => ipcRenderer.invoke(SHELL_CHANNELS.setupState, null),
    unlock: (pin) => ipcRenderer.invoke(SHELL_CHANNELS.setupUnlock, pin),
    save: (input) => ipcRenderer.invoke(SHELL_CHANNELS.setupSave, input),
    testPrint: (printer, paperWidth) => print(SHELL_CHANNELS.setupTestPrint, { printer, paperWidth }),
  };
  contextBridge.exposeInMainWorld(SETUP_GLOBAL, setup);
} else if (process.argv.includes(BRIDGE_ARG)) {
  const bridge: PrinterBridge = { printTicket: (ticket) => print(SHELL_CHANNELS.print, ticket) };
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
}
