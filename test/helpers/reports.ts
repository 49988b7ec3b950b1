// Reading the report's exports back: the CSV parsed, the XLSX through exceljs, both into the same tables.
import ExcelJS from 'exceljs';

export type Table = { title: string; header: string[]; rows: string[][] };

/**
 * RFC 4180 records (quoted fields, doubled quotes, CRLF) split on `separator`: `;` as Excel with Indonesian
 * regional settings reads the export, `,` as a reader set for English would.
 */
export function csvRecords(text: string, separator: ';' | ',' = ';'): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) endField();
    else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field || record.length) {
    endField();
    records.push(record);
  }
  return records;
}

/** Title line, header line, rows, blank line: the tables as the exports lay them out. */
function tablesOf(records: string[][]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < records.length) {
    const title = records[i]?.[0] ?? '';
    const header = records[i + 1] ?? [];
    const rows: string[][] = [];
    i += 2;
    while (i < records.length && (records[i] as string[]).some((c) => c !== '')) rows.push(records[i++] as string[]);
    i++;
    tables.push({ title, header, rows });
  }
  return tables;
}

/** The CSV export's tables as Excel with Indonesian regional settings splits them (`;`), its text as written. */
export function parseCsvTables(text: string): Table[] {
  return tablesOf(csvRecords(text.replace(/^\uFEFF/, '')));
}

export async function readXlsxTables(data: ArrayBuffer | Buffer): Promise<Table[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const records: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    records.push(cells);
  }
  // Trailing empty cells are not stored in the sheet: pad rows to their table's header width.
  return tablesOf(records).map((t) => ({ ...t, rows: t.rows.map((r) => [...r, ...Array(Math.max(0, t.header.length - r.length)).fill('')]) }));
}

/**
 * The tables with every figure as text (empty for "none"), with `decimalMark` between a figure's whole and
 * its decimals: `.` as the XLSX reads back, `,` as the CSV writes for Indonesian Excel.
 */
export function asText(
  tables: ReadonlyArray<{ title: string; header: string[]; rows: ReadonlyArray<ReadonlyArray<string | number | null>> }>,
  decimalMark: '.' | ',' = '.',
): Table[] {
  const text = (c: string | number | null) => (c === null ? '' : typeof c === 'number' ? String(c).replace('.', decimalMark) : c);
  return tables.map((t) => ({ title: t.title, header: t.header, rows: t.rows.map((r) => r.map(text)) }));
}
