// The Head of Unit's reports (head and admin): a day, a range or a month of office days, charts where people
// would rather look than read, the tables below them, the CSV and XLSX exports and the printable monthly
// report. Loaded only when opened (App.tsx), with its chart library, so the counter console stays small.
import { useEffect } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { officeDay } from '../../../shared/domain/officeTime';
import {
  bucketLabel,
  countLabel,
  OPEN_AGE_BUCKETS,
  WAIT_BUCKETS,
  type Count,
  type Report,
  type TicketFigures,
} from '../../../shared/domain/report';
import { IKM_GRADE_WORDS } from '../../../shared/domain/skm';
import type { ErrorCode, Lang } from '../../../shared/protocol/errors';
import { DateField } from '../DateField';
import { Figures, type Figure } from '../Figures';
import { loadReport, showRefusal } from '../hub';
import { useHubNow, useStaff, useTimeZone } from '../store';
import { PrintableReport } from './PrintableReport';
import { useWords } from './words';
import './reports.css';

const shown = (v: number | null) => (v === null ? '—' : String(v));

/** The first and last office day of the month `day` falls in. */
function monthOf(day: string): [string, string] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${day.slice(0, 8)}01`, `${day.slice(0, 8)}${String(last).padStart(2, '0')}`];
}

function previousMonth(day: string): [string, string] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10));
}

/** Saves the export the hub makes for the period, sending the session token as the hub asks. */
async function download(format: 'csv' | 'xlsx', from: string, to: string, lang: Lang): Promise<void> {
  const token = useStaff.getState().token ?? '';
  const res = await fetch(`/reports/export.${format}?from=${from}&to=${to}&lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    showRefusal({ code: (body?.code ?? 'INTERNAL') as ErrorCode, message: body?.message ?? res.statusText, params: {} });
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = `laporan-${from}-${to}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function Chart({ title, data, x, bars }: { title: string; data: object[]; x: string; bars: Array<{ key: string; name: string; color: string }> }) {
  return (
    <figure className="card report-chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={x} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          {bars.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} maxBarSize={40} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

const FIGURE_COLUMNS = ['issued', 'served', 'noShow', 'cancelled', 'expired', 'transferred'] as const;

function FiguresTable({ title, rows }: { title: string; rows: Array<{ id: string; label: string; f: TicketFigures }> }) {
  const w = useWords();
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th />
            {FIGURE_COLUMNS.map((k) => (
              <th key={k}>{w(k)}</th>
            ))}
            <th>{w('waitAvg')}</th>
            <th>{w('waitP90')}</th>
            <th>{w('serviceAvg')}</th>
            <th>{w('serviceP90')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, label, f }) => (
            <tr key={id} data-testid={id}>
              <th>{label}</th>
              {FIGURE_COLUMNS.map((k) => (
                <td key={k}>{f[k]}</td>
              ))}
              <td>{shown(f.wait.avg)}</td>
              <td>{shown(f.wait.p90)}</td>
              <td>{shown(f.service.avg)}</td>
              <td>{shown(f.service.p90)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Counts({ title, list }: { title: string; list: Count[] }) {
  const lang = useStaff((s) => s.lang);
  const w = useWords();
  return (
    <section className="card">
      <h2>{title}</h2>
      {list.length === 0 ? (
        <p className="empty">{w('nothing')}</p>
      ) : (
        <table className="report-table">
          <tbody>
            {list.map((c) => (
              <tr key={c.key}>
                <th>{countLabel(c.key, lang)}</th>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReportFigures({ figures }: { figures: Figure[] }) {
  return <Figures figures={figures} className="report-figures" />;
}

function ReportBody({ r }: { r: Report }) {
  const w = useWords();
  const lang = useStaff((s) => s.lang);
  const t = r.tickets;
  const c = r.cases;
  return (
    <>
      <section className="card">
        <h2>{w('tickets')}</h2>
        <ReportFigures
          figures={[
            ['report-issued', w('issued'), t.issued],
            ['report-served', w('served'), t.served],
            ['report-no-show', w('noShow'), t.noShow],
            ['report-cancelled', w('cancelled'), t.cancelled],
            ['report-expired', w('expired'), t.expired],
            ['report-transferred', w('transferred'), t.transferred],
            ['report-wait-avg', w('waitAvg'), shown(t.wait.avg)],
            ['report-wait-p50', w('waitP50'), shown(t.wait.p50)],
            ['report-wait-p90', w('waitP90'), shown(t.wait.p90)],
            ['report-service-avg', w('serviceAvg'), shown(t.service.avg)],
            ['report-service-p50', w('serviceP50'), shown(t.service.p50)],
            ['report-service-p90', w('serviceP90'), shown(t.service.p90)],
          ]}
        />
      </section>
      <div className="report-charts">
        <Chart title={w('perHour')} data={r.perHour} x="hour" bars={[{ key: 'issued', name: w('issued'), color: '#1d5fbf' }]} />
        <Chart
          title={w('perDay')}
          data={r.perDay.map((d) => ({ ...d, date: d.day.slice(8) }))}
          x="date"
          bars={[
            { key: 'issued', name: w('issued'), color: '#1d5fbf' },
            { key: 'served', name: w('served'), color: '#2e8b57' },
          ]}
        />
        <Chart
          title={`${w('waitDistribution')} (${w('minutes').toLowerCase()})`}
          data={r.waitDistribution.map((count, i) => ({ bucket: bucketLabel(WAIT_BUCKETS, i), count }))}
          x="bucket"
          bars={[{ key: 'count', name: w('count'), color: '#c77d0a' }]}
        />
        <Chart
          title={w('byCategory')}
          data={r.byCategory.map((k) => ({ category: countLabel(k.key, lang), count: k.count }))}
          x="category"
          bars={[{ key: 'count', name: w('count'), color: '#7a4fb5' }]}
        />
      </div>
      <FiguresTable title={w('byService')} rows={r.byService.map((s) => ({ id: `report-row-service-${s.code}`, label: `${s.code} · ${s.name}`, f: s }))} />
      <FiguresTable title={w('byCounter')} rows={r.byCounter.map((s) => ({ id: `report-row-counter-${s.number}`, label: s.name, f: s }))} />
      <FiguresTable
        title={w('byOfficer')}
        rows={r.byOfficer.map((s) => ({ id: `report-row-officer-${s.username}`, label: `${s.name} (${s.username})`, f: s }))}
      />
      <section className="card">
        <h2>{w('cases')}</h2>
        <ReportFigures
          figures={[
            ['report-cases-opened', w('opened'), c.opened],
            ['report-cases-resolved-helpdesk', w('resolvedAtHelpdesk'), c.resolvedAtHelpdesk],
            ['report-cases-escalated', w('escalated'), c.escalated],
            ['report-cases-escalated-coordinator', w('escalatedCoordinator'), c.escalatedCoordinator],
            ['report-cases-escalated-lkpp', w('escalatedLkpp'), c.escalatedLkpp],
            ['report-cases-reported', w('reported'), c.reported],
            ['report-cases-closed', w('closed'), c.closed],
            ['report-cases-open-now', w('openAtEnd'), c.openAtEnd],
            ['report-cases-close-avg', w('closeAvg'), shown(c.timeToClose.avg)],
            ['report-cases-close-p50', w('closeP50'), shown(c.timeToClose.p50)],
            ['report-cases-close-p90', w('closeP90'), shown(c.timeToClose.p90)],
          ]}
        />
        <h3>{w('openByAge')}</h3>
        <ReportFigures figures={c.openByAge.map((n, i) => [`report-cases-age-${i}`, bucketLabel(OPEN_AGE_BUCKETS, i), n])} />
      </section>
      <div className="report-counts">
        <Counts title={w('byCategory')} list={r.byCategory} />
        <Counts title={w('byVisitorType')} list={r.byVisitorType} />
        <Counts title={w('byModule')} list={r.byModule} />
      </div>
      <section className="card">
        <h2>{w('ikm')}</h2>
        <ReportFigures
          figures={[
            ['report-ikm', w('ikm'), r.ikm.ikm === null ? '—' : r.ikm.ikm.toFixed(2)],
            ['report-ikm-grade', w('grade'), r.ikm.grade === null ? '—' : r.ikm.grade],
            ['report-survey-count', w('surveyCount'), r.ikm.count],
          ]}
        />
        {r.ikm.grade && <p className="hint">{IKM_GRADE_WORDS[r.ikm.grade][lang]}</p>}
      </section>
    </>
  );
}

export default function ReportsSection() {
  const w = useWords();
  const lang = useStaff((s) => s.lang);
  const { from, to, data, failure } = useStaff((s) => s.report);
  const timeZone = useTimeZone();
  const today = officeDay(new Date(useHubNow(60_000)), timeZone);
  // Opened for the first time: this month so far.
  useEffect(() => {
    if (!from) void loadReport(monthOf(today)[0], today);
  }, [from, today]);
  const choose = (nextFrom: string, nextTo: string) => {
    if (nextFrom && nextTo) void loadReport(nextFrom, nextTo);
    else useStaff.setState({ report: { from: nextFrom, to: nextTo, data: null, failure: null } });
  };
  return (
    <div className="reports">
      <section className="card report-period no-print">
        <h1>{w('title')}</h1>
        <div className="report-controls">
          <DateField label={w('from')} testId="report-from" value={from} onChange={(v) => choose(v, to)} />
          <DateField label={w('to')} testId="report-to" value={to} onChange={(v) => choose(from, v)} />
          <button type="button" data-testid="report-this-month" onClick={() => choose(...monthOf(today))}>
            {w('thisMonth')}
          </button>
          <button type="button" data-testid="report-last-month" onClick={() => choose(...previousMonth(today))}>
            {w('lastMonth')}
          </button>
          <span className="report-actions">
            <button type="button" data-testid="report-export-csv" disabled={!data} onClick={() => void download('csv', from, to, lang)}>
              {w('exportCsv')}
            </button>
            <button type="button" data-testid="report-export-xlsx" disabled={!data} onClick={() => void download('xlsx', from, to, lang)}>
              {w('exportXlsx')}
            </button>
            <button type="button" className="primary" data-testid="report-print" disabled={!data} onClick={() => window.print()}>
              {w('print')}
            </button>
          </span>
        </div>
        <p className="hint">{w('definitions')}</p>
      </section>
      {data ? (
        <>
          <div className="no-print reports">
            <ReportBody r={data} />
          </div>
          <PrintableReport r={data} today={today} />
        </>
      ) : failure ? (
        <p className="card no-print" role="alert" data-testid="report-failed">
          {failure.message}{' '}
          {/* A refused period stays refused; a report the hub could not compute may work on a second try. */}
          {failure.code === 'REPORT_UNAVAILABLE' && (
            <button type="button" onClick={() => void loadReport(from, to)}>
              {w('retry')}
            </button>
          )}
        </p>
      ) : (
        <p className="card no-print" data-testid="report-loading">
          {from && to ? w('computing') : w('choosePeriod')}
        </p>
      )}
    </div>
  );
}
