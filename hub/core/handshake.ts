// A socket's session, from what its handshake carries: a staff token, a device key, a visitor's code from
// the ticket's QR, or nothing (the public display audience). Wrong keys and codes are counted per address.
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import { officeDay } from '../../shared/domain/officeTime';
import { errorMessage, type ErrorCode, type Lang } from '../../shared/protocol/errors';
import type { HandshakeAuth } from '../../shared/protocol/events';
import type { HubLimits } from '../config';
import type { HubDeps, Session } from '../context';
import { findDeviceByKey, findSessionUser, findTicketIdByVisitorCode, getTicket, type Device } from '../db/index';
import { hashToken } from '../passwords';

/** What a socket carries from its handshake. */
export interface Admitted {
  session: Session;
  lang: Lang;
  /** The kiosk's device id when its page runs in the Electron shell with a printer bridge (handshake `bridge: true`). */
  bridge: number | null;
  /** The hash of the key a device was admitted with: a device given a new key since is no longer let in. */
  deviceKeyHash: string | null;
}

export type HandshakeResult = { admitted: Admitted } | { refused: ErrorCode; lang: Lang };

/** A device's session as its kind makes it: a survey tablet is its own audience, everything else watches as a display. */
export function deviceSession(device: Device): Session {
  if (device.kind === 'kiosk') return { kind: 'kiosk', device };
  if (device.kind === 'survey') return { kind: 'survey', device };
  return { kind: 'display', device };
}

/** A refused handshake as Socket.IO hands it to the client: the message, and the code in `data`. */
export function handshakeRefusal(code: ErrorCode, lang: Lang): Error {
  return Object.assign(new Error(errorMessage(code, lang)), { data: { code } });
}

/** The longest visitor code looked up: a longer one is no code the hub made. */
const MAX_VISITOR_CODE = 64;

export class Handshake {
  private readonly keyGuesses: RateLimiterMemory;
  private readonly codeGuesses: RateLimiterMemory;

  constructor(
    private readonly deps: Pick<HubDeps, 'db' | 'clock' | 'timeZone' | 'log'>,
    private readonly limits: Pick<HubLimits, 'deviceKeyGuessesPerMinute' | 'visitorCodeGuessesPerMinute'>,
  ) {
    this.keyGuesses = new RateLimiterMemory({ points: limits.deviceKeyGuessesPerMinute, duration: 60 });
    this.codeGuesses = new RateLimiterMemory({ points: limits.visitorCodeGuessesPerMinute, duration: 60 });
  }

  async admit(raw: unknown, address: string): Promise<HandshakeResult> {
    const auth = (raw ?? {}) as HandshakeAuth;
    const lang: Lang = auth.lang === 'en' ? 'en' : 'id';
    let found: Session | ErrorCode;
    try {
      found = await this.session(auth, address);
    } catch (e) {
      this.deps.log(`error in a handshake: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      found = 'INTERNAL';
    }
    if (typeof found === 'string') return { refused: found, lang };
    const keyed = found.kind !== 'staff' && found.kind !== 'visitor' && found.device !== null;
    return {
      admitted: {
        session: found,
        lang,
        bridge: found.kind === 'kiosk' && auth.bridge === true ? found.device.id : null,
        deviceKeyHash: keyed ? hashToken(auth.deviceKey as string) : null,
      },
    };
  }

  private async session(auth: HandshakeAuth, address: string): Promise<Session | ErrorCode> {
    if (typeof auth.token === 'string' && auth.token) {
      const tokenHash = hashToken(auth.token);
      const found = findSessionUser(this.deps.db, tokenHash, this.deps.clock().toISOString());
      return found ? { kind: 'staff', tokenHash, ...found } : 'SESSION_EXPIRED';
    }
    if (typeof auth.visitorCode === 'string' && auth.visitorCode) return this.visitor(auth.visitorCode, address);
    if (typeof auth.deviceKey === 'string' && auth.deviceKey) return this.device(auth.deviceKey, address);
    return { kind: 'display', device: null };
  }

  /** Wrong codes are counted per address like device keys: past the limit, no code at all for a while. */
  private async visitor(code: string, address: string): Promise<Session | ErrorCode> {
    const guessed = await this.codeGuesses.get(address);
    if (guessed && guessed.consumedPoints >= this.limits.visitorCodeGuessesPerMinute) return 'VISITOR_CODE_RATE_LIMITED';
    const { db } = this.deps;
    const ticketId = code.length <= MAX_VISITOR_CODE ? findTicketIdByVisitorCode(db, code) : undefined;
    if (ticketId === undefined) {
      await this.codeGuesses.penalty(address);
      return 'VISITOR_CODE_UNKNOWN';
    }
    // The page works until the end of its office day (a real code from yesterday is no guess).
    const ticket = getTicket(db, ticketId);
    const today = officeDay(this.deps.clock(), this.deps.timeZone);
    if (!ticket || ticket.officeDay !== today) return 'VISITOR_CODE_UNKNOWN';
    return { kind: 'visitor', ticketId, officeDay: today };
  }

  /**
   * Wrong keys are counted per address; past the limit that address may try no key at all for a while, the
   * right one included, so guessing a kiosk's key from the LAN stays hopeless.
   */
  private async device(key: string, address: string): Promise<Session | ErrorCode> {
    const guessed = await this.keyGuesses.get(address);
    if (guessed && guessed.consumedPoints >= this.limits.deviceKeyGuessesPerMinute) return 'DEVICE_KEY_RATE_LIMITED';
    const device = findDeviceByKey(this.deps.db, key);
    if (!device) {
      await this.keyGuesses.penalty(address);
      return 'DEVICE_KEY_INVALID';
    }
    if (!device.active) return 'DEVICE_REVOKED';
    return deviceSession(device);
  }
}
