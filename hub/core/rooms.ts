// Which rooms each socket is in, and what each room is sent: a socket enters its session's rooms with a
// snapshot; a change goes to each room as its audience's patch (or a fresh snapshot, for a structural change).
// What an audience may see, and which rooms a session listens in, is the audiences' business
// (hub/audiences/): this module only delivers it.
import type { AdminView } from '../../shared/domain/types';
import type { Patch, Snapshot } from '../../shared/protocol/events';
import type { Change, Session } from '../context';
import type { HubServer, HubSocket } from './sockets';

/** What rooms need of the audiences (hub/audiences/index.ts). */
export interface AudienceViews {
  /** The Socket.IO rooms a session joins. */
  join(session: Session): string[];
  /** Socket.IO emptied a room. */
  forget(room: string): void;
  snapshot(session: Session): Snapshot;
  /** The admin view for an admin entering; undefined for anyone else. */
  adminSnapshot(session: Session): AdminView | undefined;
  /** Each room's patch for a change. */
  patches(change: Change): Array<{ room: string; patch: Patch }>;
  /** The rooms whose every socket gets a fresh snapshot for this change. */
  resyncRooms(change: Change): string[];
  /** The admin view, when the change concerns it and an admin is connected to get it. */
  adminPatch(change: Change): { room: string; view: AdminView } | undefined;
}

export class Rooms {
  constructor(
    private readonly io: HubServer,
    private readonly views: AudienceViews,
  ) {
    io.of('/').adapter.on('delete-room', (room: string) => views.forget(room));
  }

  /** Puts a socket in its session's rooms, out of its old ones, with that audience's snapshot (and an admin's view). */
  enter(socket: HubSocket, session: Session): void {
    for (const room of [...socket.rooms]) if (room !== socket.id) socket.leave(room);
    socket.data.session = session;
    socket.join(this.views.join(session));
    socket.emit('snapshot', this.views.snapshot(session));
    const admin = this.views.adminSnapshot(session);
    if (admin) socket.emit('admin', admin);
  }

  /** What a commit (or the hub itself) changed, to every room that may see it. */
  broadcast(change: Change): void {
    const { views, io } = this;
    for (const { room, patch } of views.patches(change)) io.to(room).emit('patch', patch);
    const { sockets, adapter } = io.of('/');
    for (const room of views.resyncRooms(change)) {
      for (const id of adapter.rooms.get(room) ?? []) {
        const socket = sockets.get(id);
        if (socket) socket.emit('snapshot', views.snapshot(socket.data.session));
      }
    }
    this.sendAdmin(change);
  }

  /**
   * Only the admin section's lists changed (a device came or went): admins get them again, and no other
   * audience's snapshot is built afresh for it.
   */
  adminChanged(): void {
    this.sendAdmin({ admin: true });
  }

  socketsOf(match: (session: Session) => boolean): HubSocket[] {
    return [...this.io.of('/').sockets.values()].filter((s) => s.data.session && match(s.data.session));
  }

  private sendAdmin(change: Change): void {
    const admin = this.views.adminPatch(change);
    if (admin) this.io.to(admin.room).emit('admin', admin.view);
  }
}
