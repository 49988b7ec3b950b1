// The queue ticket as ESC/POS bytes. Pure (no Node, no DOM): the same bytes are produced in the hub, in the
// Electron kiosk and in tests, so the golden files pin exactly what the paper receives.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { TicketPrint } from '../domain/types';

export type PaperWidth = 58 | 80;

/** Characters per line in font A (12 dots): 384 dots on 58 mm paper, 576 on 80 mm. */
export const COLUMNS: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };

// Dots we let a QR code use: 58 mm heads print 384 dots; many 80 mm clones print 512 (not 576), so stay safe.
const QR_DOTS: Readonly<Record<PaperWidth, number>> = { 58: 384, 80: 512 };
const QR_MAX_MODULE: Readonly<Record<PaperWidth, number>> = { 58: 6, 80: 8 };
// Byte-mode capacity of QR versions 1..20 at error level M (ISO/IEC 18004 table 7).
const QR_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666];

/** ESC/POS character size for the ticket number: the largest thing on the paper. */
const NUMBER_SIZE_MAX = 4; // the encoder's docs advise not going over 4x: some printers stop there
const NUMBER_SIZE_MIN = 3;

// Typographic characters people paste into office names and footers, mapped to what any printer can print.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2022': '*', '\u00b7': '.', '\u00d7': 'x', '\u00ab': '"', '\u00bb': '"', '\u20ac': 'EUR',
};

/**
 * Text the printer's code page 437 certainly prints: Indonesian needs nothing beyond ASCII, so accents are
 * dropped ("Café" -> "Cafe"), typographic quotes and dashes become ASCII, whitespace runs (including line
 * breaks) become one space, and anything else becomes "?". "±" is kept: it is in CP437 (0xF1) and it is how
 * Indonesian writes an estimate ("± 15 menit").
 */
function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    if (/\p{M}/u.test(ch)) continue;
    if (/\s/u.test(ch)) out += ' ';
    else if (ch >= ' ' && ch <= '~') out += ch;
    else if (ch === '\u00b1') out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

// QR payloads are bytes the scanner decodes; keep them ASCII and unchanged otherwise (no trimming of inner text).
function qrPayload(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
}

/** Module size (dots) so the whole symbol plus its quiet zone fits the paper; 0 when it cannot fit legibly. */
function qrModuleSize(length: number, width: PaperWidth): number {
  const index = QR_CAPACITY_M.findIndex((capacity) => length <= capacity);
  if (index < 0) return 0;
  const modules = 17 + 4 * (index + 1) + 8; // symbol plus 4-module quiet zone each side
  const size = Math.min(QR_MAX_MODULE[width], Math.floor(QR_DOTS[width] / modules));
  return size >= 2 ? size : 0; // 1-dot modules are too small for phone cameras
}

/**
 * ESC/POS bytes for one queue ticket: initialize, code page 437, centred office name (bold), address, title,
 * the number at 4x (3x if it would not fit), service, date-time, people ahead, estimate, optional native QR,
 * footer, feed and a partial cut. Long text is wrapped by the encoder at the paper's column count.
 */
export function encodeTicket(t: TicketPrint, opts: { width: PaperWidth }): Uint8Array {
  const columns = COLUMNS[opts.width];
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    // Epson numbering; CP437 is page 0 on Epson and on the POS-58/80 clones alike.
    codepageMapping: 'epson',
    // LF alone is ESC/POS "print and line feed"; a trailing CR doubles lines on printers with auto-LF on.
    newline: '\n',
    // The cutter sits above the print head: feed the last lines past it before cutting.
    feedBeforeCut: 4,
  });

  const line = (text: string | undefined): void => {
    const value = printable(text ?? '');
    if (value !== '') encoder.line(value);
  };

  encoder.initialize().codepage('cp437').align('center');

  encoder.bold(true);
  line(t.officeName);
  encoder.bold(false);
  line(t.officeAddress);
  encoder.line('-'.repeat(columns)).newline();

  encoder.bold(true).size(1, 2);
  line(t.title ?? 'NOMOR ANTRIAN');

  const number = printable(t.ticketNumber);
  const size = number.length * NUMBER_SIZE_MAX <= columns ? NUMBER_SIZE_MAX : NUMBER_SIZE_MIN;
  encoder.size(size, size);
  line(number);
  encoder.size(1, 1);

  line(t.serviceName);
  encoder.bold(false).newline();

  line(t.issuedAt);
  line(t.aheadText);
  line(t.etaText);

  const qr = qrPayload(t.qrText ?? '');
  const moduleSize = qr === '' ? 0 : qrModuleSize(qr.length, opts.width);
  if (moduleSize > 0) {
    encoder.newline().qrcode(qr, { model: 2, size: moduleSize, errorlevel: 'm' });
  }

  if (t.footer !== undefined && printable(t.footer) !== '') {
    encoder.newline();
    line(t.footer);
  }

  encoder.align('left').cut('partial');
  return encoder.encode();
}
