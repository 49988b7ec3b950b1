// Asking a receipt printer whether it has paper (ESC/POS DLE EOT 4), apart from the ticket's layout: the
// transports need only these few bytes, not the encoder the layout loads. Pure (no Node, no DOM).

/**
 * DLE EOT 4: transmit the roll paper sensor status (one byte). Many network printers never answer it,
 * which is why no answer is not a fault.
 */
export const STATUS_QUERY = Uint8Array.of(0x10, 0x04, 0x04);

/**
 * Reads the byte a printer sends back for DLE EOT 4 (Epson ESC/POS reference, "roll paper sensor status"):
 *   bit 0: fixed 0            bit 1: fixed 1
 *   bits 2-3: roll paper near-end sensor (both 1 = paper running low, still printable)
 *   bit 4: fixed 1
 *   bits 5-6: roll paper end sensor (both 1 = paper out)
 *   bit 7: fixed 0
 * A byte whose fixed bits do not match is not an answer to this query (e.g. an Automatic Status Back byte
 * or line noise) and never counts as paper out: a false "paper out" would stop tickets from printing.
 */
export function paperOutFromStatus(byte: number): boolean {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff) return false;
  if ((byte & 0x93) !== 0x12) return false;
  return (byte & 0x60) !== 0;
}
