// Which keyed devices (kiosks, displays, survey tablets) are connected, and when each was last seen. Kept in
// memory and written now and then, not at every connect and disconnect: a TV on flaky Wi-Fi would otherwise
// cost a full fsync per drop. A device's first connection ever is stored at once (the admin's setup checklist
// reads it: "a display has connected"). Every write goes through the storage guard: on an unwritable disk it
// waits, in memory, for the next write after the probe.
import type { AdminView } from '../../shared/domain/types';
import type { HubDeps, Session } from '../context';
import { touchDevice, type Device } from '../db/index';

const deviceOf = (session: Session): Device | null => (session.kind === 'staff' || session.kind === 'visitor' ? null : session.device);

export class Presence {
  /** Connected sockets per device. */
  private readonly sockets = new Map<number, number>();
  /** The last time each device connected or left, as known here: written or not. */
  private readonly seen = new Map<number, string>();
  /** Devices whose last-seen time is newer than the stored one. */
  private readonly unwritten = new Set<number>();

  constructor(
    private readonly deps: Pick<HubDeps, 'storage' | 'clock'>,
    /** A device came online or went offline. */
    private readonly changed: () => void,
  ) {}

  /** A socket of this session connected. */
  arrived(session: Session): void {
    this.count(session, 1);
  }

  /** A socket of this session left. */
  left(session: Session): void {
    this.count(session, -1);
  }

  online(deviceId: number): boolean {
    return (this.sockets.get(deviceId) ?? 0) > 0;
  }

  /** The admin view with the last-seen times known here, which the database may not hold yet. */
  onto(view: AdminView): AdminView {
    if (!this.seen.size) return view;
    return { ...view, devices: view.devices.map((d) => ({ ...d, lastSeenAt: this.seen.get(d.id) ?? d.lastSeenAt })) };
  }

  /** Stores every last-seen time not stored yet, in one transaction. */
  write(): void {
    if (!this.unwritten.size) return;
    this.deps.storage.write("the devices' presence", (db) => {
      db.transaction(() => {
        for (const id of this.unwritten) touchDevice(db, id, this.seen.get(id) as string);
      }).immediate();
      this.unwritten.clear();
    });
  }

  private count(session: Session, delta: 1 | -1): void {
    const device = deviceOf(session);
    if (!device) return;
    this.sockets.set(device.id, Math.max(0, (this.sockets.get(device.id) ?? 0) + delta));
    const firstEver = device.lastSeenAt === null && !this.seen.has(device.id);
    this.seen.set(device.id, this.deps.clock().toISOString());
    this.unwritten.add(device.id);
    if (firstEver) this.write();
    this.changed();
  }
}
