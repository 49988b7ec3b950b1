// The kiosk shell's printer transports with real I/O: a real TCP server on 127.0.0.1 as the network
// printer, a file standing in for Linux's /dev/usb/lp0, /dev/full for a printer out of paper (the kernel's
// usblp answers a write with ENOSPC then), and a FIFO nobody reads for a printer that takes nothing.
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridgePrinter, printToDeviceFile, WINDOWS_RAW_PRINT_SCRIPT, type ExecFile } from '../../electron/main/printer';
import { encodeTicket } from '../../shared/escpos/ticketLayout';
import { startFakePrinter, type FakePrinter } from '../helpers/printer';
import type { TicketPrint } from '../../shared/domain/types';

const TICKET: TicketPrint = {
  officeName: 'LPSE Kota Batam',
  ticketNumber: 'A-007',
  serviceName: 'Gangguan / Permasalahan',
  issuedAt: 'Kamis, 26 November 2026 09:00 WIB',
  aheadText: 'Antrian di depan Anda: 2',
};
const refuseSpooler: ExecFile = () => {
  throw new Error('the spooler is not used here');
};
const deps = { files: fsp, execFile: refuseSpooler, timeoutMs: 1000 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antrian-usb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a network printer (TCP 9100)', () => {
  let printer: FakePrinter;
  beforeEach(async () => {
    printer = await startFakePrinter();
  });
  afterEach(() => printer.stop());

  it('receives exactly the hub’s ESC/POS bytes for the ticket at the configured width', async () => {
    const print = createBridgePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port }, 58, deps);
    expect(await print(TICKET)).toEqual({ ok: true });
    const job = await printer.waitForJob('A-007');
    expect(Buffer.compare(job.subarray(3), Buffer.from(encodeTicket(TICKET, { width: 58 })))).toBe(0);
  });

  it('switched off is PRINTER_UNREACHABLE', async () => {
    await printer.stop();
    const print = createBridgePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port }, 80, deps);
    expect(await print(TICKET)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    await printer.start();
  });
});

describe('a USB printer’s device file (Linux)', () => {
  it('gets the ticket’s bytes', async () => {
    const device = join(dir, 'lp0');
    closeSync(openSync(device, 'w'));
    // The setting allows /dev/usb/lp* only; the transport itself is tried on the stand-in file.
    await printToDeviceFile(device, encodeTicket(TICKET, { width: 80 }), fsp, 1000);
    expect(Buffer.compare(readFileSync(device), Buffer.from(encodeTicket(TICKET, { width: 80 })))).toBe(0);
  });

  it('unplugged (no device file) is PRINTER_UNREACHABLE, and no file is made in its place', async () => {
    await expect(printToDeviceFile(join(dir, 'lp9'), Uint8Array.of(1), fsp, 1000)).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    expect(existsSync(join(dir, 'lp9'))).toBe(false);
    const print = createBridgePrinter({ kind: 'usb', path: '/dev/usb/lp9' }, 80, deps);
    expect(await print(TICKET)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE', message: expect.stringContaining('/dev/usb/lp9') });
  });

  it('out of paper (ENOSPC) is PRINTER_PAPER_OUT', async () => {
    await expect(printToDeviceFile('/dev/full', encodeTicket(TICKET, { width: 58 }), fsp, 1000)).rejects.toMatchObject({
      code: 'PRINTER_PAPER_OUT',
    });
  });

  it('a printer that takes nothing is PRINTER_TIMEOUT, and the print gives up on time', async () => {
    const fifo = join(dir, 'stuck');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expect(printToDeviceFile(fifo, Uint8Array.of(1, 2, 3), fsp, 300)).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
    // Let the pending open finish so no thread stays blocked on the FIFO.
    closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
  });
});

describe('a Windows printer through the spooler (the PowerShell route is not run here: no Windows)', () => {
  function spooler(exit: { code?: number; killed?: boolean } | null) {
    const calls: { file: string; args: readonly string[]; env: NodeJS.ProcessEnv; stdin: string }[] = [];
    const execFile: ExecFile = (file, args, options, callback) => {
      const call = { file, args, env: options.env, stdin: '' };
      calls.push(call);
      setImmediate(() => callback(exit && (Object.assign(new Error('exit'), exit) as never), '', ''));
      return { stdin: { end: (data: string) => void (call.stdin = data) } };
    };
    return { execFile, calls };
  }

  it('hands the bytes on stdin and the printer name in the environment, never in the command', async () => {
    const { execFile, calls } = spooler(null);
    const name = 'POS-80 "Lobi"; Remove-Item C:\\ -Recurse';
    const print = createBridgePrinter({ kind: 'windows', name }, 80, { ...deps, execFile });
    expect(await print(TICKET)).toEqual({ ok: true });
    expect(calls[0]?.file).toBe('powershell.exe');
    expect(calls[0]?.args.join(' ')).not.toContain('Lobi');
    expect(calls[0]?.args).toContain(WINDOWS_RAW_PRINT_SCRIPT);
    expect(calls[0]?.env.ANTRIAN_PRINTER).toBe(name);
    expect(Buffer.from(calls[0]?.stdin ?? '', 'base64').equals(Buffer.from(encodeTicket(TICKET, { width: 80 })))).toBe(true);
  });

  it('maps no such printer, a refused job and a hung spooler to the fault codes', async () => {
    const outcome = (exit: { code?: number; killed?: boolean }) =>
      createBridgePrinter({ kind: 'windows', name: 'POS-80' }, 80, { ...deps, execFile: spooler(exit).execFile })(TICKET);
    expect(await outcome({ code: 2 })).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE', message: expect.stringContaining('no printer named') });
    expect(await outcome({ code: 3 })).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
    expect(await outcome({ killed: true })).toMatchObject({ ok: false, code: 'PRINTER_TIMEOUT' });
  });
});

describe('no printer set up', () => {
  it('is PRINTER_UNREACHABLE, not a crash', async () => {
    expect(await createBridgePrinter({ kind: 'none' }, 80, deps)(TICKET)).toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE' });
  });
});
