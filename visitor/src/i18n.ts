// The visitor app's words, Bahasa Indonesia first. The survey's wording is the regulation's (shared/domain/skm.ts).
import type { Dictionary } from '../../shared/ui/i18n';

export type VisitorKey =
  | 'yourNumber'
  | 'ahead'
  | 'eta'
  | 'calledTitle'
  | 'calledGo'
  | 'status_waiting'
  | 'status_called'
  | 'status_serving'
  | 'status_done'
  | 'status_no_show'
  | 'status_cancelled'
  | 'status_expired'
  | 'transferred'
  | 'noShowHelp'
  | 'servingAt'
  | 'liveNote'
  | 'offline'
  | 'connecting'
  | 'unknownTitle'
  | 'unknownText'
  | 'unknownHelp'
  | 'surveyTitle'
  | 'surveyIntro'
  | 'surveyProfile'
  | 'surveyOptional'
  | 'gender'
  | 'ageGroup'
  | 'education'
  | 'occupation'
  | 'notSaid'
  | 'submit'
  | 'sending'
  | 'answerAll'
  | 'thanksTitle'
  | 'thanksText'
  | 'alreadyAnswered'
  | 'tabletRest'
  | 'tabletVisit';

export const DICT: Dictionary<VisitorKey> = {
  yourNumber: { id: 'Nomor antrian Anda', en: 'Your queue number' },
  ahead: { id: 'Antrian di depan Anda', en: 'People ahead of you' },
  eta: { id: 'Perkiraan waktu tunggu', en: 'Estimated wait' },
  calledTitle: { id: 'Nomor Anda dipanggil', en: 'Your number is called' },
  calledGo: { id: 'Silakan menuju {counter}', en: 'Please go to {counter}' },
  status_waiting: { id: 'Menunggu panggilan', en: 'Waiting to be called' },
  status_called: { id: 'Dipanggil', en: 'Called' },
  status_serving: { id: 'Sedang dilayani', en: 'Being served' },
  status_done: { id: 'Layanan selesai', en: 'Visit finished' },
  status_no_show: { id: 'Tidak hadir saat dipanggil', en: 'Not present when called' },
  status_cancelled: { id: 'Nomor dibatalkan', en: 'Number cancelled' },
  status_expired: { id: 'Nomor sudah tidak berlaku', en: 'Number no longer valid' },
  transferred: { id: 'Anda dialihkan ke layanan ini; tempat antrian Anda tetap.', en: 'You were moved to this service; your place is kept.' },
  noShowHelp: {
    id: 'Jika Anda masih di kantor, sampaikan ke petugas agar nomor Anda diantrikan kembali.',
    en: 'If you are still here, ask an officer to put your number back in the queue.',
  },
  servingAt: { id: 'Dilayani di {counter}', en: 'Being served at {counter}' },
  liveNote: { id: 'Halaman ini diperbarui sendiri. Biarkan tetap terbuka.', en: 'This page updates by itself. Keep it open.' },
  offline: { id: 'Koneksi terputus — menyambung kembali…', en: 'Connection lost — reconnecting…' },
  connecting: { id: 'Menghubungkan…', en: 'Connecting…' },
  unknownTitle: { id: 'Halaman antrian tidak ditemukan', en: 'Queue page not found' },
  unknownText: {
    id: 'Kode pada tiket ini tidak dikenal atau sudah berakhir. Halaman antrian berlaku sampai akhir hari tiket diambil.',
    en: 'The code on this ticket is unknown or has ended. A queue page works until the end of the day the ticket was taken.',
  },
  unknownHelp: { id: 'Silakan tanyakan kepada petugas atau ambil nomor di kiosk.', en: 'Please ask an officer, or take a number at the kiosk.' },
  surveyTitle: { id: 'Survei Kepuasan Masyarakat', en: 'Satisfaction survey' },
  surveyIntro: {
    id: 'Bantu kami memperbaiki layanan. Jawaban Anda tanpa nama dan tidak terhubung dengan nomor antrian.',
    en: 'Help us improve. Your answers are anonymous and not linked to your queue number.',
  },
  surveyProfile: { id: 'Tentang Anda', en: 'About you' },
  surveyOptional: { id: 'boleh dikosongkan', en: 'optional' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  ageGroup: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  notSaid: { id: '— tidak diisi —', en: '— not given —' },
  submit: { id: 'Kirim jawaban', en: 'Send answers' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  answerAll: { id: 'Jawab kesembilan pertanyaan untuk mengirim ({n}/9).', en: 'Answer all nine questions to send ({n}/9).' },
  thanksTitle: { id: 'Terima kasih!', en: 'Thank you!' },
  thanksText: { id: 'Jawaban Anda sudah kami terima.', en: 'We have received your answers.' },
  alreadyAnswered: { id: 'Survei untuk kunjungan ini sudah diisi.', en: 'The survey for this visit has been answered.' },
  tabletRest: { id: 'Survei akan tampil di sini setelah layanan Anda selesai.', en: 'The survey appears here once your visit is finished.' },
  tabletVisit: { id: 'Nomor {number} · {service}', en: 'Number {number} · {service}' },
};
