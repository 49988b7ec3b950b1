// `voice: 'system'`: the chime, then the machine's Indonesian voice — or the clips when it has none.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callAnnouncement } from '../../shared/domain/announcement';
import { SoundBlockedError, type Phrase, type PhrasePlayer } from '../../display/src/announcer';
import { SpeechPlayer, spokenText } from '../../display/src/players';

const phrase = callAnnouncement({ ticketNumber: 'A-012', counterNumber: 2 });

function fakeClips() {
  const played: string[][] = [];
  const player: PhrasePlayer = {
    async play(p: Phrase, started) {
      started();
      played.push(p.clips);
    },
  };
  return { player, played };
}

/** A speech engine with the given voices; `outcome` decides how each utterance ends. */
function fakeSpeech(voices: { lang: string; name: string }[], outcome: 'end' | 'not-allowed' = 'end') {
  const spoken: { text: string; lang: string }[] = [];
  class Utterance {
    voice: unknown = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: ((e: { error: string }) => void) | null = null;
    constructor(readonly text: string) {}
  }
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voices,
    cancel: () => undefined,
    speak(u: Utterance) {
      spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => (outcome === 'end' ? u.onend?.() : u.onerror?.({ error: 'not-allowed' })), 0);
    },
  });
  return spoken;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the system voice', () => {
  it('reads the call with the pauses of the clips', () => {
    expect(spokenText(phrase.text)).toBe('nomor antrian, a dua belas, silakan menuju loket dua');
  });

  it('plays the chime from the pack, then speaks with the Indonesian voice', async () => {
    const spoken = fakeSpeech([
      { lang: 'en-US', name: 'English' },
      { lang: 'id-ID', name: 'Bahasa Indonesia' },
    ]);
    const clips = fakeClips();
    const started = vi.fn();
    await new SpeechPlayer(clips.player).play(phrase, started);
    expect(clips.played).toEqual([['chime']]);
    expect(spoken).toEqual([{ text: 'nomor antrian, a dua belas, silakan menuju loket dua', lang: 'id-ID' }]);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('falls back to the clips when the machine has no Indonesian voice, or no speech at all', async () => {
    const spoken = fakeSpeech([{ lang: 'en-US', name: 'English' }]);
    const clips = fakeClips();
    await new SpeechPlayer(clips.player).play(phrase, () => undefined);
    expect(clips.played).toEqual([phrase.clips]);
    expect(spoken).toEqual([]);

    vi.unstubAllGlobals();
    await new SpeechPlayer(clips.player).play(phrase, () => undefined);
    expect(clips.played).toEqual([phrase.clips, phrase.clips]);
  });

  it('reports blocked sound when the browser refuses to speak', async () => {
    fakeSpeech([{ lang: 'id_ID', name: 'Indonesian' }], 'not-allowed');
    await expect(new SpeechPlayer(fakeClips().player).play(phrase, () => undefined)).rejects.toBeInstanceOf(SoundBlockedError);
  });
});
