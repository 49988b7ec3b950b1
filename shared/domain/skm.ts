// The satisfaction survey (Survei Kepuasan Masyarakat) of Permenpan RB No. 14 Tahun 2017: nine elements,
// each answered 1–4, and the index (IKM) computed from them. Pure: the hub, the apps and the tests share it.
import type { Lang } from '../protocol/errors';

export const SKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
export type SkmValue = 1 | 2 | 3 | 4;
export type SkmAnswers = Record<SkmElement, SkmValue>;

interface ElementWording {
  /** The element's name, e.g. "Persyaratan". */
  name: Record<Lang, string>;
  /** The question put to the respondent. */
  question: Record<Lang, string>;
  /** The four answers, level 1 first (the questionnaire in the regulation's annex). */
  levels: Record<Lang, readonly [string, string, string, string]>;
}

const SUITABLE = {
  id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  en: ['Not suitable', 'Less suitable', 'Suitable', 'Very suitable'],
} as const;

/** Wording after the questionnaire of Permenpan RB 14/2017 (Lampiran), element by element. */
export const SKM_WORDING: Record<SkmElement, ElementWording> = {
  u1: {
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: {
      id: 'Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the service requirements suit the kind of service?',
    },
    levels: SUITABLE,
  },
  u2: {
    name: { id: 'Sistem, Mekanisme, dan Prosedur', en: 'System, mechanism and procedure' },
    question: {
      id: 'Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy is the service procedure at this unit?',
    },
    levels: { id: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'], en: ['Not easy', 'Less easy', 'Easy', 'Very easy'] },
  },
  u3: {
    name: { id: 'Waktu Penyelesaian', en: 'Completion time' },
    question: {
      id: 'Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service given?',
    },
    levels: { id: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'], en: ['Not fast', 'Less fast', 'Fast', 'Very fast'] },
  },
  u4: {
    name: { id: 'Biaya/Tarif', en: 'Cost / fee' },
    question: {
      id: 'Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How fair is the cost or fee of the service?',
    },
    levels: { id: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'], en: ['Very expensive', 'Rather expensive', 'Cheap', 'Free'] },
  },
  u5: {
    name: { id: 'Produk Spesifikasi Jenis Pelayanan', en: 'Service products' },
    question: {
      id: 'Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well does what you received match the service products in the service standard?',
    },
    levels: SUITABLE,
  },
  u6: {
    name: { id: 'Kompetensi Pelaksana', en: "Officers' competence" },
    question: {
      id: 'Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: "How competent were the officers who served you?",
    },
    levels: {
      id: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      en: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
    },
  },
  u7: {
    name: { id: 'Perilaku Pelaksana', en: "Officers' conduct" },
    question: {
      id: 'Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the officers?',
    },
    levels: {
      id: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
      en: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
    },
  },
  u8: {
    name: { id: 'Penanganan Pengaduan, Saran dan Masukan', en: 'Handling of complaints and suggestions' },
    question: {
      id: 'Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?',
      en: "How are users' complaints handled?",
    },
    levels: {
      id: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
      en: ['None', 'Exists but does not work', 'Works, not fully', 'Well managed'],
    },
  },
  u9: {
    name: { id: 'Sarana dan Prasarana', en: 'Facilities' },
    question: {
      id: 'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?',
      en: 'How good are the facilities?',
    },
    levels: { id: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'], en: ['Poor', 'Fair', 'Good', 'Very good'] },
  },
};

/** The optional respondent profile of the questionnaire: stable codes, words in the apps. */
export const SKM_GENDERS = ['l', 'p'] as const;
export const SKM_AGE_GROUPS = ['lt20', '20_29', '30_39', '40_49', '50plus'] as const;
export const SKM_EDUCATIONS = ['sd', 'smp', 'sma', 'd3', 's1', 's2plus'] as const;
export const SKM_OCCUPATIONS = ['pns', 'tni_polri', 'swasta', 'wirausaha', 'lainnya'] as const;

export interface SkmProfile {
  gender: (typeof SKM_GENDERS)[number] | null;
  ageGroup: (typeof SKM_AGE_GROUPS)[number] | null;
  education: (typeof SKM_EDUCATIONS)[number] | null;
  occupation: (typeof SKM_OCCUPATIONS)[number] | null;
}

export const SKM_PROFILE_WORDS: Record<string, Record<Lang, string>> = {
  l: { id: 'Laki-laki', en: 'Male' },
  p: { id: 'Perempuan', en: 'Female' },
  lt20: { id: '< 20 tahun', en: 'Under 20' },
  '20_29': { id: '20–29 tahun', en: '20–29' },
  '30_39': { id: '30–39 tahun', en: '30–39' },
  '40_49': { id: '40–49 tahun', en: '40–49' },
  '50plus': { id: '≥ 50 tahun', en: '50 or over' },
  sd: { id: 'SD', en: 'Primary school' },
  smp: { id: 'SMP', en: 'Junior high school' },
  sma: { id: 'SMA/SMK', en: 'Senior high school' },
  d3: { id: 'D1–D3', en: 'Diploma' },
  s1: { id: 'D4/S1', en: "Bachelor's" },
  s2plus: { id: 'S2/S3', en: "Master's or doctorate" },
  pns: { id: 'PNS', en: 'Civil servant' },
  tni_polri: { id: 'TNI/Polri', en: 'Military / police' },
  swasta: { id: 'Pegawai swasta', en: 'Private employee' },
  wirausaha: { id: 'Wirausaha', en: 'Self-employed' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

export const IKM_GRADE_WORDS: Record<IkmGrade, Record<Lang, string>> = {
  A: { id: 'Sangat Baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang Baik', en: 'Poor' },
  D: { id: 'Tidak Baik', en: 'Very poor' },
};

export interface Ikm {
  /** How many answered. */
  count: number;
  /** Per element, the average of its values (unrounded); null with no answers. */
  averages: Record<SkmElement, number> | null;
  /** Average of the nine element averages × 25, rounded to two decimals; null with no answers. */
  ikm: number | null;
  grade: IkmGrade | null;
  /** The grade's Indonesian label, e.g. "Baik". */
  label: string | null;
}

/** Rounded half up to two decimals, computed on integers so 88.305 is not read as 88.30499…. */
const round2 = (n: number) => Math.round(Number((n * 100).toPrecision(12))) / 100;

/** The grade of an IKM already rounded to two decimals (Permenpan RB 14/2017, Lampiran). */
export function ikmGrade(ikm: number): IkmGrade {
  if (ikm >= 88.31) return 'A';
  if (ikm >= 76.61) return 'B';
  if (ikm >= 65) return 'C';
  return 'D';
}

/** The element sums of a set of answers, as the hub's database adds them up. */
export interface SkmTotals {
  count: number;
  sums: Record<SkmElement, number>;
}

export function totalsOf(answers: readonly SkmAnswers[]): SkmTotals {
  const sums = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, answers.reduce((sum, a) => sum + a[u], 0)])) as Record<SkmElement, number>;
  return { count: answers.length, sums };
}

/** IKM: each element's average, the average of the nine, × 25; rounded to two decimals, then graded. */
export function computeIkm({ count, sums }: SkmTotals): Ikm {
  if (count === 0) return { count, averages: null, ikm: null, grade: null, label: null };
  const averages = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, sums[u] / count])) as Record<SkmElement, number>;
  const mean = SKM_ELEMENTS.reduce((sum, u) => sum + averages[u], 0) / SKM_ELEMENTS.length;
  const ikm = round2(mean * 25);
  const grade = ikmGrade(ikm);
  return { count, averages, ikm, grade, label: IKM_GRADE_WORDS[grade].id };
}
