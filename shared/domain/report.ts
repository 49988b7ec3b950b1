// The Head of Unit's report for a day, a range of days or a month: one type for the screen, the CSV and the
// XLSX, and the one table layout both exports write. Definitions (docs/reports.md): times in whole minutes
// rounded half up, percentiles by nearest rank, `withdrawn` cases left out of every case figure.
import type { Lang } from '../protocol/errors';
import type { Ikm } from './skm';
import type { CaseCategory, VisitorType } from './types';

/** The longest period one report covers, in office days (a leap year). */
export const REPORT_MAX_DAYS = 366;

/** Why a period cannot be reported on, or null: `to` before `from`, or longer than REPORT_MAX_DAYS. */
export function reportPeriodProblem(from: string, to: string): 'REPORT_PERIOD_REVERSED' | 'REPORT_PERIOD_TOO_LONG' | null {
  if (to < from) return 'REPORT_PERIOD_REVERSED';
  return (Date.parse(to) - Date.parse(from)) / 86_400_000 >= REPORT_MAX_DAYS ? 'REPORT_PERIOD_TOO_LONG' : null;
}

/** Average, median and 90th percentile, in whole minutes; null when nothing was measured. */
export interface TimeFigures {
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

export interface TicketFigures {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  /** Transferred at least once. */
  transferred: number;
  /** Issue → call. */
  wait: TimeFigures;
  /** Start → finish of finished visits. */
  service: TimeFigures;
}

/** Waiting-time buckets in whole minutes, `[from, to)`; the last is open-ended. */
export const WAIT_BUCKETS = [0, 5, 10, 15, 30, 60] as const;
/** Ages of open cases in days at the period's end, `[from, to)`; the last is open-ended. */
export const OPEN_AGE_BUCKETS = [0, 2, 8, 31] as const;

export interface CaseFigures {
  opened: number;
  /** Closed in the period without ever being escalated or reported. */
  resolvedAtHelpdesk: number;
  /** Escalated at least once in the period, whatever the target. */
  escalated: number;
  /** Escalated to the coordinator (`both` counts here too). */
  escalatedCoordinator: number;
  /** Escalated to LKPP (`both` counts here too). */
  escalatedLkpp: number;
  reported: number;
  closed: number;
  /** Open at the period's end. */
  openAtEnd: number;
  /** Of the cases open at the period's end, how many by age, one count per OPEN_AGE_BUCKETS entry. */
  openByAge: number[];
  /** Opening → closing of the cases closed in the period. */
  timeToClose: TimeFigures;
}

export interface Count {
  /** A category, visitor type or SPSE module as stored; '' when the intake left it empty. */
  key: string;
  count: number;
}

export interface Report {
  from: string;
  to: string;
  office: string;
  headName: string;
  headNip: string;
  tickets: TicketFigures;
  byService: Array<TicketFigures & { code: string; name: string }>;
  byCounter: Array<TicketFigures & { number: number; name: string }>;
  byOfficer: Array<TicketFigures & { username: string; name: string }>;
  /** Tickets issued per hour of the office day (0–23), hours without tickets left out. */
  perHour: Array<{ hour: number; issued: number }>;
  /** Every office day of the period. */
  perDay: Array<{ day: string; issued: number; served: number }>;
  /** Called tickets per WAIT_BUCKETS entry. */
  waitDistribution: number[];
  cases: CaseFigures;
  byCategory: Count[];
  byVisitorType: Count[];
  byModule: Count[];
  ikm: Ikm;
}

type Words = Record<Lang, string>;

export const REPORT_WORDS = {
  title: { id: 'Laporan Layanan', en: 'Service report' },
  period: { id: 'Periode', en: 'Period' },
  office: { id: 'Kantor', en: 'Office' },
  tickets: { id: 'Antrian', en: 'Tickets' },
  issued: { id: 'Diambil', en: 'Issued' },
  served: { id: 'Dilayani', en: 'Served' },
  noShow: { id: 'Tidak hadir', en: 'No-show' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
  transferred: { id: 'Dialihkan', en: 'Transferred' },
  waitAvg: { id: 'Tunggu rata-rata (menit)', en: 'Wait average (min)' },
  waitP50: { id: 'Tunggu median (menit)', en: 'Wait median (min)' },
  waitP90: { id: 'Tunggu persentil 90 (menit)', en: 'Wait 90th percentile (min)' },
  serviceAvg: { id: 'Layanan rata-rata (menit)', en: 'Service average (min)' },
  serviceP50: { id: 'Layanan median (menit)', en: 'Service median (min)' },
  serviceP90: { id: 'Layanan persentil 90 (menit)', en: 'Service 90th percentile (min)' },
  byService: { id: 'Per layanan', en: 'Per service' },
  byCounter: { id: 'Per loket', en: 'Per counter' },
  byOfficer: { id: 'Per petugas', en: 'Per officer' },
  perHour: { id: 'Antrian per jam', en: 'Tickets per hour' },
  perDay: { id: 'Antrian per hari', en: 'Tickets per day' },
  waitDistribution: { id: 'Sebaran waktu tunggu', en: 'Waiting time distribution' },
  hour: { id: 'Jam', en: 'Hour' },
  day: { id: 'Tanggal', en: 'Date' },
  minutes: { id: 'Menit', en: 'Minutes' },
  count: { id: 'Jumlah', en: 'Count' },
  cases: { id: 'Kasus', en: 'Cases' },
  opened: { id: 'Dibuka', en: 'Opened' },
  resolvedAtHelpdesk: { id: 'Selesai di helpdesk', en: 'Resolved at the helpdesk' },
  escalated: { id: 'Dieskalasi', en: 'Escalated' },
  escalatedCoordinator: { id: 'Dieskalasi ke koordinator', en: 'Escalated to the coordinator' },
  escalatedLkpp: { id: 'Dieskalasi ke LKPP', en: 'Escalated to LKPP' },
  reported: { id: 'Dilaporkan ke Kepala Unit', en: 'Reported to the head' },
  closed: { id: 'Ditutup', en: 'Closed' },
  openAtEnd: { id: 'Masih terbuka di akhir periode', en: "Open at the period's end" },
  openByAge: { id: 'Kasus terbuka menurut umur (hari)', en: 'Open cases by age (days)' },
  closeAvg: { id: 'Waktu penutupan rata-rata (menit)', en: 'Time to close average (min)' },
  closeP50: { id: 'Waktu penutupan median (menit)', en: 'Time to close median (min)' },
  closeP90: { id: 'Waktu penutupan persentil 90 (menit)', en: 'Time to close 90th percentile (min)' },
  byCategory: { id: 'Kasus per kategori', en: 'Cases by category' },
  byVisitorType: { id: 'Kasus per jenis pengunjung', en: 'Cases by visitor type' },
  byModule: { id: 'Kasus per modul SPSE', en: 'Cases by SPSE module' },
  ikm: { id: 'Indeks Kepuasan Masyarakat (IKM)', en: 'Satisfaction index (IKM)' },
  grade: { id: 'Mutu', en: 'Grade' },
  surveyCount: { id: 'Jumlah responden', en: 'Respondents' },
  empty: { id: '(kosong)', en: '(empty)' },
  headOfUnit: { id: 'Kepala Unit', en: 'Head of Unit' },
  nip: { id: 'NIP', en: 'NIP' },
} as const satisfies Record<string, Words>;

const KEY_WORDS: Record<CaseCategory | VisitorType, Words> = {
  gangguan: { id: 'Gangguan', en: 'Fault' },
  permasalahan: { id: 'Permasalahan', en: 'Problem' },
  permintaan_layanan: { id: 'Permintaan layanan', en: 'Service request' },
  penyedia: { id: 'Penyedia', en: 'Supplier' },
  ppk: { id: 'PPK', en: 'PPK' },
  pokja: { id: 'Pokja', en: 'Pokja' },
  pp: { id: 'Pejabat Pengadaan', en: 'Procurement official' },
  auditor: { id: 'Auditor', en: 'Auditor' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** A category, visitor type or module as a person reads it. */
export function countLabel(key: string, lang: Lang): string {
  if (key === '') return REPORT_WORDS.empty[lang];
  return (KEY_WORDS as Record<string, Words | undefined>)[key]?.[lang] ?? key;
}

/** A bucket as text: `5–9`, the last `60+`. */
export function bucketLabel(buckets: readonly number[], i: number): string {
  const from = buckets[i] as number;
  const next = buckets[i + 1];
  return next === undefined ? `${from}+` : `${from}–${next - 1}`;
}

type Cell = string | number | null;
export interface ReportTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const FIGURE_KEYS = ['issued', 'served', 'noShow', 'cancelled', 'expired', 'transferred'] as const;
const TIME_KEYS = ['waitAvg', 'waitP50', 'waitP90', 'serviceAvg', 'serviceP50', 'serviceP90'] as const;
const timeCells = (t: TimeFigures): Cell[] => [t.avg, t.p50, t.p90];
const figureCells = (f: TicketFigures): Cell[] => [...FIGURE_KEYS.map((k) => f[k]), ...timeCells(f.wait), ...timeCells(f.service)];

/** Every figure of the report as titled tables: the CSV and the XLSX write exactly these. */
export function reportTables(r: Report, lang: Lang): ReportTable[] {
  const w = (k: keyof typeof REPORT_WORDS) => REPORT_WORDS[k][lang];
  const figureHeader = [...FIGURE_KEYS, ...TIME_KEYS].map(w);
  const counts = (title: keyof typeof REPORT_WORDS, list: Count[]): ReportTable => ({
    title: w(title),
    header: [w(title), w('count')],
    rows: list.map((c) => [countLabel(c.key, lang), c.count]),
  });
  const c = r.cases;
  return [
    {
      title: w('title'),
      header: ['', ''],
      rows: [
        [w('office'), r.office],
        [w('period'), `${r.from} – ${r.to}`],
      ],
    },
    { title: w('tickets'), header: figureHeader, rows: [figureCells(r.tickets)] },
    { title: w('byService'), header: ['', ...figureHeader], rows: r.byService.map((s) => [`${s.code} ${s.name}`, ...figureCells(s)]) },
    { title: w('byCounter'), header: ['', ...figureHeader], rows: r.byCounter.map((s) => [`${s.number} ${s.name}`, ...figureCells(s)]) },
    { title: w('byOfficer'), header: ['', ...figureHeader], rows: r.byOfficer.map((s) => [`${s.username} ${s.name}`, ...figureCells(s)]) },
    { title: w('perHour'), header: [w('hour'), w('issued')], rows: r.perHour.map((h) => [h.hour, h.issued]) },
    { title: w('perDay'), header: [w('day'), w('issued'), w('served')], rows: r.perDay.map((d) => [d.day, d.issued, d.served]) },
    {
      title: w('waitDistribution'),
      header: [w('minutes'), w('count')],
      rows: r.waitDistribution.map((n, i) => [bucketLabel(WAIT_BUCKETS, i), n]),
    },
    {
      title: w('cases'),
      header: ['', ''],
      rows: [
        [w('opened'), c.opened],
        [w('resolvedAtHelpdesk'), c.resolvedAtHelpdesk],
        [w('escalated'), c.escalated],
        [w('escalatedCoordinator'), c.escalatedCoordinator],
        [w('escalatedLkpp'), c.escalatedLkpp],
        [w('reported'), c.reported],
        [w('closed'), c.closed],
        [w('openAtEnd'), c.openAtEnd],
        [w('closeAvg'), c.timeToClose.avg],
        [w('closeP50'), c.timeToClose.p50],
        [w('closeP90'), c.timeToClose.p90],
      ],
    },
    {
      title: w('openByAge'),
      header: [w('openByAge'), w('count')],
      rows: c.openByAge.map((n, i) => [bucketLabel(OPEN_AGE_BUCKETS, i), n]),
    },
    counts('byCategory', r.byCategory),
    counts('byVisitorType', r.byVisitorType),
    counts('byModule', r.byModule),
    {
      title: w('ikm'),
      header: [w('ikm'), w('grade'), w('surveyCount')],
      rows: [[r.ikm.ikm, r.ikm.grade, r.ikm.count]],
    },
  ];
}
