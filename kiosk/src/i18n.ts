// The kiosk's words, Bahasa Indonesia first. Hub error messages come from shared/protocol/errors.ts.
import type { Dictionary } from '../../shared/ui/i18n';

export type KioskKey =
  | 'welcome'
  | 'chooseService'
  | 'waiting'
  | 'priorityQuestion'
  | 'priority_lansia'
  | 'priority_disabilitas'
  | 'priority_hamil'
  | 'priority_none'
  | 'cancel'
  | 'taking'
  | 'yourNumber'
  | 'priorityTicket'
  | 'ahead'
  | 'eta'
  | 'printing'
  | 'printed'
  | 'screenOnly'
  | 'printFailed'
  | 'waitForCall'
  | 'scanQr'
  | 'offline'
  | 'closed'
  | 'opensAt'
  | 'noHours'
  | 'noKey'
  | 'keyInvalid'
  | 'revoked'
  | 'connecting';

export const DICT: Dictionary<KioskKey> = {
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  chooseService: { id: 'Sentuh layanan yang Anda perlukan untuk mengambil nomor antrian.', en: 'Touch the service you need to take a queue number.' },
  waiting: { id: 'menunggu', en: 'waiting' },
  priorityQuestion: { id: 'Apakah Anda pengunjung prioritas?', en: 'Are you a priority visitor?' },
  priority_lansia: { id: 'Lanjut usia', en: 'Elderly' },
  priority_disabilitas: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
  priority_hamil: { id: 'Ibu hamil', en: 'Pregnant' },
  priority_none: { id: 'Bukan', en: 'No' },
  cancel: { id: 'Batal', en: 'Cancel' },
  taking: { id: 'Mengambil nomor…', en: 'Taking a number…' },
  yourNumber: { id: 'Nomor antrian Anda', en: 'Your queue number' },
  priorityTicket: { id: 'Prioritas', en: 'Priority' },
  ahead: { id: 'Antrian di depan Anda', en: 'Waiting ahead of you' },
  eta: { id: 'Perkiraan waktu tunggu', en: 'Estimated wait' },
  printing: { id: 'Mencetak tiket…', en: 'Printing your ticket…' },
  printed: { id: 'Silakan ambil tiket Anda.', en: 'Please take your ticket.' },
  screenOnly: { id: 'Silakan catat atau foto nomor Anda.', en: 'Please write down or photograph your number.' },
  printFailed: {
    id: 'Tiket tidak dapat dicetak. Catat nomor Anda; petugas dapat mencetak ulang tiket Anda.',
    en: 'The ticket could not be printed. Please write down your number; staff can reprint it.',
  },
  scanQr: { id: 'Pindai untuk memantau antrian Anda di ponsel', en: 'Scan to follow your place on your phone' },
  waitForCall: { id: 'Mohon menunggu hingga nomor Anda dipanggil.', en: 'Please wait until your number is called.' },
  offline: {
    id: 'Kiosk tidak terhubung ke server antrian. Nomor belum dapat diambil; mohon tunggu sebentar.',
    en: 'The kiosk cannot reach the queue server. Numbers cannot be taken right now; please wait a moment.',
  },
  closed: { id: 'Layanan sedang tutup.', en: 'The office is closed.' },
  opensAt: { id: 'Buka kembali {when}.', en: 'It opens again {when}.' },
  noHours: { id: 'Silakan tanyakan jam layanan kepada petugas.', en: 'Please ask staff for the opening hours.' },
  noKey: {
    id: 'Kiosk ini belum dipasang. Buka alamat kiosk dengan kuncinya sekali: /kiosk?key=KUNCI',
    en: 'This kiosk is not set up. Open the kiosk address with its key once: /kiosk?key=KEY',
  },
  keyInvalid: {
    id: 'Kunci perangkat kiosk ini tidak dikenal server antrian. Hubungi admin.',
    en: 'The queue server does not know this kiosk’s device key. Please contact the admin.',
  },
  revoked: {
    id: 'Kiosk ini sudah tidak dipakai: aksesnya dicabut oleh admin. Silakan ambil nomor di kiosk lain atau tanyakan petugas.',
    en: 'This kiosk is out of service: an admin revoked its access. Please use another kiosk or ask staff.',
  },
  connecting: { id: 'Menghubungkan ke server antrian…', en: 'Connecting to the queue server…' },
};
