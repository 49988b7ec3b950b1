// A real TCP server on 127.0.0.1 stands in for a network printer on port 9100.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { STATUS_QUERY } from '../../shared/escpos/paperStatus';
import { encodeTicket } from '../../shared/escpos/ticketLayout';
import { PrinterFault } from '../../shared/protocol/bridge';
import { printOverTcp } from '../../shared/printer/tcp';

const TICKET = encodeTicket(
  {
    officeName: 'LPSE Kota Batam',
    ticketNumber: 'A-012',
    serviceName: 'Gangguan / Permasalahan',
    issuedAt: 'Selasa, 24 November 2026 09:15 WIB',
    aheadText: 'Antrian di depan Anda: 3',
  },
  { width: 58 },
);

interface FakePrinter {
  port: number;
  /** every byte the printer received, resolved when the client closes its side */
  received: Promise<Buffer>;
  connections: () => number;
}

const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))));
});

/** onStatusQuery: what the printer answers to DLE EOT 4, or undefined to stay silent like many printers. */
async function fakePrinter(onStatusQuery?: number): Promise<FakePrinter> {
  let connections = 0;
  let deliver: (bytes: Buffer) => void = () => undefined;
  const received = new Promise<Buffer>((resolve) => (deliver = resolve));
  const server = net.createServer((socket) => {
    connections += 1;
    const chunks: Buffer[] = [];
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!answered && onStatusQuery !== undefined && Buffer.concat(chunks).includes(Buffer.from(STATUS_QUERY))) {
        answered = true;
        socket.write(Uint8Array.of(onStatusQuery));
      }
    });
    socket.on('end', () => deliver(Buffer.concat(chunks)));
    socket.on('close', () => deliver(Buffer.concat(chunks)));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, received, connections: () => connections };
}

async function expectFault(promise: Promise<void>, code: PrinterFault['code']): Promise<PrinterFault> {
  const error: unknown = await promise.then(
    () => new Error('printOverTcp resolved, a PrinterFault was expected'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterFault);
  expect((error as PrinterFault).code).toBe(code);
  expect((error as PrinterFault).message).toMatch(/127\.0\.0\.1:\d+/);
  return error as PrinterFault;
}

describe('printOverTcp', () => {
  it('prints in full on a printer that never answers the status query', async () => {
    const printer = await fakePrinter();
    const started = Date.now();
    await printOverTcp({ host: '127.0.0.1', port: printer.port }, TICKET, { statusTimeoutMs: 200 });
    const received = await printer.received;
    expect(Array.from(received.subarray(0, 3))).toEqual(Array.from(STATUS_QUERY));
    expect(received.length).toBe(STATUS_QUERY.length + TICKET.length);
    expect(received.subarray(received.length - TICKET.length).equals(Buffer.from(TICKET))).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('prints in full on a printer that answers "paper present"', async () => {
    const printer = await fakePrinter(0x12);
    const started = Date.now();
    // a long status wait proves the answer, not the timeout, lets the ticket through
    await printOverTcp({ host: '127.0.0.1', port: printer.port }, TICKET, { statusTimeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(2000);
    const received = await printer.received;
    expect(received.subarray(received.length - TICKET.length).equals(Buffer.from(TICKET))).toBe(true);
  });

  it('reports paper out and writes no ticket bytes', async () => {
    const printer = await fakePrinter(0x72);
    const fault = await expectFault(printOverTcp({ host: '127.0.0.1', port: printer.port }, TICKET), 'PRINTER_PAPER_OUT');
    expect(fault.message).toMatch(/paper/i);
    const received = await printer.received;
    expect(Array.from(received)).toEqual(Array.from(STATUS_QUERY));
  });

  it('reports an unreachable printer quickly when nothing listens', async () => {
    const printer = await fakePrinter();
    const port = printer.port;
    await new Promise<void>((resolve) => servers.splice(0)[0]?.close(() => resolve()));
    const started = Date.now();
    await expectFault(printOverTcp({ host: '127.0.0.1', port }, TICKET), 'PRINTER_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports an invalid address as unreachable without throwing synchronously', async () => {
    let promise: Promise<void> | undefined;
    expect(() => {
      promise = printOverTcp({ host: '127.0.0.1', port: 70000 }, TICKET);
    }).not.toThrow();
    await expectFault(promise ?? Promise.resolve(), 'PRINTER_UNREACHABLE');
  });

  it('times out on a printer that accepts the connection but stops reading', async () => {
    // Never read: the kernel buffers fill up. 64 MB is far more than loopback buffering can hold
    // (tcp_rmem + tcp_wmem maxima), so the write cannot complete and the timeout must fire.
    let accepted: net.Socket | undefined;
    const server = net.createServer({ pauseOnConnect: true }, (socket) => {
      accepted = socket;
      socket.on('error', () => undefined);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const huge = new Uint8Array(64 * 1024 * 1024);
    const started = Date.now();
    const fault = await expectFault(
      printOverTcp({ host: '127.0.0.1', port: address.port }, huge, { statusTimeoutMs: 50, writeTimeoutMs: 300 }),
      'PRINTER_TIMEOUT',
    );
    expect(fault.message).toMatch(/300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    // The client gave up its socket: once the printer reads again it sees the connection end.
    const peer = accepted;
    if (peer === undefined) throw new Error('the printer never saw the connection');
    const closed = new Promise<void>((resolve) => peer.once('close', () => resolve()));
    peer.on('data', () => undefined).resume();
    await closed;
  });
});
