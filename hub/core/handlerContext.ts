// What a handler is given for one request: the hub's parts it may use, and the session effects it may ask
// for, which wait for the commit (a sign-in moves the socket to its audience, a sign-out or a revoked device
// cuts sockets off).
import type { AddressInfo } from 'node:net';
import { officeDay } from '../../shared/domain/officeTime';
import type { Snapshot } from '../../shared/protocol/events';
import type { HandlerContext, HubDeps, Session } from '../context';
import { getDevice } from '../db/index';
import type { RecentReplies } from '../recentReplies';
import type { ReportRunner } from '../reports/runner';
import { lanUrl } from '../visitor';
import type { Bridges } from './bridges';
import type { CommitEffects } from './commitQueue';
import { deviceSession } from './handshake';
import type { Presence } from './presence';
import type { Rooms } from './rooms';
import type { HubSocket } from './sockets';

export interface HandlerParts {
  deps: HubDeps;
  limits: HandlerContext['limits'];
  replies: RecentReplies;
  reports: ReportRunner;
  rooms: Rooms;
  presence: Presence;
  bridges: Bridges;
  snapshot: (session: Session) => Snapshot;
  lanUrl: () => string | null;
}

/**
 * The hub's address as phones on the LAN reach it, looked up at most once a minute: reading the network
 * interfaces cost a good part of issuing a ticket, and they may change (DHCP) while the hub runs.
 */
export function lanAddress(address: () => AddressInfo | string | null): () => string | null {
  let known: { at: number; url: string | null } | null = null;
  return () => {
    const now = Date.now();
    if (!known || now - known.at > 60_000) known = { at: now, url: lanUrl(address()) };
    return known.url;
  };
}

/** The context of each step a socket's request runs, at the instant the commit queue gives. */
export function contextFor(parts: HandlerParts, socket: HubSocket, session: Session) {
  const { deps, rooms } = parts;
  const staffSockets = (ended: (tokenHash: string) => boolean) => rooms.socketsOf((s) => s.kind === 'staff' && ended(s.tokenHash));
  return (now: Date, effects: CommitEffects): HandlerContext => ({
    deps,
    db: deps.db,
    session,
    lang: socket.data.lang,
    address: socket.handshake.address,
    now,
    nowIso: now.toISOString(),
    today: officeDay(now, deps.timeZone),
    limits: parts.limits,
    setSession: (next) => {
      effects.admissionsChanged();
      effects.afterCommit(() => rooms.enter(socket, next));
    },
    endSession: (tokenHash) => {
      effects.admissionsChanged();
      effects.afterCommit(() => {
        for (const other of staffSockets((t) => t === tokenHash)) if (other !== socket) other.disconnect(true);
      });
    },
    endSessions: (tokenHashes) => {
      effects.admissionsChanged();
      const ended = new Set(tokenHashes);
      effects.afterCommit(() => {
        for (const other of staffSockets((t) => ended.has(t))) other.disconnect(true);
      });
    },
    deviceChanged: (deviceId, how) => {
      effects.admissionsChanged();
      effects.afterCommit(() => {
        const fresh = getDevice(deps.db, deviceId);
        for (const other of rooms.socketsOf((s) => s.kind !== 'staff' && s.kind !== 'visitor' && s.device?.id === deviceId)) {
          if (how === 'cut' || !fresh) other.disconnect(true);
          else rooms.enter(other, deviceSession(fresh));
        }
      });
    },
    deviceOnline: (id) => parts.presence.online(id),
    bridgeOf: (id) => parts.bridges.relayTo(id),
    replies: parts.replies,
    afterCommit: effects.afterCommit,
    snapshot: () => parts.snapshot(session),
    lanUrl: parts.lanUrl,
    reports: parts.reports,
  });
}
