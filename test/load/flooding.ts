// What a flooder (test/load/flooder.ts) is told to do and what it reports: shared with the tests that run it.

export interface FloodPlan {
  mode: 'flood' | 'burst';
  url: string;
  ms: number;
  maxEvents: number;
  /** The loopback address this client connects from: its own machine on the LAN. */
  localAddress: string;
  token?: string;
  /** `burst`: once all are sent, reads nothing for this long, as a machine that hangs. */
  stallMs?: number;
}

export interface FloodResult {
  sent: number;
  answered: number;
  /** Refusal codes seen, by code. */
  refusals: Record<string, number>;
  /** When the hub disconnected this client, in ms since the epoch (the test's clock too: same machine). */
  cutOffAt: number[];
  connections: number;
  /** When it was at work (it printed GOING), in ms since the epoch; null if it never was. */
  startedAt: number | null;
  /** `burst`: how many tickets each answer's snapshot held, in the order the answers came. */
  ticketsHeld: number[];
}

/** The line the flooder prints once it is at work. */
export const GOING = 'GOING';
