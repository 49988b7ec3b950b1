// What the paper says for an issued ticket: the same text whether the hub prints it (`print:ticket`,
// `print:reprint`) or the Electron shell's bridge does. Always in Bahasa Indonesia: the paper is the
// office's. A reprint keeps the number, service and issue time; people ahead and the estimate are those
// of the moment it is printed, which is what the visitor needs then.
import { formatEta } from '../domain/estimate';
import { formatOfficeDateTime } from '../domain/officeTime';
import type { IssuedTicket, Office, TicketPrint } from '../domain/types';

export interface TicketTextInput {
  office: Office;
  issued: IssuedTicket;
  timeZone: string;
  /** The `ticketFooter` setting; empty prints no footer. */
  footer: string;
}

export function ticketText({ office, issued, timeZone, footer }: TicketTextInput): TicketPrint {
  return {
    officeName: office.name,
    officeAddress: office.address,
    ticketNumber: issued.ticket.number,
    serviceName: issued.serviceName,
    issuedAt: formatOfficeDateTime(issued.ticket.issuedAt, timeZone, 'id'),
    aheadText: `Antrian di depan Anda: ${issued.ahead}`,
    etaText: `Perkiraan waktu tunggu: ${formatEta(issued.etaMinutes, 'id')}`,
    // The same address as the kiosk screen's QR: the visitor's own page.
    qrText: issued.visitorUrl ?? undefined,
    footer,
  };
}
