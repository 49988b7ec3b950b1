// Raw TCP ("port 9100", JetDirect) transport for network ESC/POS printers, used by the hub and by the Electron
// kiosk shell alike. One connection per job: printers often accept a single client, so holding a connection
// open would block the Electron kiosk or a reprint.
import net from 'node:net';
import { STATUS_QUERY, paperOutFromStatus } from '../escpos/paperStatus';
import { PrinterFault } from '../protocol/bridge';

export interface TcpPrinterTarget {
  host: string;
  port: number;
}

export interface TcpPrintOptions {
  /** to establish the connection; default 3000 */
  connectTimeoutMs?: number;
  /** for the ticket bytes to be accepted by the connection; default 5000 */
  writeTimeoutMs?: number;
  /** for the answer to DLE EOT 4; default 500 — silence is normal and printing goes on */
  statusTimeoutMs?: number;
}

// After our last byte is accepted, how long we give the printer to close its side before we do. Not a fault:
// some printers never close, and by then the ticket is already on its way.
const CLOSE_GRACE_MS = 1000;

/**
 * Connects, asks for the paper status, writes the bytes and closes, resolving once the socket is closed.
 * Rejects only with PrinterFault: PRINTER_UNREACHABLE (refused, no route, name not found, connect timeout,
 * connection dropped), PRINTER_PAPER_OUT (the printer said so; nothing is written), PRINTER_TIMEOUT (the
 * printer stopped taking the bytes). Never leaves the socket open.
 */
export async function printOverTcp(
  target: TcpPrinterTarget,
  bytes: Uint8Array,
  opts: TcpPrintOptions = {},
): Promise<void> {
  const connectTimeoutMs = opts.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = opts.writeTimeoutMs ?? 5000;
  const statusTimeoutMs = opts.statusTimeoutMs ?? 500;
  const where = `${target.host}:${target.port}`;

  const validPort = Number.isInteger(target.port) && target.port >= 1 && target.port <= 65535;
  if (typeof target.host !== 'string' || target.host === '' || !validPort) {
    throw new PrinterFault('PRINTER_UNREACHABLE', `Printer address ${where} is not valid (host and port 1-65535).`);
  }

  return new Promise<void>((resolve, reject) => {
    let phase: 'connect' | 'status' | 'write' | 'closing' | 'done' = 'connect';
    let timer: NodeJS.Timeout | undefined;
    const socket = new net.Socket();

    const arm = (ms: number, onTimeout: () => void): void => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };

    const fail = (fault: PrinterFault): void => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      socket.destroy();
      reject(fault);
    };

    const succeed = (): void => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      socket.destroy(); // no-op when the printer already closed
      resolve();
    };

    const sendTicket = (): void => {
      if (phase !== 'status') return;
      phase = 'write';
      arm(writeTimeoutMs, () =>
        fail(
          new PrinterFault('PRINTER_TIMEOUT', `Printer ${where} did not take the ticket within ${writeTimeoutMs} ms.`),
        ),
      );
      // 'finish' comes once every byte is handed to the network and our FIN is queued behind them.
      socket.once('finish', () => {
        if (phase !== 'write') return;
        phase = 'closing';
        arm(CLOSE_GRACE_MS, succeed);
      });
      socket.end(bytes);
    };

    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Once the bytes are out, a reset is how some printers hang up after printing: calling it a fault
      // would make staff reprint a ticket that is already on paper.
      if (phase === 'closing') return succeed();
      const reason = error.code ?? error.message;
      const message =
        phase === 'connect'
          ? `Printer ${where} is unreachable (${reason}).`
          : `Connection to printer ${where} was lost (${reason}).`;
      fail(new PrinterFault('PRINTER_UNREACHABLE', message, { cause: error }));
    });

    socket.on('connect', () => {
      if (phase !== 'connect') return;
      phase = 'status';
      socket.setNoDelay(true);
      arm(statusTimeoutMs, sendTicket); // silence: many printers never answer DLE EOT over the network
      socket.write(STATUS_QUERY);
    });

    // Keep reading so unread input never turns our close into a reset; only the first answer matters.
    socket.on('data', (chunk: Buffer) => {
      if (phase !== 'status') return;
      if (chunk.some((byte) => paperOutFromStatus(byte))) {
        fail(new PrinterFault('PRINTER_PAPER_OUT', `Printer ${where} reports it is out of paper.`));
      } else {
        sendTicket();
      }
    });

    socket.on('end', () => {
      if (phase === 'status') {
        fail(new PrinterFault('PRINTER_UNREACHABLE', `Printer ${where} closed the connection before printing.`));
      }
    });

    socket.on('close', () => {
      if (phase === 'closing') succeed();
      else if (phase !== 'done') {
        const message = `Connection to printer ${where} closed before the ticket was sent.`;
        fail(new PrinterFault('PRINTER_UNREACHABLE', message));
      }
    });

    arm(connectTimeoutMs, () =>
      fail(new PrinterFault('PRINTER_UNREACHABLE', `Printer ${where} did not accept a connection within ${connectTimeoutMs} ms.`)),
    );
    try {
      socket.connect({ host: target.host, port: target.port });
    } catch (error) {
      const message = `Printer ${where} cannot be reached (${String(error)}).`;
      fail(new PrinterFault('PRINTER_UNREACHABLE', message, { cause: error }));
    }
  });
}
