// The printed ticket: golden bytes pin the exact output, the other checks say what a visitor would notice.
// Regenerate the golden files after an intended layout change: UPDATE_GOLDEN=1 npx vitest run --config
// test/vitest.config.ts test/unit/escpos-ticket.test.ts — then look at the diff before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STATUS_QUERY, paperOutFromStatus } from '../../shared/escpos/paperStatus';
import { COLUMNS, encodeTicket, type PaperWidth } from '../../shared/escpos/ticketLayout';
import type { TicketPrint } from '../../shared/domain/types';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');

const TICKET_58: TicketPrint = {
  officeName: 'LPSE Kota Batam',
  officeAddress: 'Jl. Engku Putri No. 1, Batam Centre, Kota Batam',
  ticketNumber: 'A-012',
  serviceName: 'Gangguan / Permasalahan',
  issuedAt: 'Selasa, 24 November 2026 09:15 WIB',
  aheadText: 'Antrian di depan Anda: 3',
  etaText: 'Perkiraan waktu tunggu: ± 15 menit',
  footer: 'Mohon menunggu hingga nomor Anda dipanggil. Terima kasih.',
};

const TICKET_80: TicketPrint = {
  officeName: 'Layanan Pengadaan Secara Elektronik (LPSE) Kota Batam',
  officeAddress: 'Gedung Pemerintah Kota Batam, Jl. Engku Putri No. 1, Batam Centre',
  ticketNumber: 'B-107',
  serviceName: 'Permintaan Informasi / Konsultasi',
  issuedAt: 'Jumat, 27 November 2026 13:42 WIB',
  aheadText: 'Antrian di depan Anda: 12',
  etaText: 'Perkiraan waktu tunggu: ± 1 jam 10 menit',
  qrText: 'https://lpse.batam.go.id/antrian/B-107',
  footer: 'Simpan tiket ini. Nomor yang terlewat dapat dipanggil ulang di loket.',
};

// ---- a small ESC/POS reader: it knows only the commands a ticket may contain and rejects anything else ----

interface Decoded {
  /** each printed line with the columns it occupies (characters x current width multiplier) */
  lines: { text: string; columns: number }[];
  /** every GS ! size command with the text printed right after it */
  sizes: { width: number; height: number; offset: number; textAfter: string }[];
  cuts: number;
  qrCodes: string[];
}

function decode(bytes: Uint8Array): Decoded {
  const out: Decoded = { lines: [], sizes: [], cuts: 0, qrCodes: [] };
  let widthMul = 1;
  let text = '';
  let columns = 0;
  let i = 0;
  const at = (k: number): number => {
    const b = bytes[k];
    if (b === undefined) throw new Error(`command truncated at offset ${k}`);
    return b;
  };
  const textFrom = (k: number): string => {
    let s = '';
    while (k < bytes.length && at(k) >= 0x20 && s.length < 40) s += String.fromCharCode(at(k++));
    return s;
  };
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      out.lines.push({ text, columns });
      text = '';
      columns = 0;
      i += 1;
    } else if (b >= 0x20) {
      text += String.fromCharCode(b);
      columns += widthMul;
      i += 1;
    } else if (b === 0x1b) {
      const c = at(i + 1);
      if (c === 0x40) i += 2; // ESC @ initialize
      else if (c === 0x4d || c === 0x74 || c === 0x45 || c === 0x61) i += 3; // ESC M font, ESC t code page, ESC E bold, ESC a align
      else throw new Error(`unexpected ESC 0x${c.toString(16)} at offset ${i}`);
    } else if (b === 0x1c && at(i + 1) === 0x2e) {
      i += 2; // FS . cancel Kanji mode (the POS-58 clones start in it)
    } else if (b === 0x1d) {
      const c = at(i + 1);
      if (c === 0x21) {
        const n = at(i + 2);
        widthMul = (n >> 4) + 1;
        out.sizes.push({ width: widthMul, height: (n & 0x0f) + 1, offset: i, textAfter: textFrom(i + 3) });
        i += 3;
      } else if (c === 0x56) {
        const m = at(i + 2);
        out.cuts += 1;
        i += m === 65 || m === 66 ? 4 : 3; // GS V m [n]
      } else if (c === 0x28 && at(i + 2) === 0x6b) {
        const length = at(i + 3) + at(i + 4) * 256; // GS ( k pL pH cn fn [data]
        const fn = at(i + 6);
        if (at(i + 5) !== 0x31) throw new Error(`GS ( k for a symbol other than QR at offset ${i}`);
        if (fn === 0x50) out.qrCodes.push(String.fromCharCode(...bytes.subarray(i + 8, i + 5 + length)));
        i += 5 + length;
      } else throw new Error(`unexpected GS 0x${c.toString(16)} at offset ${i}`);
    } else {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at offset ${i}`);
    }
  }
  if (text !== '') out.lines.push({ text, columns });
  return out;
}

// ---- golden files ----

function hex(bytes: Uint8Array, from: number, to: number): string {
  return Array.from(bytes.subarray(Math.max(0, from), Math.min(bytes.length, to)), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function printableAscii(bytes: Uint8Array, from: number, to: number): string {
  return Array.from(bytes.subarray(Math.max(0, from), Math.min(bytes.length, to)), (b) =>
    b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
  ).join('');
}

function compareGolden(name: string, actual: Uint8Array): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it, then review it`);
  }
  const expected = new Uint8Array(readFileSync(file));
  let first = 0;
  while (first < expected.length && first < actual.length && expected[first] === actual[first]) first += 1;
  if (first === expected.length && first === actual.length) return;
  const from = first - 16;
  const to = first + 32;
  throw new Error(
    [
      `${name}: bytes differ from the golden file at offset ${first} (0x${first.toString(16)});`,
      `expected ${expected.length} bytes, got ${actual.length}.`,
      `expected @${Math.max(0, from)}: ${hex(expected, from, to)}  |${printableAscii(expected, from, to)}|`,
      `actual   @${Math.max(0, from)}: ${hex(actual, from, to)}  |${printableAscii(actual, from, to)}|`,
      'If the change is intended, run with UPDATE_GOLDEN=1 and review the new file.',
    ].join('\n'),
  );
}

describe('ticket golden bytes', () => {
  it('58 mm ticket matches test/golden/ticket-58.bin', () => {
    compareGolden('ticket-58.bin', encodeTicket(TICKET_58, { width: 58 }));
  });

  it('80 mm ticket matches test/golden/ticket-80.bin', () => {
    compareGolden('ticket-80.bin', encodeTicket(TICKET_80, { width: 80 }));
  });
});

describe.each([
  [58, TICKET_58],
  [80, TICKET_80],
] as [PaperWidth, TicketPrint][])('%i mm ticket', (width, ticket) => {
  const bytes = encodeTicket(ticket, { width });
  const decoded = decode(bytes);
  const allText = decoded.lines.map((l) => l.text.trim()).join(' ');

  it('starts by initializing the printer (ESC @) and selects code page 437 (ESC t 0)', () => {
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x1b, 0x40]);
    expect(hex(bytes, 0, bytes.length)).toContain('1b 74 00');
  });

  it('prints the number right after a GS ! with width and height of at least 3x, larger than anything else', () => {
    const numberSize = decoded.sizes.find((s) => s.textAfter.startsWith(ticket.ticketNumber));
    expect(numberSize, 'GS ! immediately followed by the ticket number').toBeDefined();
    expect(numberSize?.width).toBeGreaterThanOrEqual(3);
    expect(numberSize?.height).toBeGreaterThanOrEqual(3);
    for (const other of decoded.sizes) {
      expect(other.width * other.height).toBeLessThanOrEqual((numberSize?.width ?? 0) * (numberSize?.height ?? 0));
    }
  });

  it('ends with feed and exactly one cut (GS V)', () => {
    expect(decoded.cuts).toBe(1);
    const cutAt = hex(bytes, 0, bytes.length).lastIndexOf('1d 56');
    expect(hex(bytes, 0, bytes.length).slice(cutAt - 12, cutAt)).toBe('0a 0a 0a 0a ');
  });

  it(`keeps every line within ${COLUMNS[width]} columns`, () => {
    for (const line of decoded.lines) {
      expect(line.columns, `line "${line.text}"`).toBeLessThanOrEqual(COLUMNS[width]);
    }
  });

  it('prints every field a visitor reads, in order', () => {
    const fields = [
      ticket.officeName,
      'NOMOR ANTRIAN',
      ticket.ticketNumber,
      ticket.serviceName,
      ticket.aheadText,
    ];
    let from = 0;
    const flat = allText.replace(/\s+/g, ' ');
    for (const field of fields) {
      const at = flat.indexOf(field, from);
      expect(at, `"${field}" after offset ${from}`).toBeGreaterThanOrEqual(from);
      from = at + field.length;
    }
    // wrapped fields: compare without spaces, since the wrap point replaces a space with a line break
    const squeezed = flat.replace(/ /g, '');
    expect(squeezed).toContain(ticket.issuedAt.replace(/ /g, ''));
    expect(squeezed).toContain((ticket.footer ?? '').replace(/ /g, ''));
    // "±" is CP437 0xF1
    expect(squeezed).toContain((ticket.etaText ?? '').replace('±', '\u00f1').replace(/ /g, ''));
  });
});

describe('QR code', () => {
  it('is a native ESC/POS QR (GS ( k) holding qrText, only when qrText is given', () => {
    const withQr = decode(encodeTicket({ ...TICKET_58, qrText: 'https://lpse.batam.go.id/antrian/A-012' }, { width: 58 }));
    expect(withQr.qrCodes).toEqual(['https://lpse.batam.go.id/antrian/A-012']);
    expect(decode(encodeTicket(TICKET_58, { width: 58 })).qrCodes).toEqual([]);
    expect(decode(encodeTicket(TICKET_80, { width: 80 })).qrCodes).toEqual(['https://lpse.batam.go.id/antrian/B-107']);
    expect(decode(encodeTicket({ ...TICKET_80, qrText: '   ' }, { width: 80 })).qrCodes).toEqual([]);
  });

  it('is left out rather than printed wider than the paper when the text is too long', () => {
    expect(decode(encodeTicket({ ...TICKET_58, qrText: 'x'.repeat(2000) }, { width: 58 })).qrCodes).toEqual([]);
  });
});

describe('text the printer cannot show', () => {
  it('is reduced to plain characters, never raw UTF-8', () => {
    const bytes = encodeTicket(
      { ...TICKET_58, officeName: 'LPSE “Café” — Batam', serviceName: 'Konsultasi\u00a0umum\nlanjutan', footer: 'Terima kasih 🙏' },
      { width: 58 },
    );
    const text = decode(bytes).lines.map((l) => l.text.trim()).join('|');
    expect(text).toContain('LPSE "Cafe" - Batam');
    expect(text).toContain('Konsultasi umum lanjutan');
    expect(text).toContain('Terima kasih ?');
    // no UTF-8 lead bytes anywhere
    expect(Array.from(bytes).some((b) => b >= 0xc2 && b <= 0xf4 && b !== 0xf1)).toBe(false);
  });

  it('long ticket numbers drop to 3x so they still fit the line', () => {
    const decoded = decode(encodeTicket({ ...TICKET_58, ticketNumber: 'AB-12345X' }, { width: 58 }));
    const size = decoded.sizes.find((s) => s.textAfter.startsWith('AB-12345X'));
    expect(size).toMatchObject({ width: 3, height: 3 });
    for (const line of decoded.lines) expect(line.columns).toBeLessThanOrEqual(32);
  });
});

describe('paper status (DLE EOT 4)', () => {
  it('queries the roll paper sensor', () => {
    expect(Array.from(STATUS_QUERY)).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads paper end from bits 5-6 and ignores bytes that are not a status answer', () => {
    expect(paperOutFromStatus(0x12)).toBe(false); // paper present
    expect(paperOutFromStatus(0x1e)).toBe(false); // near end: still prints
    expect(paperOutFromStatus(0x72)).toBe(true); // paper end
    expect(paperOutFromStatus(0x7e)).toBe(true); // near end and end
    expect(paperOutFromStatus(0x60)).toBe(false); // fixed bits wrong: not an answer to DLE EOT 4
    expect(paperOutFromStatus(0xff)).toBe(false);
    expect(paperOutFromStatus(0x00)).toBe(false);
  });
});
