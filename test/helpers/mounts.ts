// Real file systems that fail as a hub's disk does: a small tmpfs that fills up, and an ext4 image on a loop
// device that the kernel turns read-only. Root only (tests here and on CI run as root). Each `dispose`
// unmounts, detaches and removes what it made, and is safe to call after a failed or partial setup.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface Mounted {
  dir: string;
  dispose(): void;
}

/** Every mount not yet disposed: `disposeMounts` in afterAll undoes them even when a test timed out mid-way. */
const live = new Set<() => void>();

export function disposeMounts(): void {
  for (const dispose of [...live]) dispose();
}

/** Registers a dispose that runs once, and is forgotten once run. */
function once(dispose: () => void): () => void {
  const disposeOnce = () => {
    if (!live.delete(disposeOnce)) return;
    dispose();
  };
  live.add(disposeOnce);
  return disposeOnce;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' }).toString().trim();

function unmount(dir: string): void {
  try {
    run('umount', [dir]);
  } catch {
    // Busy (a test that failed left a file open): detached lazily, it goes once the file is closed, at the
    // latest when the test process exits. Not mounted at all (setup failed before the mount): nothing to do.
    try {
      run('umount', ['-l', dir]);
    } catch {
      // Not mounted.
    }
  }
}

/** A tmpfs of `megabytes`. */
export function tmpfs(megabytes: number): Mounted {
  const dir = mkdtempSync(join(tmpdir(), 'antrian-tmpfs-'));
  const dispose = once(() => {
    unmount(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  } catch (e) {
    dispose();
    throw e;
  }
  return { dir, dispose };
}

export interface Ext4 extends Mounted {
  /** What the kernel does on a disk error with errors=remount-ro: the file system becomes read-only. */
  fail(): void;
  /** Asks for read-write again: the kernel's answer (it may refuse after an error). */
  remountReadWrite(): { ok: boolean; output: string };
}

/** A 64 MB ext4 image on a loop device, mounted with errors=remount-ro. */
export function ext4(): Ext4 {
  const base = mkdtempSync(join(tmpdir(), 'antrian-ext4-'));
  const image = join(base, 'disk.img');
  const dir = join(base, 'mnt');
  let loop: string | null = null;
  const dispose = once(() => {
    unmount(dir);
    // `mount -o loop` detaches its device at umount; a device left attached (a failed umount) is detached here.
    if (loop) {
      try {
        run('losetup', ['-d', loop]);
      } catch {
        // Already detached.
      }
    }
    rmSync(base, { recursive: true, force: true });
  });
  try {
    run('mkdir', ['-p', dir]);
    run('truncate', ['-s', '64M', image]);
    run('mkfs.ext4', ['-q', image]);
    run('mount', ['-o', 'loop,errors=remount-ro', image, dir]);
    loop = run('findmnt', ['-no', 'SOURCE', dir]);
  } catch (e) {
    dispose();
    throw e;
  }
  const device = basename(loop);
  return {
    dir,
    dispose,
    fail() {
      execFileSync('sh', ['-c', `echo 1 > /sys/fs/ext4/${device}/trigger_fs_error`]);
    },
    remountReadWrite() {
      try {
        return { ok: true, output: run('mount', ['-o', 'remount,rw', dir]) };
      } catch (e) {
        const err = e as { status?: number; stderr?: Buffer };
        return { ok: false, output: `exit ${err.status}: ${err.stderr?.toString().trim() ?? ''}` };
      }
    },
  };
}

/**
 * Fills the file system holding `dir` with one file (`dir/filler`, appended to) until the disk refuses
 * more, or until only `leaveBytes` are left; returns its path.
 */
export function fill(dir: string, leaveBytes = 0): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'a');
  if (leaveBytes > 0) {
    const { bavail, bsize } = statfsSync(dir);
    try {
      writeSync(fd, Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes), 1));
    } finally {
      closeSync(fd);
    }
    return file;
  }
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOSPC') break;
        throw e;
      }
    }
    // The last partial chunk: the disk is full to the byte.
    const small = Buffer.alloc(512, 1);
    for (;;) {
      try {
        writeSync(fd, small);
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOSPC') return file;
        throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}
