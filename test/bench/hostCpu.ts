// What else the machine was doing while a bench run was timed (Linux `/proc`): a latency measured while the
// host took the virtual machine's CPUs (steal), or while other programs kept its cores busy, says more about
// the machine than about the code.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Shares of the machine's CPU time over a run, in percent; null where the system does not say. */
export interface HostCpu {
  /** Time the machine's CPUs were ready to run but the host ran someone else. */
  stealPct: number | null;
  /** Time spent by processes other than the bench and the server it measured. */
  othersPct: number | null;
  /** The one-minute load average when the run ended. */
  load: number;
}

interface MachineTicks {
  steal: number;
  /** Every state but idle, waiting for the disk, and steal. */
  busy: number;
  total: number;
}

function machineTicks(): MachineTicks | null {
  try {
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return { steal, busy: user + nice + system + irq + softirq, total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** CPU ticks a process has used (user and system, all its threads), or null once it is gone. */
function processTicks(pid: number): number | null {
  try {
    // Fields after the command name, which may hold spaces and brackets: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

const pct = (part: number, total: number) => Math.round((Math.max(0, part) / total) * 1000) / 10;

/**
 * Runs `work` and says what the machine did meanwhile besides it. `pids` are the processes being measured
 * (the server); the bench's own process is counted as ours too. The server must still be running when `work`
 * has finished.
 */
export async function watchHost<T>(pids: readonly number[], work: () => Promise<T>): Promise<{ result: T; cpu: HostCpu }> {
  const ours = () => [process.pid, ...pids].reduce<number | null>((sum, pid) => {
    const t = processTicks(pid);
    return sum === null || t === null ? null : sum + t;
  }, 0);
  const before = machineTicks();
  const oursBefore = ours();
  const result = await work();
  const after = machineTicks();
  const oursAfter = ours();
  const load = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const total = before && after ? after.total - before.total : 0;
  if (!before || !after || total <= 0) return { result, cpu: { stealPct: null, othersPct: null, load } };
  const others = oursBefore === null || oursAfter === null ? null : after.busy - before.busy - (oursAfter - oursBefore);
  return { result, cpu: { stealPct: pct(after.steal - before.steal, total), othersPct: others === null ? null : pct(others, total), load } };
}
