// Printing on a kiosk's network printer from the hub: a ticket's print and reprint, and the admin's test page.
import type { PrinterTarget, TicketPrint } from '../../shared/domain/types';
import type { HubDeps } from '../context';

/**
 * Lays a ticket out for the printer and sends it; rejects with PrinterFault only. The ESC/POS encoder (with
 * its code pages and image tools, about 5 MB resident) is loaded at the first print rather than at start: an
 * office whose kiosks print through their own shell, or not at all, never needs it in the hub.
 */
export async function printOverNetwork(deps: Pick<HubDeps, 'printer'>, printer: PrinterTarget, text: TicketPrint): Promise<void> {
  const { encodeTicket } = await import('../../shared/escpos/ticketLayout');
  return deps.printer(printer, encodeTicket(text, { width: printer.width }));
}
