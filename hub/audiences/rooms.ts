// Where sockets listen, as typed keys. A key becomes a string only for Socket.IO; when Socket.IO names a
// room back (it was emptied), the key is looked up among the rooms joined, never parsed out of the name.
import type { Audience } from '../../shared/protocol/events';

/** A room of an audience whose sockets all see the same, or of one phone's ticket or one tablet's counter. */
export type RoomKey =
  | { kind: SharedAudience | 'password' | 'admin' }
  /** A visitor's phone: what it sees is built per ticket, so nothing of another ticket can reach it. */
  | { kind: 'visitor'; ticketId: number }
  /** A survey tablet: built per counter, so nothing of another counter can reach it. */
  | { kind: 'survey'; counterId: number };

/** The audiences whose sockets share one room, one revision and one patch per change. */
export type SharedAudience = Exclude<Audience, 'visitor' | 'survey'>;
export type PersonalRoom = Extract<RoomKey, { kind: 'visitor' | 'survey' }>;

/** The room's name in Socket.IO (`visitor:12`, `survey:3`, `staff`, …): made here only. */
export function roomName(key: RoomKey): string {
  switch (key.kind) {
    case 'visitor':
      return `visitor:${key.ticketId}`;
    case 'survey':
      return `survey:${key.counterId}`;
    default:
      return key.kind;
  }
}

/** The rooms with a socket in them, by name, as Socket.IO tells of rooms made and emptied. */
export class Rooms {
  private readonly joined = new Map<string, RoomKey>();

  /** A socket is about to join the room: its name, and the key kept for it. */
  join(key: RoomKey): string {
    const name = roomName(key);
    this.joined.set(name, key);
    return name;
  }

  /** Socket.IO emptied the room (`delete-room`): its key, when it was one of these. */
  emptied(name: string): RoomKey | undefined {
    const key = this.joined.get(name);
    this.joined.delete(name);
    return key;
  }

  has(key: RoomKey): boolean {
    return this.joined.has(roomName(key));
  }

  /** The phones' and tablets' rooms with a socket in them. */
  *personal(): Generator<{ name: string; key: PersonalRoom }> {
    for (const [name, key] of this.joined) if (key.kind === 'visitor' || key.kind === 'survey') yield { name, key };
  }
}
