// Kiosk pages connected with a printer bridge (the Electron shell's own printer): the hub relays a staff
// reprint to one of them and waits for its answer; staff learn which kiosks can reprint as bridges come and go.
import { bridgePrintResultSchema } from '../../shared/protocol/schemas';
import type { BridgeRelay } from '../context';
import type { HubSocket } from './sockets';

/** A relayed reprint gives the kiosk's bridge this long: its own printer may take ~10 s to give up. */
export const BRIDGE_PRINT_TIMEOUT_MS = 20_000;

/** The one part of a socket a relay uses. */
export type BridgeSocket = Pick<HubSocket, 'timeout'>;

export class Bridges {
  /** Each bridge socket, in the order connected, with its kiosk. */
  private readonly sockets = new Map<BridgeSocket, number>();

  constructor(
    /** The set of kiosks with a bridge changed. */
    private readonly changed: () => void,
    private readonly timeoutMs = BRIDGE_PRINT_TIMEOUT_MS,
  ) {}

  /** Kiosks with a bridge connected now. */
  kiosks(): Set<number> {
    return new Set(this.sockets.values());
  }

  connected(socket: BridgeSocket, kioskId: number): void {
    const known = this.has(kioskId);
    this.sockets.set(socket, kioskId);
    if (!known) this.changed();
  }

  left(socket: BridgeSocket): void {
    const kioskId = this.sockets.get(socket);
    if (kioskId === undefined) return;
    this.sockets.delete(socket);
    if (!this.has(kioskId)) this.changed();
  }

  /** Relays a print to a connected page of this kiosk; a page that never answers is a timeout. */
  relayTo(kioskId: number): BridgeRelay | undefined {
    const socket = [...this.sockets].find(([, id]) => id === kioskId)?.[0];
    if (!socket) return undefined;
    return (ticket) =>
      socket
        .timeout(this.timeoutMs)
        .emitWithAck('print:bridge', ticket)
        .then(
          (answer: unknown) => {
            const parsed = bridgePrintResultSchema.safeParse(answer);
            if (parsed.success) return parsed.data;
            return { ok: false as const, code: 'PRINTER_UNREACHABLE' as const, message: 'The kiosk answered the print with something unreadable.' };
          },
          () => ({
            ok: false as const,
            code: 'PRINTER_TIMEOUT' as const,
            message: `The kiosk's printer bridge did not answer within ${this.timeoutMs / 1000} s.`,
          }),
        );
  }

  private has(kioskId: number): boolean {
    for (const id of this.sockets.values()) if (id === kioskId) return true;
    return false;
  }
}
