import { describe, expect, it } from 'vitest';
import { computeIkm, ikmGrade, SKM_ELEMENTS, SKM_WORDING, totalsOf, type SkmAnswers, type SkmValue } from '../../shared/domain/skm';

// The test's own reading of Permenpan RB 14/2017, in exact integer arithmetic: with n answers whose nine
// values add up to `total`, IKM = (total / n / 9) × 25, in hundredths rounded half up; graded on hundredths.
function ownIkmCents(total: number, n: number): number {
  const numerator = 2500n * BigInt(total);
  const denominator = 9n * BigInt(n);
  return Number((2n * numerator + denominator) / (2n * denominator));
}
function ownGrade(cents: number): string {
  if (cents >= 8831) return 'A';
  if (cents >= 7661) return 'B';
  if (cents >= 6500) return 'C';
  return 'D';
}

/** A seeded generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** n answers whose values add up to `total`, spread over the elements by the generator. */
function answersWithTotal(n: number, total: number, rand: () => number): SkmAnswers[] {
  const values = Array.from({ length: n * 9 }, () => 1);
  let left = total - n * 9;
  while (left > 0) {
    const i = Math.floor(rand() * values.length);
    if ((values[i] as number) < 4) {
      values[i] = (values[i] as number) + 1;
      left -= 1;
    }
  }
  return Array.from({ length: n }, (_, r) =>
    Object.fromEntries(SKM_ELEMENTS.map((u, e) => [u, values[r * 9 + e] as SkmValue])) as SkmAnswers,
  );
}

describe('IKM (Permenpan RB 14/2017)', () => {
  it('equals the formula for random sets of answers, element averages included', () => {
    const rand = lcg(14);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 60);
      const answers = Array.from(
        { length: n },
        () => Object.fromEntries(SKM_ELEMENTS.map((u) => [u, (1 + Math.floor(rand() * 4)) as SkmValue])) as SkmAnswers,
      );
      const total = answers.reduce((sum, a) => sum + SKM_ELEMENTS.reduce((s, u) => s + a[u], 0), 0);
      const result = computeIkm(totalsOf(answers));
      const cents = ownIkmCents(total, n);
      expect(result.count).toBe(n);
      expect(Math.round((result.ikm as number) * 100)).toBe(cents);
      expect(result.grade).toBe(ownGrade(cents));
      for (const u of SKM_ELEMENTS) {
        expect(result.averages?.[u]).toBeCloseTo(answers.reduce((s, a) => s + a[u], 0) / n, 12);
      }
    }
  });

  it('grades on the boundaries 88.31, 76.61 and 65.00 after rounding to two decimals', () => {
    // For each boundary, find sets of answers whose IKM lands exactly on it and one hundredth below.
    const wanted = [8831, 8830, 7661, 7660, 6500, 6499];
    const rand = lcg(2017);
    for (const target of wanted) {
      let found: { n: number; total: number } | undefined;
      for (let n = 1; n <= 400 && !found; n++) {
        for (let total = 9 * n; total <= 36 * n; total++) {
          if (ownIkmCents(total, n) === target) {
            found = { n, total };
            break;
          }
        }
      }
      expect(found, `a set of answers with IKM ${target / 100}`).toBeDefined();
      const { n, total } = found as { n: number; total: number };
      const result = computeIkm(totalsOf(answersWithTotal(n, total, rand)));
      expect(result.ikm).toBe(target / 100);
      expect(result.grade).toBe(ownGrade(target));
    }
    expect([ikmGrade(88.31), ikmGrade(88.3), ikmGrade(76.61), ikmGrade(76.6), ikmGrade(65), ikmGrade(64.99)]).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
    ]);
    expect(computeIkm(totalsOf(answersWithTotal(3, 27, rand)))).toMatchObject({ ikm: 25, grade: 'D', label: 'Tidak Baik' });
    expect(computeIkm(totalsOf(answersWithTotal(3, 108, rand)))).toMatchObject({ ikm: 100, grade: 'A', label: 'Sangat Baik' });
  });

  it('has no index without answers', () => {
    expect(computeIkm(totalsOf([]))).toEqual({ count: 0, averages: null, ikm: null, grade: null, label: null });
  });

  it('words every element and its four levels in both languages', () => {
    for (const u of SKM_ELEMENTS) {
      const w = SKM_WORDING[u];
      for (const lang of ['id', 'en'] as const) {
        expect(w.name[lang]).not.toBe('');
        expect(w.question[lang]).not.toBe('');
        expect(new Set(w.levels[lang]).size).toBe(4);
      }
    }
  });
});
