import { describe, expect, it } from 'vitest';
import { TERBILANG_VOCABULARY, terbilang, terbilangWords } from '../../shared/domain/terbilang';

// An independent reader of Indonesian number words, written from the grammar rather than from the
// implementation, so a round trip catches mistakes on both sides.
const DIGIT_VALUE: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

function parseWords(text: string): number {
  const words = text.split(' ');
  if (words.length === 1 && words[0] === 'nol') return 0;
  let total = 0; // completed thousands
  let group = 0; // the 0..999 group being read
  let pending: number | null = null; // a digit waiting for its multiplier
  const flush = (): number => {
    const value = pending ?? 0;
    pending = null;
    return value;
  };
  for (const word of words) {
    if (word in DIGIT_VALUE) {
      if (pending !== null) throw new Error(`two digits in a row in "${text}"`);
      pending = DIGIT_VALUE[word] ?? 0;
      continue;
    }
    switch (word) {
      case 'sepuluh':
        group += 10;
        break;
      case 'sebelas':
        group += 11;
        break;
      case 'seratus':
        group += 100;
        break;
      case 'seribu':
        total += 1000;
        break;
      case 'belas':
        if (pending === null) throw new Error(`"belas" without a digit in "${text}"`);
        group += flush() + 10;
        break;
      case 'puluh':
        if (pending === null) throw new Error(`"puluh" without a digit in "${text}"`);
        group += flush() * 10;
        break;
      case 'ratus':
        if (pending === null) throw new Error(`"ratus" without a digit in "${text}"`);
        group += flush() * 100;
        break;
      case 'ribu':
        total += (group + flush()) * 1000;
        group = 0;
        break;
      default:
        throw new Error(`unknown word "${word}" in "${text}"`);
    }
  }
  return total + group + flush();
}

describe('terbilang', () => {
  const cases: Array<[number, string]> = [
    [0, 'nol'],
    [1, 'satu'],
    [2, 'dua'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [199, 'seratus sembilan puluh sembilan'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1011, 'seribu sebelas'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [2024, 'dua ribu dua puluh empat'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [10000, 'sepuluh ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [111111, 'seratus sebelas ribu seratus sebelas'],
    [999999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ];

  it.each(cases)('%i is "%s"', (n, words) => {
    expect(terbilang(n)).toBe(words);
    expect(terbilangWords(n)).toEqual(words.split(' '));
  });

  it('reads every number from 0 to 9999 the way an office says it', () => {
    // Problems are collected and asserted once: ten thousand numbers times six `expect`s cost seconds.
    const problems: string[] = [];
    for (let n = 0; n <= 9999; n++) {
      const text = terbilang(n);
      if (!/^[a-z]+( [a-z]+)*$/.test(text)) problems.push(`n=${n}: "${text}" is not words split by single spaces`);
      for (const wrong of ['satu puluh', 'satu ratus', 'satu ribu', 'satu belas']) {
        if (text.includes(wrong)) problems.push(`n=${n}: "${text}" says "${wrong}"`);
      }
      if (n > 0 && text.split(' ').includes('nol')) problems.push(`n=${n}: "${text}" says "nol"`);
      if (terbilangWords(n).join(' ') !== text) problems.push(`n=${n}: its words are ${JSON.stringify(terbilangWords(n))}, not "${text}"`);
      if (parseWords(text) !== n) problems.push(`n=${n}: "${text}" reads back as ${parseWords(text)}`);
    }
    expect(problems).toEqual([]);
  });

  it('round-trips a sample of large numbers', () => {
    for (let n = 10000; n <= 999999; n += 997) expect(parseWords(terbilang(n)), `n=${n}`).toBe(n);
  });

  it('only emits words from its published vocabulary', () => {
    const vocabulary = new Set(TERBILANG_VOCABULARY);
    const unknown: string[] = [];
    for (let n = 0; n <= 20000; n++) {
      for (const word of terbilangWords(n)) if (!vocabulary.has(word)) unknown.push(`${word} (n=${n})`);
    }
    expect(unknown).toEqual([]);
    expect(new Set(TERBILANG_VOCABULARY).size).toBe(TERBILANG_VOCABULARY.length);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000])('rejects %s with a RangeError', (n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
    expect(() => terbilangWords(n)).toThrow(RangeError);
  });
});
