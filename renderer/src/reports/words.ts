// The reports screen's own words, and a translator that also knows the figures' names (the exports' own, in
// shared/domain/report.ts).
import { REPORT_WORDS } from '../../../shared/domain/report';
import { useStaff } from '../store';

export const UI_WORDS = {
  from: { id: 'Dari tanggal', en: 'From' },
  to: { id: 'Sampai tanggal', en: 'To' },
  thisMonth: { id: 'Bulan ini', en: 'This month' },
  lastMonth: { id: 'Bulan lalu', en: 'Last month' },
  exportCsv: { id: 'Unduh CSV', en: 'Download CSV' },
  exportXlsx: { id: 'Unduh XLSX', en: 'Download XLSX' },
  print: { id: 'Cetak laporan bulanan', en: 'Print the monthly report' },
  computing: { id: 'Menghitung laporan…', en: 'Computing the report…' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  choosePeriod: { id: 'Pilih tanggal awal dan akhir.', en: 'Choose the first and last day.' },
  nothing: { id: 'Tidak ada.', en: 'None.' },
  definitions: {
    id: 'Waktu dalam menit utuh (dibulatkan setengah ke atas), persentil dengan peringkat terdekat, kasus yang ditarik tidak dihitung.',
    en: 'Times in whole minutes (rounded half up), percentiles by nearest rank, withdrawn cases left out.',
  },
  monthlyTitle: { id: 'LAPORAN BULANAN PELAYANAN HELPDESK', en: 'MONTHLY HELPDESK SERVICE REPORT' },
  signedAt: { id: 'Ditetapkan tanggal', en: 'Signed on' },
  summary: { id: 'Ringkasan', en: 'Summary' },
} as const;

const WORDS = { ...REPORT_WORDS, ...UI_WORDS };

export function useWords(): (key: keyof typeof WORDS) => string {
  const lang = useStaff((s) => s.lang);
  return (key) => WORDS[key][lang];
}
