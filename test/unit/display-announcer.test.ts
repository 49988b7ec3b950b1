// The announcer's queue: in order, one at a time, recalls again, and nothing lost when sound is blocked.
import { describe, expect, it } from 'vitest';
import { Announcer, SoundBlockedError, type Phrase, type PhrasePlayer } from '../../display/src/announcer';

/** A player whose phrases end when the test says so; it records what was audible, and when. */
class FakePlayer implements PhrasePlayer {
  log: string[] = [];
  playing: Phrase[] = [];
  maxAtOnce = 0;
  blocked = false;
  private ends: Array<() => void> = [];

  async play(phrase: Phrase, started: () => void): Promise<void> {
    if (this.blocked) throw new SoundBlockedError();
    this.playing.push(phrase);
    this.maxAtOnce = Math.max(this.maxAtOnce, this.playing.length);
    this.log.push(`start ${phrase.text}`);
    started();
    await new Promise<void>((resolve) => this.ends.push(resolve));
    this.playing.splice(this.playing.indexOf(phrase), 1);
    this.log.push(`end ${phrase.text}`);
  }

  /** Ends the phrase playing now and lets the announcer move on. */
  async finish(): Promise<void> {
    this.ends.shift()?.();
    await flush();
  }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const call = (ticketNumber: string, counterNumber: number) => ({ ticketNumber, counterNumber });
const text = (n: string, loket: string) => `nomor antrian ${n} silakan menuju loket ${loket}`;

function setup(options: { now?: () => number } = {}) {
  const player = new FakePlayer();
  const started: string[] = [];
  const blocked: boolean[] = [];
  const announcer = new Announcer({
    player,
    onStarted: (p) => started.push(p.text),
    onBlocked: (b) => blocked.push(b),
    ...options,
  });
  return { player, started, blocked, announcer };
}

describe('the announcer', () => {
  it('speaks calls that arrive together one after another, in arrival order, never overlapping', async () => {
    const { player, started, announcer } = setup();
    announcer.announce(call('A-001', 2));
    announcer.announce(call('B-001', 1));
    announcer.announce(call('A-002', 3));
    await flush();
    expect(started).toEqual([text('a satu', 'dua')]);
    expect(announcer.waiting).toBe(2);
    await player.finish();
    await player.finish();
    await player.finish();
    expect(player.log).toEqual([
      `start ${text('a satu', 'dua')}`,
      `end ${text('a satu', 'dua')}`,
      `start ${text('b satu', 'satu')}`,
      `end ${text('b satu', 'satu')}`,
      `start ${text('a dua', 'tiga')}`,
      `end ${text('a dua', 'tiga')}`,
    ]);
    expect(player.maxAtOnce).toBe(1);
  });

  it('announces a recall again, even while the first call is still being spoken', async () => {
    const { player, started, announcer } = setup();
    announcer.announce(call('A-012', 2));
    await flush();
    announcer.announce(call('A-012', 2));
    await player.finish();
    await player.finish();
    expect(started).toEqual([text('a dua belas', 'dua'), text('a dua belas', 'dua')]);
  });

  it('holds the call back while sound is blocked, and plays it first after the click, then the rest', async () => {
    const { player, started, blocked, announcer } = setup();
    player.blocked = true;
    announcer.announce(call('A-001', 2));
    await flush();
    expect(blocked).toEqual([true]);
    expect(announcer.isBlocked).toBe(true);
    expect(started).toEqual([]);
    announcer.announce(call('A-002', 1));
    await flush();
    expect(started).toEqual([]);

    player.blocked = false;
    announcer.resume();
    await flush();
    expect(blocked).toEqual([true, false]);
    expect(started).toEqual([text('a satu', 'dua')]);
    await player.finish();
    await player.finish();
    expect(started).toEqual([text('a satu', 'dua'), text('a dua', 'satu')]);
  });

  it('stays blocked when the click did not unblock sound, without losing the call', async () => {
    const { player, started, blocked, announcer } = setup();
    player.blocked = true;
    announcer.announce(call('A-001', 2));
    await flush();
    announcer.resume();
    await flush();
    expect(blocked).toEqual([true, false, true]);
    player.blocked = false;
    announcer.resume();
    await flush();
    expect(started).toEqual([text('a satu', 'dua')]);
  });

  it('carries on after a player failure and after a number it cannot say', async () => {
    const errors: unknown[] = [];
    const spoken: string[] = [];
    let fail = true;
    const announcer = new Announcer({
      player: {
        async play(p, started) {
          if (fail) {
            fail = false;
            throw new Error('clip failed');
          }
          started();
          spoken.push(p.text);
        },
      },
      onError: (e) => errors.push(e),
    });
    announcer.announce(call('A-001', 1));
    announcer.announce(call('nonsense', 1));
    announcer.announce(call('A-002', 1));
    await flush();
    expect(spoken).toEqual([text('a dua', 'satu')]);
    expect(errors).toHaveLength(2);
  });

  it('speaks a long burst whole and in order, and drops only calls too old to be news', async () => {
    let now = 0;
    const { player, started, announcer } = setup({ now: () => now });
    player.blocked = true;
    const burst = Array.from({ length: 40 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`);
    for (const number of burst) announcer.announce(call(number, 1));
    await flush();
    expect(announcer.waiting).toBe(40);
    player.blocked = false;
    announcer.resume();
    await flush();
    expect(started).toEqual([text('a satu', 'satu')]);
    for (let i = 1; i < burst.length; i++) {
      await player.finish();
      await flush();
    }
    expect(started).toHaveLength(40);
    expect(started[10]).toEqual(text('a sebelas', 'satu'));
    expect(started.at(-1)).toEqual(text('a empat puluh', 'satu'));

    await player.finish();
    player.blocked = true;
    announcer.announce(call('A-041', 1));
    announcer.announce(call('A-042', 1));
    await flush();
    now += 10 * 60_000;
    announcer.announce(call('B-001', 2));
    // The two calls that waited ten minutes are gone the moment a new one arrives: the queue stays bounded.
    expect(announcer.waiting).toBe(1);
    player.blocked = false;
    announcer.resume();
    await flush();
    expect(started.slice(40)).toEqual([text('b satu', 'dua')]);
  });
});
