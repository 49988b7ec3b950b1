// Indonesian number words ("terbilang") the way an office reads a queue number aloud.
// Pure: used by the display to build the spoken call and to pick audio clips.

export const TERBILANG_MAX = 999_999;

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** Every word terbilang can emit, so callers can ship one audio clip per word. */
export const TERBILANG_VOCABULARY: readonly string[] = [
  ...DIGITS,
  'sepuluh',
  'sebelas',
  'belas',
  'puluh',
  'seratus',
  'ratus',
  'seribu',
  'ribu',
];

function digit(d: number): string {
  const word = DIGITS[d];
  if (word === undefined) throw new RangeError(`not a digit: ${d}`);
  return word;
}

// 1..999 — never "nol": a zero group is simply not spoken.
function below1000(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  // "se-" replaces "satu" before ratus/puluh/belas/ribu: "seratus", never "satu ratus".
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(digit(hundreds), 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(digit(rest));
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(digit(rest - 10), 'belas');
  else {
    words.push(digit(Math.floor(rest / 10)), 'puluh');
    if (rest % 10 !== 0) words.push(digit(rest % 10));
  }
  return words;
}

function check(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > TERBILANG_MAX) {
    throw new RangeError(`terbilang: expected an integer from 0 to ${TERBILANG_MAX}, got ${String(n)}`);
  }
}

/** The words of `n`, one entry per spoken word (one audio clip each). */
export function terbilangWords(n: number): string[] {
  check(n);
  if (n === 0) return ['nol'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  // Only a lone 1 becomes "seribu"; 101000 is "seratus satu ribu".
  if (thousands === 1) words.push('seribu');
  else if (thousands > 1) words.push(...below1000(thousands), 'ribu');
  if (rest > 0) words.push(...below1000(rest));
  return words;
}

/** `n` in Indonesian words, lower case, single spaces: 12 → "dua belas". */
export function terbilang(n: number): string {
  return terbilangWords(n).join(' ');
}
