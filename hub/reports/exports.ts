// The report as CSV and XLSX, both written from reportTables (shared/domain/report.ts): the same tables, in
// the same order, as the screen shows.
import { reportTables, type Report } from '../../shared/domain/report';
import type { Lang } from '../../shared/protocol/errors';

/**
 * One CSV field. Text an officer typed (an SPSE module, an office name) that starts like a formula gets a
 * leading apostrophe, so a spreadsheet shows it instead of running it (CSV injection); numbers stay numbers.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 with a byte-order mark, so spreadsheet programs read the Indonesian text as UTF-8. */
export function reportCsv(report: Report, lang: Lang): string {
  const lines: string[] = [];
  for (const table of reportTables(report, lang)) {
    lines.push(csvCell(table.title), table.header.map(csvCell).join(','), ...table.rows.map((r) => r.map(csvCell).join(',')), '');
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
