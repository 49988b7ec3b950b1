// The monthly report as it is printed (or saved as PDF from the print dialog): the office, the period, the
// figures, and the Head of Unit's name and NIP from the settings under the place for the signature. Only
// the print stylesheet shows it (reports.css).
import { formatOfficeDateTime } from '../../../shared/domain/officeTime';
import { reportTables, type Report } from '../../../shared/domain/report';
import { useStaff } from '../store';
import { useWords } from './words';

const dateWords = (day: string, lang: 'id' | 'en') => formatOfficeDateTime(`${day}T12:00:00Z`, 'UTC', lang, { date: true });

export function PrintableReport({ r, today }: { r: Report; today: string }) {
  const w = useWords();
  const lang = useStaff((s) => s.lang);
  // The same tables as the exports, the office and period (the first) shown in the heading instead.
  const tables = reportTables(r, lang).slice(1);
  return (
    <article className="printable" data-testid="report-printable">
      <header>
        <h1>{w('monthlyTitle')}</h1>
        <p className="printable-office" data-testid="report-print-office">
          {r.office}
        </p>
        <p data-testid="report-print-period">
          {w('period')}: {dateWords(r.from, lang)} – {dateWords(r.to, lang)}
        </p>
      </header>
      {tables.map((t) => (
        <section key={t.title}>
          <h2>{t.title}</h2>
          <table>
            {t.header.some((h) => h) && (
              <thead>
                <tr>
                  {t.header.map((h, i) => (
                    <th key={i}>{h}</th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {t.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <footer className="signature">
        <p>
          {w('signedAt')} {dateWords(today, lang)}
        </p>
        <p>{w('headOfUnit')},</p>
        <div className="signature-space" />
        <p className="signature-name" data-testid="report-print-head">
          {r.headName || '………………………………'}
        </p>
        <p data-testid="report-print-nip">
          {w('nip')}. {r.headNip || '………………………………'}
        </p>
      </footer>
    </article>
  );
}
