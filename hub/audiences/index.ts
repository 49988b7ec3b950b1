// What each audience may see: its snapshot, and its share of a change with that audience's next revision.
// One module per audience — display.ts (the waiting-room TV), kiosk.ts, staff.ts (and the temporary-password
// session), visitor.ts (a visitor's phone), survey.ts (a survey tablet), admin.ts — each a projection of the
// database. The display and the kiosk never receive personal data or staff-only records; a phone sees its
// own ticket and a tablet its own counter's last visit, nothing else.
//
// The whole of what the socket layer uses, on one `Audiences`:
//   roomOf(session)       the typed room key a session listens in (rooms.ts)
//   join(session)         the Socket.IO room names a session joins (an admin's includes the admins' room);
//                         names are made here only, and remembered until Socket.IO empties the room
//   forget(room)          Socket.IO emptied a room (its adapter's 'delete-room')
//   changed()             something was written: every snapshot is built afresh when next asked for
//                         (patches() does this too: a change is a write)
//   snapshot(session)     what a socket is sent as it enters, or asks: built once per change per audience
//   adminSnapshot(session) the admin view for an admin entering; undefined for anyone else
//   patches(change)       each room's patch for one change: the display, kiosk and staff rooms one each, built
//                         once per audience; each phone's and tablet's room whose view changed
//   resyncRooms(change)   the rooms whose every socket must be sent a fresh snapshot instead
//   adminPatch(change)    the admin view, built only when the change concerns it and an admin is connected
// and `mergeChanges` (change.ts): one commit's changes as one.
import { randomUUID } from 'node:crypto';
import { officeDay } from '../../shared/domain/officeTime';
import type { AdminView } from '../../shared/domain/types';
import type { Patch, Snapshot } from '../../shared/protocol/events';
import type { Change, Session } from '../context';
import { adminView } from './admin';
import { readChange, snapshotBase, type AudienceDeps, type Body, type Live } from './base';
import { displayPatch, displaySnapshot } from './display';
import { kioskPatch, kioskSnapshot } from './kiosk';
import { PersonalViews } from './personalViews';
import { concernsPersonal } from './personal';
import { roomName, Rooms, type PersonalRoom, type RoomKey, type SharedAudience } from './rooms';
import { myCases, passwordSnapshot, staffPatch, staffSnapshot, withMyCases, type FirstRows, type StaffLive } from './staff';

export { mergeChanges } from './change';
export type { AudienceDeps, Live } from './base';
export type { RoomKey } from './rooms';

const ADMINS: RoomKey = { kind: 'admin' };

type PersonalSession = Extract<Session, { kind: 'visitor' | 'survey' }>;

/** A phone listens in its ticket's room, a tablet in its counter's. */
function personalRoomOf(session: PersonalSession): PersonalRoom {
  return session.kind === 'visitor' ? { kind: 'visitor', ticketId: session.ticketId } : { kind: 'survey', counterId: session.device.counterId ?? 0 };
}

const isAdmin = (session: Session) => session.kind === 'staff' && !session.passwordChangeRequired && session.user.role === 'admin';

export class Audiences {
  readonly epoch = randomUUID();
  private readonly revs: Record<SharedAudience, number> = { display: 0, kiosk: 0, staff: 0 };
  /**
   * Snapshots built since the last write, by office day and audience (and kiosk): asking again costs nothing
   * until something changes. Per-socket parts (the time, `me`) are filled in on the way out.
   */
  private readonly built = new Map<string, Snapshot>();
  /** Each staff member's own cases' first rows since the last write, by office day and user. */
  private readonly myCasesBuilt = new Map<string, FirstRows>();
  private readonly rooms = new Rooms();
  private readonly personal: PersonalViews;
  private readonly staffLive: StaffLive;

  constructor(
    private readonly deps: AudienceDeps,
    private readonly live: Live,
  ) {
    this.personal = new PersonalViews(deps, this.epoch);
    this.staffLive = { bridgeKiosks: live.bridgeKiosks, storage: () => deps.storage.state };
  }

  private today(): string {
    return officeDay(this.deps.clock(), this.deps.timeZone);
  }

  /** The room a session listens in; a session that must first change its password hears nothing. */
  roomOf(session: Session): RoomKey {
    if (session.kind === 'staff' && session.passwordChangeRequired) return { kind: 'password' };
    if (session.kind === 'visitor' || session.kind === 'survey') return personalRoomOf(session);
    return { kind: session.kind };
  }

  /** The rooms a session joins, by their Socket.IO names: its audience's, and the admins' for an admin. */
  join(session: Session): string[] {
    const rooms = [this.rooms.join(this.roomOf(session))];
    if (isAdmin(session)) rooms.push(this.rooms.join(ADMINS));
    return rooms;
  }

  /** Socket.IO emptied a room: a phone's or tablet's state goes with it; with the admins' gone, no admin view is built. */
  forget(room: string): void {
    if (this.rooms.emptied(room)) this.personal.forget(room);
  }

  /** Something may have changed: every snapshot is built afresh when next asked for. */
  changed(): void {
    this.built.clear();
    this.myCasesBuilt.clear();
  }

  snapshot(session: Session): Snapshot {
    const serverTime = this.deps.clock().toISOString();
    if (session.kind === 'staff' && session.passwordChangeRequired) return passwordSnapshot(this.epoch, serverTime, session.user);
    const today = this.today();
    if (session.kind === 'visitor' || session.kind === 'survey') {
      const room = personalRoomOf(session);
      return this.personal.snapshot(roomName(room), room, today);
    }
    const key = `${today}:${session.kind === 'kiosk' ? `kiosk:${session.device.id}` : session.kind}`;
    let built = this.built.get(key);
    if (!built) {
      built = this.build(session, today);
      this.built.set(key, built);
    }
    if (session.kind !== 'staff' || built.audience !== 'staff') return { ...built, serverTime };
    const mineKey = `${today}:${session.user.id}`;
    let mine = this.myCasesBuilt.get(mineKey);
    if (!mine) {
      mine = myCases(this.deps.db, session.user.id);
      this.myCasesBuilt.set(mineKey, mine);
    }
    return { ...withMyCases(built, session.user, mine), serverTime };
  }

  private build(session: Exclude<Session, PersonalSession>, today: string): Snapshot {
    const { db } = this.deps;
    const base = (audience: SharedAudience) => ({ epoch: this.epoch, rev: this.revs[audience], ...snapshotBase(this.deps, today) });
    if (session.kind === 'staff') return staffSnapshot(db, base('staff'), today, session.user, this.staffLive);
    if (session.kind === 'kiosk') return kioskSnapshot(db, base('kiosk'), session.device);
    return displaySnapshot(db, base('display'), today);
  }

  adminSnapshot(session: Session): AdminView | undefined {
    return isAdmin(session) ? adminView(this.deps, this.live) : undefined;
  }

  /**
   * Each room's patch for a change: one per shared audience the change concerns, in that audience's next
   * revision; then each phone's and tablet's whose view it changed. Audiences it does not concern get none.
   */
  patches(change: Change): Array<{ room: string; patch: Patch }> {
    this.changed();
    const { db } = this.deps;
    const today = this.today();
    const reads = readChange(db, change, today);
    const shared: { [A in SharedAudience]: Body<Extract<Patch, { audience: A }>> } = {
      display: displayPatch(db, reads),
      kiosk: kioskPatch(reads),
      staff: staffPatch(db, reads, this.staffLive),
    };
    const out: Array<{ room: string; patch: Patch }> = [];
    for (const audience of Object.keys(shared) as SharedAudience[]) {
      const body = shared[audience];
      if (!Object.keys(body).length) continue;
      const patch = { ...body, audience, epoch: this.epoch, rev: ++this.revs[audience] } as Patch;
      out.push({ room: roomName({ kind: audience }), patch });
    }
    if (concernsPersonal(change)) out.push(...this.personal.patches(this.rooms.personal(), today));
    return out;
  }

  /** The rooms whose sockets each get a fresh snapshot for this change (services, counters, staff remade). */
  resyncRooms(change: Change): string[] {
    return (change.resync ?? []).map((kind) => roomName({ kind }));
  }

  adminPatch(change: Change): { room: string; view: AdminView } | undefined {
    if (!change.admin || !this.rooms.has(ADMINS)) return undefined;
    return { room: roomName(ADMINS), view: adminView(this.deps, this.live) };
  }
}
