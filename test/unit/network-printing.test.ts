// A ticket printed from the hub on a kiosk's network printer (hub/operations/networkPrinting.ts): laid out
// for that printer's paper and sent to its address. The layout itself is pinned in escpos-ticket.test.ts.
import { expect, it } from 'vitest';
import type { PrinterTarget, TicketPrint } from '../../shared/domain/types';
import { encodeTicket } from '../../shared/escpos/ticketLayout';
import { printOverNetwork } from '../../hub/operations/networkPrinting';

const TICKET: TicketPrint = {
  officeName: 'LPSE Kota Batam',
  officeAddress: 'Jl. Engku Putri No. 1, Batam Centre',
  ticketNumber: 'A-007',
  serviceName: 'Gangguan / Permasalahan',
  issuedAt: 'Selasa, 24 November 2026 09:00 WIB',
  aheadText: 'Antrian di depan Anda: 2',
  etaText: 'Perkiraan waktu tunggu: ± 10 menit',
  footer: 'Terima kasih.',
};

it("lays the ticket out for the printer's own paper width and sends it to that printer", async () => {
  const sent: { host: string; port: number; bytes: Uint8Array }[] = [];
  const deps = { printer: async ({ host, port }: Pick<PrinterTarget, 'host' | 'port'>, bytes: Uint8Array) => void sent.push({ host, port, bytes }) };
  await printOverNetwork(deps, { host: '192.168.1.50', port: 9100, width: 58 }, TICKET);
  await printOverNetwork(deps, { host: '192.168.1.51', port: 9101, width: 80 }, TICKET);

  expect(sent.map(({ host, port }) => ({ host, port }))).toEqual([
    { host: '192.168.1.50', port: 9100 },
    { host: '192.168.1.51', port: 9101 },
  ]);
  expect(sent[0]?.bytes).toEqual(encodeTicket(TICKET, { width: 58 }));
  expect(sent[1]?.bytes).toEqual(encodeTicket(TICKET, { width: 80 }));
  expect(sent[0]?.bytes).not.toEqual(sent[1]?.bytes);
});
