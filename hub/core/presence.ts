// Which keyed devices (kiosks, displays, survey tablets) are connected, and when each was last seen: every
// connect and disconnect is stored at once, through the storage guard.
import type { HubDeps, Session } from '../context';
import { touchDevice, type Device } from '../db/index';

const deviceOf = (session: Session): Device | null => (session.kind === 'staff' || session.kind === 'visitor' ? null : session.device);

export class Presence {
  /** Connected sockets per device. */
  private readonly sockets = new Map<number, number>();

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

  private count(session: Session, delta: 1 | -1): void {
    const device = deviceOf(session);
    if (!device) return;
    this.sockets.set(device.id, Math.max(0, (this.sockets.get(device.id) ?? 0) + delta));
    this.deps.storage.write("a device's presence", (db) => touchDevice(db, device.id, this.deps.clock().toISOString()));
    this.changed();
  }
}
