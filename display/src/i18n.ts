// The display's words, Bahasa Indonesia first.
import type { Dictionary } from '../../shared/ui/i18n';

export const DICT = {
  nowCalling: { id: 'Nomor Antrian', en: 'Now calling' },
  goTo: { id: 'Silakan menuju', en: 'Please go to' },
  noCallYet: { id: 'Belum ada panggilan', en: 'No calls yet' },
  recentCalls: { id: 'Panggilan Terakhir', en: 'Recent calls' },
  counters: { id: 'Loket', en: 'Counters' },
  noCounterOpen: { id: 'Belum ada loket yang buka', en: 'No counter is open yet' },
  counterIdle: { id: 'Siap', en: 'Ready' },
  paused: { id: 'Istirahat', en: 'On break' },
  reason_istirahat: { id: '', en: '' },
  reason_sholat: { id: 'Sholat', en: 'Prayer' },
  reason_rapat: { id: 'Rapat', en: 'Meeting' },
  reason_lainnya: { id: '', en: '' },
  waiting: { id: 'Menunggu (orang)', en: 'Waiting (people)' },
  offline: {
    id: 'Tidak terhubung ke server antrian — menyambung kembali…',
    en: 'Not connected to the queue server — reconnecting…',
  },
  enableSound: { id: 'Aktifkan suara panggilan', en: 'Turn on call sound' },
  enableSoundHint: {
    id: 'Browser menahan suara. Klik sekali agar panggilan terdengar.',
    en: 'The browser holds back sound. Click once so calls can be heard.',
  },
  revoked: {
    id: 'Layar ini tidak lagi terdaftar di server antrian. Hubungi admin untuk alamat layar yang baru.',
    en: 'This display is no longer registered with the queue server. Ask the admin for its new address.',
  },
} satisfies Dictionary<string>;

export type DisplayKey = keyof typeof DICT;
