// The case screens' words, Bahasa Indonesia first: the staff app's dictionary (i18n.ts) and these, loaded
// with the case screens so the counter console does not carry them.
import type { CaseAction } from '../../../shared/domain/caseRules';
import type { Words } from '../../../shared/domain/types';
import { keyed, type Dictionary } from '../../../shared/ui/i18n';
import { staffText, useStaffT } from '../i18n';

/** The events a case's timeline shows, by the event log's type. */
const CASE_EVENT_WORDS: Record<`case.${CaseAction | 'attach' | 'withdraw' | 'retention'}`, Words> = {
  'case.open': { id: 'Kasus dibuka', en: 'Case opened' },
  'case.attach': { id: 'Kasus dilanjutkan pada kunjungan baru', en: 'Case continued at a new visit' },
  'case.intake': { id: 'Data konsultasi disimpan', en: 'Intake saved' },
  'case.handle': { id: 'Penanganan di helpdesk', en: 'Handled at the helpdesk' },
  'case.escalate': { id: 'Eskalasi', en: 'Escalated' },
  'case.take': { id: 'Diambil alih koordinator', en: 'Taken by the coordinator' },
  'case.followup': { id: 'Tindak lanjut', en: 'Follow-up' },
  'case.report': { id: 'Dilaporkan ke Kepala Unit', en: 'Reported to the Head of Unit' },
  'case.recommend': { id: 'Rekomendasi Kepala Unit', en: "Head of Unit's recommendation" },
  'case.resolve': { id: 'Hasil dicatat', en: 'Result recorded' },
  'case.close': { id: 'Kasus ditutup', en: 'Case closed' },
  'case.reassign': { id: 'Dialihkan ke petugas lain', en: 'Reassigned' },
  'case.withdraw': { id: 'Kasus ditarik: tidak ada yang dicatat', en: 'Case withdrawn: nothing recorded' },
  'case.retention': { id: 'Data pribadi dihapus: masa simpan habis', en: 'Personal data erased: retention period over' },
};

const caseDict = {
  ...staffText,
  caseReference: { id: 'Nomor referensi', en: 'Reference' },
  opened: { id: 'Dibuka', en: 'Opened' },
  printSlip: { id: 'Cetak slip', en: 'Print slip' },
  slipHeading: { id: 'Nomor referensi kasus Anda', en: 'Your case reference' },
  slipNote: {
    id: 'Sebutkan nomor ini saat menanyakan perkembangan kasus Anda.',
    en: 'Quote this number when you ask about your case.',
  },
  escalatedTo: { id: 'Dieskalasi ke', en: 'Escalated to' },
  lpseSupportTicket: { id: 'Nomor tiket LPSE Support', en: 'LPSE Support ticket number' },
  lastRecommendation: { id: 'Rekomendasi Kepala Unit', en: "Head of Unit's recommendation" },
  resolution: { id: 'Hasil', en: 'Result' },
  toldBy: { id: 'Disampaikan', en: 'Told' },
  intake: { id: 'Data konsultasi', en: 'Intake' },
  visitorType_penyedia: { id: 'Penyedia', en: 'Vendor (penyedia)' },
  visitorType_ppk: { id: 'PPK', en: 'PPK' },
  visitorType_pokja: { id: 'Pokja', en: 'Pokja' },
  visitorType_pp: { id: 'PP', en: 'PP' },
  visitorType_auditor: { id: 'Auditor', en: 'Auditor' },
  visitorType_lainnya: { id: 'Lainnya', en: 'Other' },
  category_gangguan: { id: 'Gangguan', en: 'Incident' },
  category_permasalahan: { id: 'Permasalahan', en: 'Problem' },
  category_permintaan_layanan: { id: 'Permintaan layanan', en: 'Service request' },
  emailInvalid: { id: 'Alamat e-mail tidak valid.', en: 'The e-mail address is not valid.' },
  saveIntake: { id: 'Simpan data', en: 'Save intake' },
  caseClosedHint: { id: 'Kasus ini sudah ditutup.', en: 'This case is closed.' },
  actionHandle: { id: 'Catat penanganan', en: 'Record handling' },
  handlingNote: { id: 'Penanganan di helpdesk', en: 'Handling at the helpdesk' },
  actionEscalate: { id: 'Eskalasi', en: 'Escalate' },
  escalateTitle: { id: 'Eskalasi kasus {reference}', en: 'Escalate case {reference}' },
  escalateTarget: { id: 'Tujuan eskalasi', en: 'Escalate to' },
  escalateNote: { id: 'Catatan (opsional)', en: 'Note (optional)' },
  target_coordinator: { id: 'Koordinator helpdesk', en: 'Helpdesk coordinator' },
  target_lkpp: { id: 'LKPP (LPSE Support)', en: 'LKPP (LPSE Support)' },
  target_both: { id: 'Koordinator dan LKPP', en: 'Coordinator and LKPP' },
  actionTake: { id: 'Ambil alih kasus', en: 'Take the case' },
  actionFollowup: { id: 'Catat tindak lanjut', en: 'Record follow-up' },
  followupNote: { id: 'Tindak lanjut', en: 'Follow-up' },
  actionReport: { id: 'Laporkan ke Kepala Unit', en: 'Report to the head' },
  reportNote: { id: 'Yang sudah dicoba', en: 'What was tried' },
  actionRecommend: { id: 'Beri rekomendasi', en: 'Recommend' },
  recommendationNote: { id: 'Rekomendasi', en: 'Recommendation' },
  actionResolve: { id: 'Catat hasil', en: 'Record the result' },
  resolutionNote: { id: 'Hasil penyelesaian', en: 'Result' },
  actionClose: { id: 'Tutup kasus', en: 'Close the case' },
  closeChannel: { id: 'Hasil disampaikan', en: 'The visitor was told' },
  channel_on_the_spot: { id: 'Langsung di tempat', en: 'On the spot' },
  channel_phone: { id: 'Lewat telepon', en: 'By phone' },
  channel_email: { id: 'Lewat e-mail', en: 'By e-mail' },
  needsPhone: { id: 'Isi nomor telepon pengunjung di data konsultasi dulu.', en: "Add the visitor's phone to the intake first." },
  needsEmail: { id: 'Isi alamat e-mail pengunjung di data konsultasi dulu.', en: "Add the visitor's e-mail to the intake first." },
  actionReassign: { id: 'Alihkan ke petugas lain', en: 'Reassign' },
  newOwner: { id: 'Petugas baru', en: 'New owner' },
  hasRecommendation: { id: 'Ada rekomendasi', en: 'Recommended' },
  timeline: { id: 'Riwayat', en: 'Timeline' },
  event_ticket_issue: { id: 'Mengambil nomor antrian', en: 'Took a queue number' },
  event_ticket_call: { id: 'Dipanggil ke loket', en: 'Called to the counter' },
  event_ticket_recall: { id: 'Dipanggil ulang', en: 'Recalled' },
  event_ticket_no_show: { id: 'Tidak hadir', en: 'No-show' },
  event_ticket_requeue: { id: 'Diantrikan kembali', en: 'Requeued' },
  event_ticket_transfer: { id: 'Dialihkan', en: 'Transferred' },
  event_ticket_start: { id: 'Mulai dilayani', en: 'Service started' },
  event_ticket_finish: { id: 'Selesai dilayani', en: 'Service finished' },
  event_ticket_cancel: { id: 'Dibatalkan', en: 'Cancelled' },
  event_ticket_expire: { id: 'Kedaluwarsa', en: 'Expired' },
  entryFrom: { id: 'dari', en: 'from' },
  entryTo: { id: 'ke', en: 'to' },
  notRecorded: { id: '—', en: '—' },

  // Lists
  noEscalated: { id: 'Tidak ada kasus yang dieskalasi.', en: 'No escalated cases.' },
  noCasesOnBoard: { id: 'Tidak ada kasus yang belum ditutup.', en: 'No cases left open.' },
  allUnclosed: { id: 'Semua yang belum ditutup', en: 'All not closed' },
  allStatuses: { id: 'Semua status', en: 'All statuses' },
  searchCases: { id: 'Cari kasus', en: 'Search cases' },
  searchCasesPlaceholder: {
    id: 'Referensi, nama, perusahaan/instansi, tiket LPSE Support',
    en: 'Reference, name, company/agency, LPSE Support ticket',
  },
  dateFrom: { id: 'Dari tanggal', en: 'From' },
  dateTo: { id: 'Sampai tanggal', en: 'To' },
  clearSearch: { id: 'Hapus pencarian', en: 'Clear search' },
  searchResults: { id: '{n} kasus ditemukan.', en: '{n} cases found.' },
  showMoreCases: { id: 'Tampilkan lebih banyak', en: 'Show more' },
  casesShownOf: { id: '{n} dari {total} kasus ditampilkan.', en: 'Showing {n} of {total} cases.' },
  casesShownMore: { id: '{n} kasus ditampilkan; masih ada lagi.', en: 'Showing {n} cases; there are more.' },
  myCasesFirst: {
    id: 'Kasus Anda yang belum ditutup tampil paling atas.',
    en: 'Your cases that are not closed come first.',
  },
  queueToday: { id: 'Antrian hari ini', en: "Today's queue" },
  statWaiting: { id: 'Menunggu', en: 'Waiting' },
  statServed: { id: 'Dilayani', en: 'Served' },
  statNoShow: { id: 'Tidak hadir', en: 'No-shows' },
  statAverageWait: { id: 'Rata-rata tunggu', en: 'Average wait' },
  statAverageService: { id: 'Rata-rata layanan', en: 'Average service' },
  ikmTitle: { id: 'Indeks Kepuasan Masyarakat (IKM)', en: 'Satisfaction index (IKM)' },
  ikmToday: { id: 'Hari ini', en: 'Today' },
  ikmMonth: { id: 'Bulan ini', en: 'This month' },
  ikmAnswers: { id: '{n} responden', en: '{n} respondents' },
  intakeChanged: { id: 'Diubah: {fields}', en: 'Changed: {fields}' },
  fieldsErased: { id: 'Dihapus: {fields}', en: 'Erased: {fields}' },
  ...keyed('event_', CASE_EVENT_WORDS),
} satisfies Dictionary<string>;

export type CaseTextKey = keyof typeof caseDict;

/** For keys built from codes the hub may send (timeline entry types), which might be new to this app. */
export function hasCaseText(key: string): key is CaseTextKey {
  return Object.hasOwn(caseDict, key);
}

export function useCaseT() {
  return useStaffT(caseDict);
}
