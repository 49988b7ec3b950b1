import { describe, expect, it } from 'vitest';
import { ALL_CLIP_NAMES, callAnnouncement } from '../../shared/domain/announcement';
import type { Call } from '../../shared/domain/types';

describe('callAnnouncement', () => {
  it('says A-012 at counter 2 the way the office does', () => {
    const a = callAnnouncement({ ticketNumber: 'A-012', counterNumber: 2 });
    expect(a.text).toBe('nomor antrian a dua belas silakan menuju loket dua');
    expect(a.clips).toEqual([
      'chime',
      'nomor-antrian',
      'huruf-a',
      'dua',
      'belas',
      'silakan-menuju-loket',
      'dua',
    ]);
  });

  it('does not speak the zero padding: A-001 is "a satu"', () => {
    const a = callAnnouncement({ ticketNumber: 'A-001', counterNumber: 2 });
    expect(a.text).toBe('nomor antrian a satu silakan menuju loket dua');
    expect(a.clips).toEqual(['chime', 'nomor-antrian', 'huruf-a', 'satu', 'silakan-menuju-loket', 'dua']);
  });

  it('uses the se- forms and larger numbers', () => {
    expect(callAnnouncement({ ticketNumber: 'B-111', counterNumber: 10 })).toEqual({
      text: 'nomor antrian b seratus sebelas silakan menuju loket sepuluh',
      clips: ['chime', 'nomor-antrian', 'huruf-b', 'seratus', 'sebelas', 'silakan-menuju-loket', 'sepuluh'],
    });
    expect(callAnnouncement({ ticketNumber: 'Z-1024', counterNumber: 21 })).toEqual({
      text: 'nomor antrian z seribu dua puluh empat silakan menuju loket dua puluh satu',
      clips: [
        'chime',
        'nomor-antrian',
        'huruf-z',
        'seribu',
        'dua',
        'puluh',
        'empat',
        'silakan-menuju-loket',
        'dua',
        'puluh',
        'satu',
      ],
    });
  });

  it('accepts a lower-case prefix and says it the same', () => {
    expect(callAnnouncement({ ticketNumber: 'c-007', counterNumber: 3 }).text).toBe(
      'nomor antrian c tujuh silakan menuju loket tiga',
    );
  });

  it('announces a recall exactly like the first call', () => {
    const first: Call = {
      ticketNumber: 'A-012',
      serviceCode: 'A',
      counterId: 7,
      counterName: 'Loket 2',
      counterNumber: 2,
      recall: 0,
      at: '2025-01-06T01:00:00.000Z',
    };
    const recall: Call = { ...first, recall: 2, at: '2025-01-06T01:03:00.000Z' };
    const a = callAnnouncement(first);
    const b = callAnnouncement(recall);
    expect(b).toEqual(a);
    expect(b.text).toBe('nomor antrian a dua belas silakan menuju loket dua');
  });

  it('returns fresh arrays so a caller cannot corrupt the next call', () => {
    const a = callAnnouncement({ ticketNumber: 'A-012', counterNumber: 2 });
    a.clips.length = 0;
    expect(callAnnouncement({ ticketNumber: 'A-012', counterNumber: 2 }).clips).toHaveLength(7);
  });

  it('only ever asks for clips in ALL_CLIP_NAMES', () => {
    const known = new Set(ALL_CLIP_NAMES);
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (let seq = 1; seq <= 1200; seq += letter === 'A' ? 1 : 37) {
        const ticketNumber = `${letter}-${String(seq).padStart(3, '0')}`;
        const { text, clips } = callAnnouncement({ ticketNumber, counterNumber: (seq % 30) + 1 });
        expect(text).toMatch(/^[a-z]+( [a-z]+)*$/);
        expect(clips[0]).toBe('chime');
        for (const clip of clips) expect(known.has(clip), `${clip} for ${ticketNumber}`).toBe(true);
      }
    }
  });

  it('lists every clip once: chime, phrases, 26 letters and the number words', () => {
    expect(new Set(ALL_CLIP_NAMES).size).toBe(ALL_CLIP_NAMES.length);
    expect(ALL_CLIP_NAMES).toContain('chime');
    expect(ALL_CLIP_NAMES).toContain('nomor-antrian');
    expect(ALL_CLIP_NAMES).toContain('silakan-menuju-loket');
    expect(ALL_CLIP_NAMES.filter((n) => n.startsWith('huruf-'))).toHaveLength(26);
    for (const word of ['nol', 'satu', 'sembilan', 'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu']) {
      expect(ALL_CLIP_NAMES).toContain(word);
    }
    // Clip names become file names: keep them URL- and file-system-safe.
    for (const name of ALL_CLIP_NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(['', 'A012', 'A-', '-012', 'AB-012', '1-012', 'A-01x', 'A-0123456', 'A - 012', 'Á-012'])(
    'rejects the malformed ticket number %j',
    (ticketNumber) => {
      expect(() => callAnnouncement({ ticketNumber, counterNumber: 2 })).toThrow(/malformed ticket number/);
    },
  );

  it.each([0, -1, 1.5, Number.NaN])('rejects the counter number %s', (counterNumber) => {
    expect(() => callAnnouncement({ ticketNumber: 'A-012', counterNumber })).toThrow(/counter number/);
  });
});
