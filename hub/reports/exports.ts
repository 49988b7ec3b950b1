// The report as CSV and XLSX, both written from reportTables (shared/domain/report.ts): the same tables, in
// the same order, as the screen shows.
import { reportTables, type Report } from '../../shared/domain/report';
import type { Lang } from '../../shared/protocol/errors';

/**
 * The CSV is for Excel with Indonesian regional settings, which splits a CSV on `;` and reads `,` as the
 * decimal mark (and `.` as the thousands separator: 82.75 would be read as 8275). So `;` between fields, a
 * decimal comma, and a UTF-8 byte-order mark for the Indonesian text; no `sep=` line, which makes Excel drop
 * the mark and read the text as ANSI.
 */
const CSV_SEPARATOR = ';';

/**
 * Where a piece of a text field starts if a reader splits it: at its start, or after a `;` or `,` (a reader
 * that splits on either, ignoring the quotes) or a line break. A piece that starts, maybe after spaces, with
 * `=`, `+`, `-` or `@`, or starts with a tab or CR, can be read as a formula (CSV injection): it gets a
 * leading apostrophe, so the spreadsheet shows it as text.
 */
const FORMULA_PIECE = /(^|[;,\r\n])(?=[ \t]*[=+\-@]|[\t\r])/g;

/**
 * One CSV field. Text (an SPSE module or an office name someone typed) is neutralised piece by piece as
 * above, and quoted whenever it holds a `;`, a `,`, a quote or a line break, so no reader splits it, whichever
 * separator it splits on. Numbers are the report's own figures: they stay numbers (a negative time stays
 * `-3`), with a decimal comma (an IKM of 82.75 is `82,75`, quoted so a comma reader keeps it whole).
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v).replace('.', ',') : v.replace(FORMULA_PIECE, "$1'");
  return /[;,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 with `;` between fields and CRLF between records, after a UTF-8 byte-order mark. */
export function reportCsv(report: Report, lang: Lang): string {
  const record = (cells: ReadonlyArray<string | number | null>) => cells.map(csvCell).join(CSV_SEPARATOR);
  const lines: string[] = [];
  for (const table of reportTables(report, lang)) {
    lines.push(csvCell(table.title), record(table.header), ...table.rows.map(record), '');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/**
 * One worksheet with the tables one under another, each under its title in bold. ExcelJS is loaded at the
 * first spreadsheet asked for, not at start: with its zip and XML packages it is about 15 MB resident, for
 * an export a head downloads now and then.
 */
export async function reportXlsx(report: Report, lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  const sheet = book.addWorksheet(lang === 'id' ? 'Laporan' : 'Report');
  for (const table of reportTables(report, lang)) {
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.header).font = { italic: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.addRow([]);
  }
  sheet.getColumn(1).width = 36;
  return Buffer.from(await book.xlsx.writeBuffer());
}
