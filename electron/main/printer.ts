// The kiosk shell's printer bridge in the main process: the ticket's text is encoded here with the same
// ESC/POS layout the hub uses, then sent over TCP 9100, to a Linux USB printer's device file, or to a
// Windows printer through the spooler as raw data. Every outcome is a BridgePrintResult with a fault code.
import type { ExecFileException } from 'node:child_process';
import { constants } from 'node:fs';
import { encodeTicket, type PaperWidth } from '../../shared/escpos/ticketLayout';
import type { BridgePrintResult } from '../../shared/protocol/bridge';
import { PrinterFault } from '../../shared/protocol/bridge';
import { printOverTcp } from '../../shared/printer/tcp';
import type { PrinterSetting } from '../../shared/protocol/shell';
import type { TicketPrint } from '../../shared/domain/types';

/** How long a device file or the spooler may take before the print is a timeout. */
export const LOCAL_PRINT_TIMEOUT_MS = 8000;

/** The parts of node:fs/promises the device-file transport uses. */
export interface DeviceFiles {
  open(path: string, flags: number): Promise<{ write(data: Uint8Array): Promise<unknown>; close(): Promise<void> }>;
}

/** node:child_process execFile, callback form. */
export type ExecFile = (
  file: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; timeout: number; windowsHide: boolean },
  callback: (error: ExecFileException | null, stdout: string, stderr: string) => void,
) => { stdin: { end(data: string): void } | null };

export interface PrinterDeps {
  files: DeviceFiles;
  execFile: ExecFile;
  timeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterFault('PRINTER_TIMEOUT', `${what} did not take the ticket within ${ms} ms.`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Linux usblp: the kernel answers a write with ENOSPC when the printer reports paper out, and ENODEV or
 * EIO when it was unplugged or switched off.
 */
export async function printToDeviceFile(path: string, bytes: Uint8Array, files: DeviceFiles, timeoutMs = LOCAL_PRINT_TIMEOUT_MS): Promise<void> {
  const work = (async () => {
    // Write-only and never create: a printer that is unplugged has no device file, and must stay a fault
    // rather than become a new regular file in /dev/usb.
    const handle = await files.open(path, constants.O_WRONLY);
    try {
      await handle.write(bytes);
    } finally {
      await handle.close().catch(() => undefined);
    }
  })();
  // A write still pending after the timeout finishes (or fails) unobserved.
  work.catch(() => undefined);
  try {
    await withTimeout(work, timeoutMs, `Printer ${path}`);
  } catch (e) {
    if (e instanceof PrinterFault) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOSPC') throw new PrinterFault('PRINTER_PAPER_OUT', `Printer ${path} reports it is out of paper.`, { cause: e });
    throw new PrinterFault('PRINTER_UNREACHABLE', `Printer ${path} cannot be written to (${code}).`, { cause: e });
  }
}

/**
 * Windows: raw bytes to a printer by name through the spooler (winspool's OpenPrinter, StartDocPrinter
 * with the RAW datatype, WritePrinter), from PowerShell, which every supported Windows has: no native
 * module to rebuild, and it works with the printer's own Windows driver installed (which a USB library
 * could not claim). The name and the bytes travel in the environment and on stdin, never in the command.
 * Exit 2: no such printer; 3: the spooler refused the job.
 */
export const WINDOWS_RAW_PRINT_SCRIPT = `
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System; using System.Runtime.InteropServices;
public static class RawPrinter {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern bool OpenPrinter(string name, out IntPtr h, IntPtr d);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool ClosePrinter(IntPtr h);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern int StartDocPrinter(IntPtr h, int level, DOCINFO di);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndDocPrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool StartPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool WritePrinter(IntPtr h, byte[] b, int n, out int w);
}
'@
$bytes = [Convert]::FromBase64String([Console]::In.ReadToEnd())
$h = [IntPtr]::Zero
if (-not [RawPrinter]::OpenPrinter($env:ANTRIAN_PRINTER, [ref]$h, [IntPtr]::Zero)) { exit 2 }
$di = New-Object RawPrinter+DOCINFO; $di.pDocName = 'Antrian LPSE'; $di.pDataType = 'RAW'
$written = 0
$ok = ([RawPrinter]::StartDocPrinter($h, 1, $di) -gt 0) -and [RawPrinter]::StartPagePrinter($h) -and [RawPrinter]::WritePrinter($h, $bytes, $bytes.Length, [ref]$written)
[void][RawPrinter]::EndPagePrinter($h); [void][RawPrinter]::EndDocPrinter($h); [void][RawPrinter]::ClosePrinter($h)
if (-not $ok -or $written -ne $bytes.Length) { exit 3 }
`;

export function printThroughSpooler(name: string, bytes: Uint8Array, execFile: ExecFile, timeoutMs = LOCAL_PRINT_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', WINDOWS_RAW_PRINT_SCRIPT],
      { env: { ...process.env, ANTRIAN_PRINTER: name }, timeout: timeoutMs, windowsHide: true },
      (error) => {
        if (!error) return resolve();
        if (error.killed) return reject(new PrinterFault('PRINTER_TIMEOUT', `The spooler did not take the ticket for "${name}" within ${timeoutMs} ms.`));
        if (error.code === 2) return reject(new PrinterFault('PRINTER_UNREACHABLE', `Windows has no printer named "${name}".`));
        reject(new PrinterFault('PRINTER_UNREACHABLE', `The spooler refused the ticket for "${name}" (${String(error.code ?? error.message)}).`));
      },
    );
    child.stdin?.end(Buffer.from(bytes).toString('base64'));
  });
}

/** The bridge's print: encode at the configured width, send, and say how it went. */
export function createBridgePrinter(
  setting: PrinterSetting,
  width: PaperWidth,
  deps: PrinterDeps,
): (ticket: TicketPrint) => Promise<BridgePrintResult> {
  const send = (bytes: Uint8Array): Promise<void> => {
    switch (setting.kind) {
      case 'network':
        return printOverTcp({ host: setting.host, port: setting.port }, bytes);
      case 'usb':
        return printToDeviceFile(setting.path, bytes, deps.files, deps.timeoutMs);
      case 'windows':
        return printThroughSpooler(setting.name, bytes, deps.execFile, deps.timeoutMs);
      case 'none':
        return Promise.reject(new PrinterFault('PRINTER_UNREACHABLE', 'This kiosk has no printer set up.'));
    }
  };
  return async (ticket) => {
    try {
      await send(encodeTicket(ticket, { width }));
      return { ok: true };
    } catch (e) {
      if (e instanceof PrinterFault) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: 'PRINTER_UNREACHABLE', message: e instanceof Error ? e.message : String(e) };
    }
  };
}
