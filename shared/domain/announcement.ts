// The spoken waiting-room call: "nomor antrian a dua belas silakan menuju loket dua".
// Pure: the display plays `clips` in order (offline recordings) and records `text` for debugging.

import { TERBILANG_MAX, TERBILANG_VOCABULARY, terbilangWords } from './terbilang';

/** How many recent calls the waiting room keeps and shows; the hub sends as many. */
export const RECENT_CALLS = 8;

export const CHIME_CLIP = 'chime';
export const PHRASE_CLIPS = ['nomor-antrian', 'silakan-menuju-loket'] as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
export const LETTER_CLIPS: readonly string[] = LETTERS.map((l) => `huruf-${l}`);

/** Every clip the builder can ever ask for; the clip pack must contain each one. */
export const ALL_CLIP_NAMES: readonly string[] = Object.freeze([
  CHIME_CLIP,
  ...PHRASE_CLIPS,
  ...LETTER_CLIPS,
  ...TERBILANG_VOCABULARY,
]);

export interface CallAnnouncementInput {
  ticketNumber: string;
  counterNumber: number;
}

export interface CallAnnouncement {
  /** Lower case, no punctuation, single spaces. */
  text: string;
  /** Clip names to play in order, starting with the chime. */
  clips: string[];
}

// A service prefix letter, a dash, a (zero-padded) sequence: "A-012".
const TICKET_NUMBER = /^([A-Za-z])-(\d{1,6})$/;

export function callAnnouncement(input: CallAnnouncementInput): CallAnnouncement {
  const { ticketNumber, counterNumber } = input;
  const match = typeof ticketNumber === 'string' ? TICKET_NUMBER.exec(ticketNumber.trim()) : null;
  if (!match) {
    throw new Error(
      `callAnnouncement: malformed ticket number ${JSON.stringify(ticketNumber)}; expected a letter, a dash and digits, e.g. "A-012"`,
    );
  }
  const letter = (match[1] ?? '').toLowerCase();
  // The zero padding is not spoken: "A-012" is "a dua belas".
  const sequence = Number.parseInt(match[2] ?? '', 10);
  if (
    typeof counterNumber !== 'number' ||
    !Number.isInteger(counterNumber) ||
    counterNumber < 1 ||
    counterNumber > TERBILANG_MAX
  ) {
    throw new Error(`callAnnouncement: counter number must be a positive integer, got ${String(counterNumber)}`);
  }
  const sequenceWords = terbilangWords(sequence);
  const counterWords = terbilangWords(counterNumber);
  const text = ['nomor antrian', letter, ...sequenceWords, 'silakan menuju loket', ...counterWords].join(' ');
  const clips = [
    CHIME_CLIP,
    'nomor-antrian',
    `huruf-${letter}`,
    ...sequenceWords,
    'silakan-menuju-loket',
    ...counterWords,
  ];
  return { text, clips };
}
