// Stable error codes with the message a person reads, Bahasa Indonesia first.
import { INTAKE_FIELD_WORDS } from '../domain/caseWords';
import type { PrinterFaultCode } from './bridge';

export type Lang = 'id' | 'en';

type Messages = Record<string, Record<Lang, string>>;

// Most refusals are worded by the hub, in the reply's own language. The apps word a few themselves, and
// take only those tables, so a page does not carry every message of every app in both languages.

/** Said by any app itself when the hub cannot be reached or does not answer. */
export const CONNECTION_MESSAGES = {
  HUB_UNREACHABLE: { id: 'Tidak terhubung ke server antrian.', en: 'Not connected to the queue server.' },
  REQUEST_TIMEOUT: { id: 'Server tidak menjawab. Silakan coba lagi.', en: 'The server did not answer. Please try again.' },
} as const satisfies Messages;

/** A kiosk printer's faults: stored by code, and worded again in each reader's language by the staff app. */
export const PRINTER_FAULT_MESSAGES = {
  PRINTER_UNREACHABLE: { id: 'Printer tidak dapat dihubungi.', en: 'The printer cannot be reached.' },
  PRINTER_TIMEOUT: { id: 'Printer tidak menerima tiket tepat waktu.', en: 'The printer did not take the ticket in time.' },
  PRINTER_PAPER_OUT: { id: 'Kertas printer habis.', en: 'The printer is out of paper.' },
} as const satisfies Record<PrinterFaultCode, Record<Lang, string>>;

/**
 * The hub cannot write to its disk: changes are refused with these, and the staff app shows the same words
 * as its storage alarm. An I/O error reads as read-only: either way the disk takes nothing until it is fixed.
 */
export const STORAGE_MESSAGES = {
  STORAGE_FULL: {
    id: 'Disk server antrian penuh: perubahan tidak dapat disimpan. Layar tetap menampilkan antrian. Kosongkan ruang disk; server melanjutkan sendiri dalam beberapa detik.',
    en: "The queue server's disk is full: changes cannot be saved. Screens still show the queue. Free some disk space; the server resumes by itself within seconds.",
  },
  STORAGE_READ_ONLY: {
    id: 'Disk server antrian tidak dapat ditulisi (hanya-baca atau rusak): perubahan tidak dapat disimpan. Layar tetap menampilkan antrian. Periksa disknya; server melanjutkan sendiri begitu disk dapat ditulisi lagi.',
    en: "The queue server's disk cannot be written (read-only or failing): changes cannot be saved. Screens still show the queue. Check the disk; the server resumes by itself once it can write again.",
  },
} as const satisfies Messages;

const MESSAGES = {
  VALIDATION_FAILED: {
    id: 'Data yang dikirim tidak lengkap atau tidak sesuai: {detail}',
    en: 'The data sent is incomplete or invalid: {detail}',
  },
  PAYLOAD_TOO_LARGE: { id: 'Data yang dikirim terlalu besar.', en: 'The data sent is too large.' },
  UNKNOWN_EVENT: { id: 'Perintah "{event}" tidak dikenal.', en: 'Unknown command "{event}".' },
  NOT_AUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  SESSION_EXPIRED: { id: 'Sesi Anda telah berakhir. Silakan masuk kembali.', en: 'Your session has ended. Please sign in again.' },
  DEVICE_KEY_INVALID: { id: 'Kunci perangkat tidak dikenal.', en: 'Unknown device key.' },
  DEVICE_KEY_RATE_LIMITED: {
    id: 'Terlalu banyak kunci perangkat yang salah dari alamat ini. Coba lagi nanti.',
    en: 'Too many wrong device keys from this address. Try again later.',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan dari perangkat ini. Coba lagi dalam {seconds} detik.',
    en: 'Too many requests from this device. Try again in {seconds} seconds.',
  },
  FORBIDDEN: { id: 'Peran Anda tidak diizinkan melakukan ini.', en: 'Your role is not allowed to do this.' },
  LOGIN_FAILED: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  LOGIN_RATE_LIMITED: {
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {seconds} detik.',
    en: 'Too many sign-in attempts. Try again in {seconds} seconds.',
  },
  KIOSK_RATE_LIMITED: {
    id: 'Mohon tunggu sebentar sebelum mengambil nomor lagi.',
    en: 'Please wait a moment before taking another number.',
  },
  OFFICE_CLOSED: {
    id: 'Layanan sedang tutup. Buka kembali {opensAt}.',
    en: 'The office is closed. It opens again {opensAt}.',
  },
  OFFICE_CLOSED_NO_HOURS: { id: 'Layanan sedang tutup.', en: 'The office is closed.' },
  SERVICE_NOT_FOUND: { id: 'Layanan "{service}" tidak ada atau tidak aktif.', en: 'Service "{service}" does not exist or is inactive.' },
  REQUEST_EXPIRED: {
    id: 'Permintaan ini sudah kedaluwarsa. Silakan ambil nomor lagi.',
    en: 'This request has expired. Please take a number again.',
  },
  REQUEST_ID_REUSED: {
    id: 'Nomor permintaan ini sudah dipakai untuk permintaan yang berbeda; tidak ada yang diubah. Muat ulang, lalu coba lagi.',
    en: 'This request id was already used for a different request; nothing was changed. Reload, then try again.',
  },
  PRIORITY_DISABLED: { id: 'Antrian prioritas tidak diaktifkan.', en: 'Priority queueing is not enabled.' },
  COUNTER_NOT_FOUND: { id: 'Loket tidak ditemukan.', en: 'Counter not found.' },
  COUNTER_TAKEN: { id: 'Loket ini sedang dipakai oleh {user}.', en: 'This counter is in use by {user}.' },
  COUNTER_NOT_YOURS: { id: 'Anda tidak sedang memegang loket ini.', en: 'You are not holding this counter.' },
  COUNTER_NOT_OPEN: { id: 'Loket belum dibuka.', en: 'The counter is not open.' },
  COUNTER_PAUSED: { id: 'Loket sedang istirahat. Lanjutkan dulu untuk memanggil.', en: 'The counter is paused. Resume to call.' },
  COUNTER_BUSY: {
    id: 'Loket masih menangani nomor {ticket}. Selesaikan atau tandai tidak hadir dulu.',
    en: 'The counter still has ticket {ticket}. Finish it or mark it a no-show first.',
  },
  COUNTER_STATE: { id: 'Loket sedang {state}; tindakan ini tidak bisa dilakukan.', en: 'The counter is {state}; this cannot be done.' },
  ALREADY_HOLDING_COUNTER: { id: 'Anda sudah memegang {counter}. Tutup dulu loket itu.', en: 'You already hold {counter}. Close it first.' },
  QUEUE_EMPTY: { id: 'Tidak ada antrian yang menunggu untuk loket ini.', en: 'No one is waiting for this counter.' },
  TICKET_NOT_FOUND: { id: 'Nomor antrian tidak ditemukan.', en: 'Ticket not found.' },
  TICKET_NOT_TODAY: { id: 'Nomor antrian {ticket} bukan dari hari ini.', en: 'Ticket {ticket} is not from today.' },
  TICKET_NOT_AT_COUNTER: { id: 'Nomor {ticket} tidak sedang dilayani di loket ini.', en: 'Ticket {ticket} is not at this counter.' },
  TICKET_NOT_SERVING: {
    id: 'Nomor {ticket} belum dilayani: mulai layanan dulu.',
    en: 'Ticket {ticket} is not being served: start service first.',
  },
  TICKET_NOT_FOR_COUNTER: { id: 'Nomor {ticket} bukan untuk loket ini.', en: 'Ticket {ticket} is not for this counter.' },
  ILLEGAL_TRANSITION: {
    id: 'Nomor {ticket} sedang {status}, jadi tidak bisa {action}.',
    en: 'Ticket {ticket} is {status}, so it cannot be {action}.',
  },
  TRANSFER_TARGET_INVALID: {
    id: 'Tujuan pengalihan tidak valid: pilih layanan lain atau loket lain.',
    en: 'Invalid transfer target: choose another service or counter.',
  },
  CASE_NOT_FOUND: { id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  CASE_STALE: { id: 'Kasus ini sudah diubah orang lain. Muat ulang.', en: 'This case was changed by someone else. Reload it.' },
  CASE_ILLEGAL: {
    id: 'Kasus {reference} berstatus "{status}", tidak bisa {action}.',
    en: 'Case {reference} is "{status}" and cannot be {action}.',
  },
  CASE_INTAKE_INCOMPLETE: { id: 'Data kasus belum lengkap: {fields}.', en: 'The case intake is incomplete: {fields}.' },
  CASE_CONTACT_MISSING: {
    id: '{contact} pengunjung belum dicatat di data kasus; isi dulu sebelum menutup.',
    en: "The visitor's {contact} is not in the case intake; add it before closing.",
  },
  CASE_LPSE_TICKET_REQUIRED: {
    id: 'Nomor tiket LPSE Support wajib diisi untuk eskalasi ke LKPP.',
    en: 'The LPSE Support ticket number is required to escalate to LKPP.',
  },
  CASE_ALREADY_OPEN: { id: 'Nomor {ticket} sudah memiliki kasus {reference}.', en: 'Ticket {ticket} already has case {reference}.' },
  CASE_OWNER_INVALID: {
    id: 'Petugas tujuan tidak ditemukan atau tidak dapat memegang kasus.',
    en: 'That staff member does not exist or cannot own cases.',
  },
  ...PRINTER_FAULT_MESSAGES,
  TICKET_ALREADY_PRINTED: {
    id: 'Nomor {ticket} sudah dicetak. Petugas dapat mencetak ulang.',
    en: 'Ticket {ticket} has already been printed. Staff can reprint it.',
  },
  NO_PRINTER: {
    id: 'Tidak ada printer untuk nomor {ticket}: nomor ini tidak diambil di kiosk yang memiliki printer.',
    en: 'There is no printer for ticket {ticket}: it was not taken at a kiosk with a printer.',
  },
  SETUP_INVALID: { id: 'Pengaturan tidak sesuai: {detail}', en: 'The settings are not valid: {detail}' },
  SETUP_ADDRESS_INVALID: {
    id: 'Alamat tidak dikenal: masukkan alamat hub (http://192.168.1.10:7400) atau alamat perangkat dari Admin → Perangkat.',
    en: "Unknown address: enter the hub's address (http://192.168.1.10:7400) or the device's address from Admin → Devices.",
  },
  SETUP_PIN_WRONG: { id: 'PIN pengaturan salah.', en: 'Wrong setup PIN.' },
  SETUP_PIN_REQUIRED: { id: 'Buat PIN pengaturan (4–12 angka).', en: 'Choose a setup PIN (4–12 digits).' },
  SHELL_SENDER_REFUSED: {
    id: 'Permintaan ini hanya diterima dari halaman aplikasi.',
    en: "This request is accepted from the application's own page only.",
  },
  PASSWORD_CHANGE_REQUIRED: {
    id: 'Ganti dulu kata sandi sementara Anda dengan kata sandi Anda sendiri.',
    en: 'First replace your temporary password with one of your own.',
  },
  PASSWORD_TOO_SHORT: { id: 'Kata sandi baru minimal {min} karakter.', en: 'The new password needs at least {min} characters.' },
  PASSWORD_SAME: {
    id: 'Kata sandi baru harus berbeda dari kata sandi yang sekarang.',
    en: 'The new password must differ from the current one.',
  },
  PASSWORD_WRONG: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  PASSWORD_TEMP_EXPIRED: {
    id: 'Kata sandi sementara sudah kedaluwarsa. Minta admin mengatur ulang kata sandi Anda.',
    en: 'The temporary password has expired. Ask an admin to reset your password.',
  },
  PASSWORD_CHECK_BUSY: {
    id: 'Server sedang sibuk memeriksa kata sandi. Coba lagi sebentar lagi.',
    en: 'The server is busy checking passwords. Try again in a moment.',
  },
  DUPLICATE: { id: '{field} "{value}" sudah dipakai.', en: '{field} "{value}" is already in use.' },
  COUNTER_NEEDS_SERVICE: { id: 'Loket harus melayani minimal satu layanan.', en: 'A counter must serve at least one service.' },
  COUNTER_HELD: {
    id: '{counter} sedang dipakai {user}; tutup dulu loket itu sebelum menonaktifkannya.',
    en: '{counter} is in use by {user}; close it before deactivating it.',
  },
  LAST_ADMIN: {
    id: 'Admin aktif terakhir tidak bisa dinonaktifkan atau diganti perannya.',
    en: 'The last active admin cannot be deactivated or given another role.',
  },
  OWN_ACCOUNT: {
    id: 'Akun Anda sendiri tidak diatur ulang atau dinonaktifkan di sini; ganti kata sandi Anda lewat menu Kata sandi.',
    en: 'Your own account is not reset or deactivated here; change your password from the Password menu.',
  },
  COUNTER_HAS_TRANSFERS: {
    id: '{counter} masih punya {count} nomor yang dialihkan ke loket ini; layani atau alihkan dulu.',
    en: '{counter} still has {count} tickets transferred to it; serve or transfer them first.',
  },
  USER_NOT_FOUND: { id: 'Akun petugas tidak ditemukan.', en: 'Staff account not found.' },
  DEVICE_NOT_FOUND: { id: 'Perangkat tidak ditemukan.', en: 'Device not found.' },
  DEVICE_REVOKED: {
    id: 'Akses perangkat ini sudah dicabut oleh admin.',
    en: "This device's access has been revoked by an admin.",
  },
  SURVEY_NEEDS_COUNTER: { id: 'Tablet survei harus dipasang di sebuah loket.', en: 'A survey tablet must belong to a counter.' },
  PRINTER_NOT_SET: { id: 'Perangkat {device} tidak memiliki printer.', en: 'Device {device} has no printer.' },
  PRINT_FAULTS_FOR_TICKET_LIMIT: {
    id: 'Gangguan printer untuk nomor {ticket} sudah dicatat {limit} kali; petugas sudah diberi tahu.',
    en: 'Printer faults for ticket {ticket} have been recorded {limit} times; staff already know.',
  },
  PRINT_FAULTS_FOR_KIOSK_LIMIT: {
    id: 'Sudah ada {limit} gangguan printer yang belum selesai di kiosk ini; petugas sudah diberi tahu.',
    en: 'This kiosk already has {limit} unresolved printer faults; staff already know.',
  },
  VISITOR_CODE_UNKNOWN: {
    id: 'Nomor antrian ini tidak dikenal atau sudah berakhir.',
    en: 'This queue ticket is unknown or no longer valid.',
  },
  VISITOR_CODE_RATE_LIMITED: {
    id: 'Terlalu banyak kode yang salah dari alamat ini. Coba lagi nanti.',
    en: 'Too many wrong codes from this address. Try again later.',
  },
  REPORT_PERIOD_REVERSED: {
    id: 'Tanggal akhir laporan tidak boleh sebelum tanggal awal.',
    en: "The report's end date cannot be before its start date.",
  },
  REPORT_PERIOD_TOO_LONG: {
    id: 'Satu laporan mencakup paling lama {days} hari.',
    en: 'One report covers at most {days} days.',
  },
  REPORT_UNAVAILABLE: {
    id: 'Laporan tidak dapat dihitung saat ini. Coba lagi sebentar lagi.',
    en: 'The report cannot be computed right now. Try again in a moment.',
  },
  SURVEY_DISABLED: { id: 'Survei kepuasan sedang tidak diadakan.', en: 'The satisfaction survey is not being held.' },
  SURVEY_NOT_FINISHED: {
    id: 'Survei dapat diisi setelah layanan Anda selesai.',
    en: 'The survey can be answered once your visit is finished.',
  },
  SURVEY_ALREADY_ANSWERED: {
    id: 'Survei untuk nomor {ticket} sudah diisi. Terima kasih.',
    en: 'The survey for ticket {ticket} has already been answered. Thank you.',
  },
  SURVEY_NO_VISIT: {
    id: 'Tidak ada layanan di loket ini yang menunggu survei.',
    en: 'No visit at this counter is waiting for a survey.',
  },
  SETTINGS_INVALID: { id: 'Pengaturan tidak valid: {detail}', en: 'Invalid settings: {detail}' },
  BACKUP_FAILED: {
    id: 'Cadangan tidak dapat dibuat; cadangan yang sudah ada tetap utuh. Periksa ruang disk hub, lalu coba lagi (rinciannya di log hub).',
    en: "The backup could not be written; the existing backups are intact. Check the hub's disk space and try again (details in the hub's log).",
  },
  ...CONNECTION_MESSAGES,
  ...STORAGE_MESSAGES,
  INTERNAL: { id: 'Terjadi kesalahan pada server. Silakan coba lagi.', en: 'A server error occurred. Please try again.' },
} as const satisfies Messages;

export type ErrorCode = keyof typeof MESSAGES;
// Pure: a page that does not list the codes does not carry the messages.
export const ERROR_CODES = /* @__PURE__ */ Object.keys(MESSAGES) as ErrorCode[];

export interface ReplyError {
  code: ErrorCode;
  message: string;
  params?: Record<string, string>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

/** The words for the fields a person fills in, so a refusal names the field in the reader's language. */
const FIELD_WORDS: Record<string, Record<Lang, string>> = {
  code: { id: 'Kode layanan', en: 'Service code' },
  name: { id: 'Nama', en: 'Name' },
  nameEn: { id: 'Nama (Inggris)', en: 'Name (English)' },
  sort: { id: 'Urutan', en: 'Order' },
  number: { id: 'Nomor loket', en: 'Counter number' },
  serviceCodes: { id: 'Layanan', en: 'Services' },
  username: { id: 'Nama pengguna', en: 'Username' },
  role: { id: 'Peran', en: 'Role' },
  kind: { id: 'Jenis perangkat', en: 'Device kind' },
  host: { id: 'Alamat printer', en: 'Printer address' },
  port: { id: 'Port printer', en: 'Printer port' },
  width: { id: 'Lebar kertas', en: 'Paper width' },
  counterId: { id: 'Loket', en: 'Counter' },
  password: { id: 'Kata sandi', en: 'Password' },
  current: { id: 'Kata sandi saat ini', en: 'Current password' },
  next: { id: 'Kata sandi baru', en: 'New password' },
  address: { id: 'Alamat', en: 'Address' },
  publicUrl: { id: 'Alamat server untuk perangkat', en: "The hub's address for devices" },
  from: { id: 'Dari tanggal', en: 'From' },
  to: { id: 'Sampai tanggal', en: 'To' },
  headName: { id: 'Nama Kepala Unit', en: 'Head of Unit name' },
  headNip: { id: 'NIP Kepala Unit', en: 'Head of Unit NIP' },
  runningText: { id: 'Teks berjalan', en: 'Running text' },
  ticketFooter: { id: 'Catatan kaki tiket', en: 'Ticket footer' },
  ticketHoldSeconds: { id: 'Lama tiket tampil', en: 'Ticket display time' },
  kioskRateLimitPerMinute: { id: 'Batas tiket per menit', en: 'Tickets per minute limit' },
  openingHours: { id: 'Jam buka', en: 'Opening hours' },
  retentionDays: { id: 'Lama data pribadi kasus disimpan', en: 'Days personal data in cases is kept' },
  device: { id: 'Perangkat', en: 'Device' },
  ...INTAKE_FIELD_WORDS,
  mon: { id: 'Senin', en: 'Monday' },
  tue: { id: 'Selasa', en: 'Tuesday' },
  wed: { id: 'Rabu', en: 'Wednesday' },
  thu: { id: 'Kamis', en: 'Thursday' },
  fri: { id: 'Jumat', en: 'Friday' },
  sat: { id: 'Sabtu', en: 'Saturday' },
  sun: { id: 'Minggu', en: 'Sunday' },
};

/** A field's name as a person reads it; an unknown one as it is. */
export function fieldWord(field: string, lang: Lang): string {
  return FIELD_WORDS[field]?.[lang] ?? field;
}

export function errorMessage(code: ErrorCode, lang: Lang, params: Record<string, string> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key] ?? '';
    return key === 'field' ? fieldWord(value, lang) : value;
  });
}

/** Thrown inside hub handlers; turned into an `ok:false` reply in the caller's language. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(errorMessage(code, 'en', params));
  }
}
