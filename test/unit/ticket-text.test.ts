// What the paper says for an issued ticket, whoever prints it (the hub or the kiosk shell's bridge).
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/domain/types';
import { encodeTicket } from '../../shared/escpos/ticketLayout';
import { ticketText } from '../../shared/escpos/ticketText';

const ticket = { id: 12, number: 'A-012', serviceCode: 'A', issuedAt: '2026-11-24T02:15:00.000Z' } as Ticket;
const office = { name: 'LPSE Kota Batam', address: 'Jl. Engku Putri No. 1, Batam Centre' };

describe('ticketText', () => {
  it('prints the office, the number, the service, the WIB time, who is ahead and the estimate', () => {
    const text = ticketText({
      office,
      issued: { ticket, serviceName: 'Gangguan / Permasalahan', ahead: 3, etaMinutes: 15, visitorUrl: null },
      timeZone: 'Asia/Jakarta',
      footer: 'Terima kasih.',
    });
    expect(text).toMatchObject({
      officeName: 'LPSE Kota Batam',
      officeAddress: 'Jl. Engku Putri No. 1, Batam Centre',
      ticketNumber: 'A-012',
      serviceName: 'Gangguan / Permasalahan',
      aheadText: 'Antrian di depan Anda: 3',
      etaText: 'Perkiraan waktu tunggu: ± 15 menit',
      footer: 'Terima kasih.',
    });
    // 02:15 UTC is 09:15 in Batam, on a Tuesday.
    expect(text.issuedAt).toMatch(/^Selasa, 24 November 2026.*09[.:]15 WIB$/);
  });

  it('says "segera dilayani" when nobody is ahead, and prints no footer when there is none', () => {
    const text = ticketText({
      office,
      issued: { ticket, serviceName: 'Gangguan / Permasalahan', ahead: 0, etaMinutes: 0, visitorUrl: null },
      timeZone: 'Asia/Jakarta',
      footer: '',
    });
    expect(text.etaText).toBe('Perkiraan waktu tunggu: segera dilayani');
    const plain = Buffer.from(encodeTicket(text, { width: 58 })).toString('latin1');
    expect(plain).toContain('A-012');
    expect(plain).not.toContain('Terima kasih');
    // No address for the visitor's page: no QR on the paper.
    expect(plain).not.toContain('\x1d(k');
  });

  it("puts the visitor's page address in the ticket's QR, exactly", () => {
    const url = 'http://192.168.1.10:7400/v/q7Xw2mZ0c4Lr9TbV1yHs8A';
    const text = ticketText({
      office,
      issued: { ticket, serviceName: 'Gangguan / Permasalahan', ahead: 1, etaMinutes: 5, visitorUrl: url },
      timeZone: 'Asia/Jakarta',
      footer: '',
    });
    expect(text.qrText).toBe(url);
    expect(Buffer.from(encodeTicket(text, { width: 80 })).toString('latin1')).toContain(url);
  });
});
