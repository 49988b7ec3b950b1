// The staff app's words, Bahasa Indonesia first. Codes (statuses, visitor types, …) have one entry each,
// named `<kind>_<code>`, so a screen shows any code without its own table. A case's statuses, events and
// intake fields come from shared/domain/caseWords.ts, which the hub's refusals use too.

import { CASE_STATUS_WORDS, INTAKE_FIELD_WORDS } from '../../shared/domain/caseWords';
import { TICKET_STATUS_WORDS } from '../../shared/domain/ticketWords';
import { STORAGE_MESSAGES } from '../../shared/protocol/errors';
import { keyed, useTranslator, type Dictionary } from '../../shared/ui/i18n';
import { useStaff } from './store';

export const staffText = {
  appTitle: { id: 'Antrian LPSE — Petugas', en: 'LPSE Queue — Staff' },
  connecting: { id: 'Menghubungkan ke server antrian…', en: 'Connecting to the queue server…' },
  reconnecting: {
    id: 'Koneksi ke server antrian terputus. Menghubungkan kembali…',
    en: 'Lost the connection to the queue server. Reconnecting…',
  },
  loading: { id: 'Memuat…', en: 'Loading…' },
  screenFailed: { id: 'Layar ini tidak dapat dimuat dari hub.', en: 'This screen could not be loaded from the hub.' },
  dismiss: { id: 'Tutup', en: 'Dismiss' },
  cancel: { id: 'Batal', en: 'Cancel' },
  choose: { id: '— pilih —', en: '— choose —' },
  or: { id: 'atau', en: 'or' },
  search: { id: 'Cari', en: 'Search' },
  reload: { id: 'Muat ulang', en: 'Reload' },
  ticket: { id: 'Nomor', en: 'Ticket' },
  status: { id: 'Status', en: 'Status' },
  owner: { id: 'Petugas', en: 'Owner' },
  everyone: { id: 'Semua petugas', en: 'Everyone' },
  age: { id: 'Lama', en: 'Age' },
  visitor: { id: 'Pengunjung', en: 'Visitor' },
  sopStep: { id: 'Langkah {step}', en: 'Step {step}' },

  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },

  nav_counter: { id: 'Loket', en: 'Counter' },
  nav_cases: { id: 'Kasus', en: 'Cases' },
  nav_queue: { id: 'Antrian eskalasi', en: 'Escalations' },
  nav_board: { id: 'Papan pemantauan', en: 'Monitoring board' },
  nav_reports: { id: 'Laporan', en: 'Reports' },
  nav_admin: { id: 'Admin', en: 'Admin' },
  nav_password: { id: 'Kata sandi', en: 'Password' },
  role_helpdesk: { id: 'Petugas helpdesk', en: 'Helpdesk officer' },
  role_coordinator: { id: 'Koordinator helpdesk', en: 'Helpdesk coordinator' },
  role_head: { id: 'Kepala Unit', en: 'Head of Unit' },
  role_admin: { id: 'Admin', en: 'Admin' },

  // Counter
  chooseCounter: { id: 'Pilih loket', en: 'Choose a counter' },
  counter: { id: 'Loket', en: 'Counter' },
  chooseCounterPlaceholder: { id: '— pilih loket —', en: '— choose a counter —' },
  openCounter: { id: 'Buka loket', en: 'Open counter' },
  closeCounter: { id: 'Tutup loket', en: 'Close counter' },
  counterFree: { id: 'tersedia', en: 'free' },
  counterHeldBy: { id: 'dipakai {name}', en: 'in use by {name}' },
  counterHeld: { id: 'dipakai', en: 'in use' },
  counterState_closed: { id: 'Tutup', en: 'Closed' },
  counterState_open: { id: 'Buka', en: 'Open' },
  counterState_paused: { id: 'Istirahat', en: 'Paused' },
  currentTicket: { id: 'Nomor saat ini', en: 'Current ticket' },
  recalled: { id: 'Dipanggil ulang', en: 'Recalled' },
  noVisitor: { id: 'Belum ada pengunjung di loket. Panggil nomor berikutnya (F2).', en: 'No visitor at the counter. Call the next number (F2).' },
  waitedMinutes: { id: 'menit menunggu', en: 'min waited' },
  transferredFrom: { id: 'dialihkan dari', en: 'transferred from' },
  unsavedTitle: { id: 'Data konsultasi belum disimpan', en: 'The intake is not saved' },
  unsavedBody: {
    id: 'Isian data konsultasi kasus {reference} belum disimpan. Simpan dulu?',
    en: 'What was typed in the intake of case {reference} is not saved. Save it first?',
  },
  unsavedSave: { id: 'Simpan lalu lanjutkan', en: 'Save and continue' },
  unsavedDiscard: { id: 'Buang isian', en: 'Discard' },
  unsavedStay: { id: 'Kembali ke isian', en: 'Back to the form' },
  callNext: { id: 'Panggil berikutnya', en: 'Call next' },
  recall: { id: 'Panggil ulang', en: 'Recall' },
  noShow: { id: 'Tidak hadir', en: 'No-show' },
  startService: { id: 'Mulai layanan', en: 'Start service' },
  finishService: { id: 'Selesai', en: 'Finish' },
  transfer: { id: 'Alihkan', en: 'Transfer' },
  transferTitle: { id: 'Alihkan nomor {number}', en: 'Transfer ticket {number}' },
  transferToService: { id: 'Ke layanan', en: 'To service' },
  transferToCounter: { id: 'Ke loket tertentu', en: 'To a named counter' },
  pause: { id: 'Istirahat', en: 'Pause' },
  resume: { id: 'Lanjutkan', en: 'Resume' },
  pauseOrResume: { id: 'Istirahat / lanjutkan', en: 'Pause / resume' },
  pauseReasonPlaceholder: { id: '— alasan istirahat —', en: '— reason —' },
  pause_istirahat: { id: 'Istirahat', en: 'Break' },
  pause_sholat: { id: 'Sholat', en: 'Prayer' },
  pause_rapat: { id: 'Rapat', en: 'Meeting' },
  pause_lainnya: { id: 'Lainnya', en: 'Other' },
  waitingList: { id: 'Daftar tunggu', en: 'Waiting list' },
  callSpecific: { id: 'Panggil nomor terpilih', en: 'Call the chosen ticket' },
  callSpecificNumber: { id: 'Panggil {number}', en: 'Call {number}' },
  callSpecificHint: {
    id: 'Pilih nomor di daftar untuk memanggilnya di luar urutan.',
    en: 'Choose a ticket in the list to call it out of order.',
  },
  nobodyWaiting: { id: 'Tidak ada yang menunggu.', en: 'Nobody is waiting.' },
  priority: { id: 'Prioritas', en: 'Priority' },
  waitedSince: { id: 'Lama menunggu sejak ambil nomor', en: 'Waiting since the ticket was taken' },
  noShowsToday: { id: 'Tidak hadir hari ini', en: 'No-shows today' },
  requeue: { id: 'Antrikan kembali', en: 'Requeue' },
  reprint: { id: 'Cetak ulang', en: 'Reprint' },
  printerFault: { id: 'Gangguan printer kiosk', en: 'Kiosk printer fault' },
  faultTimes: { id: '{n}× gagal', en: 'failed {n}×' },
  closeFault: { id: 'Tutup pemberitahuan', en: 'Close notice' },
  tallyToday: { id: 'Hari ini di loket ini', en: 'Today at this counter' },
  served: { id: 'Dilayani', en: 'Served' },
  noShows: { id: 'Tidak hadir', en: 'No-shows' },
  averageService: { id: 'Rata-rata layanan', en: 'Average service' },
  shortcuts: { id: 'Tombol pintas', en: 'Keyboard shortcuts' },
  ...keyed('ticketStatus_', TICKET_STATUS_WORDS),

  // The visit's case at the counter
  visitCase: { id: 'Kasus kunjungan ini', en: "This visit's case" },
  caseOpensOnStart: {
    id: 'Kasus baru dibuka saat layanan dimulai. Pengunjung kembali? Cari kasusnya: layanan dimulai dengan kasus itu.',
    en: 'A new case opens when service starts. A returning visitor? Find their case: service starts with it.',
  },
  returningVisitor: { id: 'Pengunjung kembali: cari kasus', en: 'Returning visitor: find the case' },
  attachSearchPlaceholder: { id: 'Nomor referensi, nama, atau perusahaan/instansi', en: 'Reference, name or company/agency' },
  attachCase: { id: 'Lanjutkan kasus ini', en: 'Continue this case' },
  requiredMissing: { id: 'Wajib diisi: {fields}.', en: 'Required: {fields}.' },
  actions: { id: 'Tindak lanjut', en: 'Actions' },
  noCasesFound: { id: 'Tidak ada kasus yang cocok.', en: 'No matching cases.' },


  // The password screen
  save: { id: 'Simpan', en: 'Save' },
  passwordTitle: { id: 'Ganti kata sandi', en: 'Change password' },
  passwordForcedTitle: { id: 'Pilih kata sandi Anda sendiri', en: 'Choose your own password' },
  passwordForcedNote: {
    id: 'Halo {name}. Anda masuk dengan kata sandi sementara. Pilih kata sandi Anda sendiri (minimal 8 karakter) sebelum melanjutkan.',
    en: 'Hello {name}. You signed in with a temporary password. Choose your own (at least 8 characters) to go on.',
  },
  passwordCurrent: { id: 'Kata sandi saat ini', en: 'Current password' },
  passwordNew: { id: 'Kata sandi baru (minimal 8 karakter)', en: 'New password (at least 8 characters)' },
  passwordRepeat: { id: 'Ulangi kata sandi baru', en: 'Repeat the new password' },
  passwordTooShort: { id: 'Kata sandi baru minimal 8 karakter.', en: 'The new password needs at least 8 characters.' },
  passwordMismatch: { id: 'Kedua kata sandi baru tidak sama.', en: 'The two new passwords differ.' },
  passwordChanged: { id: 'Kata sandi Anda sudah diganti.', en: 'Your password has been changed.' },

  // The hub's own words for its refusals while its disk cannot be written, so the alarm and a refusal agree.
  ...keyed('storage_', STORAGE_MESSAGES),
  ...keyed('caseStatus_', CASE_STATUS_WORDS),
  ...keyed('intake_', INTAKE_FIELD_WORDS),
} satisfies Dictionary<string>;

export type TextKey = keyof typeof staffText;

/** `t()` over a dictionary in the staff member's language; the admin section and the case screens extend this one. */
export function useStaffT<K extends string>(dict: Dictionary<K>) {
  return useTranslator(dict, useStaff((s) => s.lang));
}

export function useT() {
  return useStaffT(staffText);
}
