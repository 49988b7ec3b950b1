// The sound of a call in a browser: the bundled clips through HTMLAudioElement (the default, offline), the
// machine's Indonesian voice through the Web Speech API (`voice: 'system'`), or nothing at all for soak tests.
import { ALL_CLIP_NAMES, CHIME_CLIP } from '../../shared/domain/announcement';
import { appBase } from '../../shared/protocol/apps';
import { SoundBlockedError, type Phrase, type PhrasePlayer } from './announcer';

/** Where the hub serves the clip pack (display/public/audio). */
export const CLIP_BASE = `${appBase('display')}audio/`;

// A clip whose `ended` never comes (a TV browser's quirk) must not stall the queue for ever.
const CLIP_GRACE_MS = 3000;
const UNKNOWN_CLIP_MS = 5000;
const SPEECH_LIMIT_MS = 20_000;

const isBlocked = (e: unknown) => e instanceof DOMException && e.name === 'NotAllowedError';

/** Plays clips one after another; one cached element per clip name, so the cache is as big as the pack. */
export class ClipPlayer implements PhrasePlayer {
  private readonly clips = new Map<string, HTMLAudioElement>();

  /** Starts loading every clip now, so the first call of the day is not late. */
  preload(): void {
    for (const name of ALL_CLIP_NAMES) this.clip(name);
  }

  async play(phrase: Phrase, started: () => void): Promise<void> {
    let heard = false;
    const onPlaying = () => {
      if (heard) return;
      heard = true;
      started();
    };
    for (const name of phrase.clips) await this.playClip(this.clip(name), onPlaying);
  }

  private clip(name: string): HTMLAudioElement {
    let audio = this.clips.get(name);
    if (!audio) {
      audio = new Audio(`${CLIP_BASE}${name}.ogg`);
      audio.preload = 'auto';
      this.clips.set(name, audio);
    }
    return audio;
  }

  /** Resolves when the clip has ended (or failed: a missing clip is skipped); rejects when sound is blocked. */
  private playClip(audio: HTMLAudioElement, onPlaying: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (blocked: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        audio.removeEventListener('ended', finish);
        audio.removeEventListener('error', finish);
        if (blocked) reject(new SoundBlockedError());
        else resolve();
      };
      const finish = () => settle(false);
      audio.addEventListener('ended', finish);
      audio.addEventListener('error', finish);
      audio.currentTime = 0;
      audio.play().then(
        () => {
          if (settled) return;
          onPlaying();
          const length = Number.isFinite(audio.duration) ? audio.duration * 1000 : UNKNOWN_CLIP_MS;
          timer = setTimeout(() => {
            audio.pause();
            finish();
          }, length + CLIP_GRACE_MS);
        },
        (e: unknown) => settle(isBlocked(e)),
      );
    });
  }
}

/** The call as a speech engine should read it, with the pauses of the clips: "nomor antrian, a dua belas, …". */
export function spokenText(text: string): string {
  return text.replace(/^nomor antrian /, 'nomor antrian, ').replace(/ silakan menuju loket /, ', silakan menuju loket ');
}

function indonesianVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => /^id([-_]|$)/i.test(v.lang));
}

/** The chime from the pack, then the machine's Indonesian voice; the clips when there is no such voice. */
export class SpeechPlayer implements PhrasePlayer {
  constructor(private readonly clips: PhrasePlayer) {}

  async play(phrase: Phrase, started: () => void): Promise<void> {
    const voice = indonesianVoice();
    if (!voice) return this.clips.play(phrase, started);
    await this.clips.play({ text: phrase.text, clips: [CHIME_CLIP] }, started);
    await new Promise<void>((resolve, reject) => {
      const utterance = new SpeechSynthesisUtterance(spokenText(phrase.text));
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      const timer = setTimeout(() => {
        speechSynthesis.cancel();
        resolve();
      }, SPEECH_LIMIT_MS);
      utterance.onend = () => {
        clearTimeout(timer);
        resolve();
      };
      utterance.onerror = (e) => {
        clearTimeout(timer);
        if (e.error === 'not-allowed') reject(new SoundBlockedError());
        else resolve();
      };
      speechSynthesis.speak(utterance);
    });
  }
}

/** `?audio=instant`: every phrase "plays" in no time, for soak tests; the queue works as usual. */
export const instantPlayer: PhrasePlayer = {
  async play(_phrase, started) {
    started();
  },
};

/** Clips or the system voice, as the office's `voice` setting says at the moment of each call. */
export function browserPlayer(voice: () => 'clips' | 'system'): PhrasePlayer & { preload(): void } {
  const clips = new ClipPlayer();
  const speech = new SpeechPlayer(clips);
  // Chromium lists its voices only after being asked once.
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
  return {
    preload: () => clips.preload(),
    play: (phrase, started) => (voice() === 'system' ? speech : clips).play(phrase, started),
  };
}
