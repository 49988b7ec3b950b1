// The words for a ticket's statuses and actions, Bahasa Indonesia first: one source for the hub's refusals
// ("Nomor A-001 sedang dipanggil, jadi tidak bisa …") and the staff app's labels.
import type { TicketAction } from './ticketRules';
import type { TicketStatus, Words } from './types';

/** A status as the screens label it. */
export const TICKET_STATUS_WORDS: Record<TicketStatus, Words> = {
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil', en: 'Called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  done: { id: 'Selesai', en: 'Done' },
  no_show: { id: 'Tidak hadir', en: 'No-show' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
};

/** What an action does to a ticket, as a refusal says it cannot be done: "tidak bisa dipanggil ulang". */
export const TICKET_ACTION_WORDS: Record<TicketAction['type'], Words> = {
  call: { id: 'dipanggil', en: 'called' },
  recall: { id: 'dipanggil ulang', en: 'recalled' },
  no_show: { id: 'ditandai tidak hadir', en: 'marked no-show' },
  requeue: { id: 'diantrikan kembali', en: 'requeued' },
  transfer: { id: 'dialihkan', en: 'transferred' },
  start: { id: 'mulai dilayani', en: 'started' },
  finish: { id: 'diselesaikan', en: 'finished' },
  cancel: { id: 'dibatalkan', en: 'cancelled' },
  expire: { id: 'dinyatakan kedaluwarsa', en: 'expired' },
  release: { id: 'dikembalikan ke antrian', en: 'put back in the queue' },
};
