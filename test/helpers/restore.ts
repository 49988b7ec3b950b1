// `npm run restore` as the compiled program it runs (dist/hub/restore.js, built before the tests), optionally
// under strace (which the interrupted-restore tests use to kill it at a chosen step).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './hub';

export function runRestore(dataDir: string, backup: string, strace: string[] = []) {
  const command = [process.execPath, join(ROOT, 'dist/hub/restore.js'), backup];
  const [file, ...args] = strace.length ? ['strace', '-f', '-qq', ...strace, ...command] : command;
  return spawnSync(file as string, args, { cwd: ROOT, env: { ...process.env, ANTRIAN_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 });
}
