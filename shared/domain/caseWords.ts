// The words for a case's statuses, actions and intake fields, Bahasa Indonesia first: one source for the
// hub's refusals and the staff app's screens, so both say the same thing. (The timeline's event words are
// the case screens' own: renderer/src/cases/text.ts.)
import type { CaseAction } from './caseRules';
import type { CaseIntake, CaseStatus, Words } from './types';

/** A status as the screens label it. */
export const CASE_STATUS_WORDS: Record<CaseStatus, Words> = {
  open: { id: 'Terbuka', en: 'Open' },
  escalated: { id: 'Dieskalasi', en: 'Escalated' },
  reported: { id: 'Dilaporkan ke Kepala Unit', en: 'Reported to the Head of Unit' },
  resolved: { id: 'Selesai ditangani', en: 'Resolved' },
  closed: { id: 'Ditutup', en: 'Closed' },
  withdrawn: { id: 'Ditarik (tidak ada yang dicatat)', en: 'Withdrawn (nothing recorded)' },
};

/** What an action does to a case, as a refusal says it cannot be done: "tidak bisa dieskalasi". */
export const CASE_ACTION_WORDS: Record<CaseAction | 'attach', Words> = {
  open: { id: 'dibuka', en: 'opened' },
  attach: { id: 'dilanjutkan pada kunjungan ini', en: 'attached to this visit' },
  intake: { id: 'diubah datanya', en: 'edited' },
  handle: { id: 'dicatat penanganannya di helpdesk', en: 'handled at the helpdesk' },
  escalate: { id: 'dieskalasi', en: 'escalated' },
  take: { id: 'diambil alih', en: 'taken' },
  followup: { id: 'ditindaklanjuti', en: 'followed up' },
  report: { id: 'dilaporkan ke Kepala Unit', en: 'reported to the Head of Unit' },
  recommend: { id: 'diberi rekomendasi', en: 'given a recommendation' },
  resolve: { id: 'diselesaikan', en: 'resolved' },
  close: { id: 'ditutup', en: 'closed' },
  reassign: { id: 'dialihkan ke petugas lain', en: 'reassigned' },
};

/** The intake's fields as the form labels them. */
export const INTAKE_FIELD_WORDS: Record<keyof CaseIntake, Words> = {
  visitorName: { id: 'Nama pengunjung', en: 'Visitor name' },
  visitorType: { id: 'Jenis pengguna', en: 'Visitor type' },
  visitorOrg: { id: 'Perusahaan / instansi', en: 'Company / agency' },
  visitorPhone: { id: 'Nomor telepon', en: 'Phone number' },
  visitorEmail: { id: 'Alamat e-mail', en: 'E-mail address' },
  module: { id: 'Aplikasi / modul SPSE', en: 'SPSE application / module' },
  errorCode: { id: 'Kode/pesan error', en: 'Error code/message' },
  lpseTicket: { id: 'Tiket LPSE Support (jika ada)', en: 'LPSE Support ticket (if any)' },
  category: { id: 'Kategori', en: 'Category' },
  title: { id: 'Judul', en: 'Title' },
  description: { id: 'Uraian', en: 'Description' },
};

/** A label put mid-sentence, as refusals do: "berstatus "ditutup"", "belum lengkap: nama pengunjung". */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
