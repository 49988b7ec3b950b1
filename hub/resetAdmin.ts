// `npm run reset-admin [-- <username>]`, with the hub stopped: the way back in when no admin can sign in
// (the first start's temporary password expired unused, or the only admin forgot theirs). Gives the
// account (default `admin`) a new temporary password, active and with the admin role, ends its sessions and
// prints the password once.
import { join, resolve } from 'node:path';
import { loadConfig } from './config';
import { DATABASE_FILE, DataFolderInUse, openDataFolder } from './dataFolder';
import { appendEvent, deleteUserSessions, openDatabase, setUserActive, setUserPassword, type Db } from './db/index';
import { generatePassword, hashPasswordSync, PASSWORD_COST, tempPasswordExpiry } from './passwords';

export function resetAdmin(dataDir: string, username: string, now = new Date()): { password: string; expiresAt: string } {
  const folder = openDataFolder(dataDir);
  let db: Db | undefined;
  try {
    db = openDatabase(join(dataDir, DATABASE_FILE), undefined, true).db;
    const row = db.prepare('SELECT id FROM users WHERE username = ? COLLATE NOCASE').get(username) as { id: number } | undefined;
    if (!row) throw new Error(`Akun "${username}" tidak ada / no account "${username}"`);
    const password = generatePassword();
    const expiresAt = tempPasswordExpiry(now);
    const open = db;
    open.transaction(() => {
      setUserPassword(open, row.id, hashPasswordSync(password, PASSWORD_COST), expiresAt);
      setUserActive(open, row.id, true);
      open.prepare(`UPDATE users SET role = 'admin' WHERE id = ?`).run(row.id);
      deleteUserSessions(open, row.id);
      appendEvent(open, { at: now.toISOString(), type: 'admin.user.resetFromConsole', userId: row.id, data: { username } });
    }).immediate();
    return { password, expiresAt };
  } finally {
    db?.close();
    folder.release();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const username = process.argv[2] ?? 'admin';
  try {
    const { password, expiresAt } = resetAdmin(loadConfig().dataDir, username);
    console.log(`Kata sandi sementara / temporary password for ${username}: ${password}`);
    console.log(`(berlaku sampai / valid until ${expiresAt}; ganti saat masuk / set your own at sign-in)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    if (e instanceof DataFolderInUse) console.error('Hentikan hub dulu / stop the hub first.');
    process.exit(1);
  }
}
