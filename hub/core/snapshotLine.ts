// One snapshot in flight per socket: a socket asking again before its last snapshot has left waits its turn,
// so a flood holds one snapshot in memory rather than one per request (and each is built once per change,
// see Audiences).
import type { HubSocket } from './sockets';

export class SnapshotLine<T> {
  /** Requests waiting for the snapshot in flight to leave; null when none is in flight. */
  private waiting: T[] | null = null;

  constructor(
    /** Answers one request with a snapshot. */
    private readonly send: (request: T) => void,
    /** Calls back once what was sent so far has left. */
    private readonly whenSent: (then: () => void) => void,
    /** Whether the socket is still there to answer. */
    private readonly open: () => boolean,
  ) {}

  ask(request: T): void {
    if (this.waiting) return void this.waiting.push(request);
    this.waiting = [];
    this.sendNow(request);
  }

  private sendNow(request: T): void {
    this.send(request);
    this.whenSent(() => {
      if (this.waiting?.length && this.open()) return this.sendNow(this.waiting.shift() as T);
      this.waiting = null;
    });
  }
}

/**
 * Runs `then` once what this socket was given so far has left for the network, on a later turn of the event
 * loop: a send that completes at once calls back within the same turn, and a chain of them would keep every
 * other client waiting.
 */
export function afterSent(socket: HubSocket, then: () => void): void {
  const conn = socket.conn;
  const transport = conn.transport;
  if (transport.writable) return void setImmediate(then);
  const done = () => {
    transport.off('ready', done);
    conn.off('upgrade', done);
    conn.off('close', done);
    setImmediate(then);
  };
  // An upgrade or a close ends the wait too: the old transport will never say it is ready.
  transport.on('ready', done);
  conn.on('upgrade', done);
  conn.on('close', done);
}
