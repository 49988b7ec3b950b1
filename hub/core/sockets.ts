// The hub's Socket.IO types: what each socket carries from its handshake.
import type { Server, Socket } from 'socket.io';
import type { Reply } from '../../shared/protocol/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events';
import type { HandlerContext } from '../context';
import type { QueuedStep } from './commitQueue';
import type { Admitted } from './handshake';
import type { SnapshotLine } from './snapshotLine';

export type Ack = (reply: Reply<unknown>) => void;

/** A snapshot request waiting its turn: the validated call, and whom to answer. */
export interface SnapshotAsk {
  step: QueuedStep<HandlerContext>;
  answer: Ack;
}

export interface SocketData extends Admitted {
  /** This socket's snapshot requests: one in flight at a time. */
  snapshots: SnapshotLine<SnapshotAsk>;
}

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
