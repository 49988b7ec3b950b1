// What a flooder (test/load/flooder.ts) is told to do and what it reports: shared with the tests that run it.

export interface FloodPlan {
  mode: 'flood' | 'burst';
  url: string;
  ms: number;
  maxEvents: number;
  /** The loopback address this client connects from: its own machine on the LAN. */
  localAddress: string;
  token?: string;
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
}

/** The line the flooder prints once it is at work. */
export const GOING = 'GOING';
