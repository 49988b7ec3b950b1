// Ticket numbers are reserved in blocks recorded outside the database, so a lost or damaged WAL never
// brings a number back: after a crash or a restore, numbering resumes above the last reserved block. The
// file is written (and made durable) only when a block runs out, so a ticket costs no extra write.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDurably } from './dataFolder';

const FILE = 'antrian.numbers.json';
/** Numbers per block: after a crash at most this many are skipped, and one fsync serves this many tickets. */
export const NUMBER_BLOCK = 20;

/** office day → service code → the highest number reserved. */
type Reserved = Record<string, Record<string, number>>;

export class NumberBlocks {
  private reserved: Reserved;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, FILE);
    this.reserved = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Reserved) : {};
  }

  /** Every day's highest reserved number per service. */
  all(): Reserved {
    return this.reserved;
  }

  /** Makes sure `seq` lies in a reserved block, taking the next block (durably) when it does not. */
  cover(officeDay: string, serviceCode: string, seq: number): void {
    const day = this.reserved[officeDay] ?? {};
    if (seq <= (day[serviceCode] ?? 0)) return;
    // Only today's blocks matter; earlier days are dropped as the file is rewritten.
    const next: Reserved = { [officeDay]: { ...day, [serviceCode]: seq + NUMBER_BLOCK - 1 } };
    writeDurably(this.file, JSON.stringify(next));
    this.reserved = next;
  }
}
