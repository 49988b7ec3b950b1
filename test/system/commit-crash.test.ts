// The process killed between two savepoints of a batch (a power cut, the OOM killer): nothing it acknowledged
// is lost, and nothing of the batch it had not acknowledged is stored, not even the step whose savepoint was
// already released, nor what SQLite had already written of the open transaction into the WAL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { exited } from '../helpers/hubProcess';
import { ROOT } from '../helpers/hub';

const dir = mkdtempSync(join(tmpdir(), 'antrian-commit-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the acknowledged batch and nothing of the batch cut off between its savepoints', async () => {
  const file = join(dir, 'antrian.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/commitChild.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('between savepoints')) resolve();
    });
    child.once('exit', () => reject(new Error(`the child ended before the second batch:\n${out}`)));
  });
  // The open transaction is larger than the page cache: SQLite has written part of it into the WAL.
  const walBytes = statSync(`${file}-wal`).size;
  child.kill('SIGKILL');
  await exited(child);

  expect(out.match(/^(answered|refused) .*$/gm)).toEqual(['answered a', 'answered b']);
  expect(walBytes).toBeGreaterThan(4 * 1024 * 1024);
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM marks ORDER BY name').pluck().all()).toEqual(['a', 'b']);
  } finally {
    db.close();
  }
});
