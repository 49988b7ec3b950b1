// Which room each socket is in, and what each room is sent: a socket enters the room of its session with a
// snapshot; a change goes to each room as its audience's patch (or a fresh snapshot, for a structural change).
// What an audience may see is the audiences' business (hub/audiences.ts): this module only delivers it.
import type { AdminView } from '../../shared/domain/types';
import type { Patch, Snapshot, SurveyPatch, VisitorPatch } from '../../shared/protocol/events';
import { personalRoom } from '../audiences';
import type { Change, Session } from '../context';
import type { HubServer, HubSocket } from './sockets';

/** What rooms need of the audiences: their snapshots and patches, and when to build them afresh. */
export interface AudienceViews {
  /** Something may have changed: snapshots are built afresh when next asked for. */
  changed(): void;
  snapshot(session: Session): Snapshot;
  patches(change: Change): Patch[];
  /** Each given personal room's view, for those whose view changed since last sent. */
  personalPatches(rooms: Iterable<string>): Array<{ room: string; patch: VisitorPatch | SurveyPatch }>;
  /** A personal room emptied: its state goes with it. */
  forget(room: string): void;
}

const ADMIN_ROOM = 'admin';

/** The broadcast room of a session; a session that must first change its password hears nothing. */
export function roomOf(session: Session): string {
  if (session.kind === 'staff' && session.passwordChangeRequired) return 'password';
  if (session.kind === 'visitor' || session.kind === 'survey') return personalRoom(session);
  return session.kind;
}

const isAdmin = (session: Session) => session.kind === 'staff' && !session.passwordChangeRequired && session.user.role === 'admin';

export class Rooms {
  constructor(
    private readonly io: HubServer,
    private readonly views: AudienceViews,
    /** The admin section's lists: built only while an admin is connected to be sent them. */
    private readonly adminView: () => AdminView,
  ) {
    io.of('/').adapter.on('delete-room', (room: string) => views.forget(room));
  }

  /** Puts a socket in its session's room, with that audience's snapshot (and the admin view, for an admin). */
  enter(socket: HubSocket, session: Session): void {
    socket.leave(roomOf(socket.data.session));
    socket.leave(ADMIN_ROOM);
    socket.data.session = session;
    socket.join(roomOf(session));
    socket.emit('snapshot', this.views.snapshot(session));
    if (isAdmin(session)) {
      socket.join(ADMIN_ROOM);
      socket.emit('admin', this.adminView());
    }
  }

  /** What a commit (or the hub itself) changed, to every room that may see it. */
  broadcast(change: Change): void {
    const { views, io } = this;
    views.changed();
    for (const patch of views.patches(change)) io.to(patch.audience).emit('patch', patch);
    const rooms = io.of('/').adapter.rooms;
    for (const audience of change.resync ?? []) {
      for (const id of rooms.get(audience) ?? []) {
        const socket = io.of('/').sockets.get(id);
        if (socket) socket.emit('snapshot', views.snapshot(socket.data.session));
      }
    }
    if (change.admin) this.adminChanged();
    // Phones and survey tablets: each room gets its own view, and only when it changed.
    if (change.ticketIds || change.counterIds || change.waiting || change.settings || change.office || change.resync || change.personal) {
      for (const { room, patch } of views.personalPatches(rooms.keys())) io.to(room).emit('patch', patch);
    }
  }

  /** The admin section's lists changed: admins get them again, built only if an admin is there to get them. */
  adminChanged(): void {
    if (this.io.of('/').adapter.rooms.get(ADMIN_ROOM)?.size) this.io.to(ADMIN_ROOM).emit('admin', this.adminView());
  }

  socketsOf(match: (session: Session) => boolean): HubSocket[] {
    return [...this.io.of('/').sockets.values()].filter((s) => s.data.session && match(s.data.session));
  }
}
