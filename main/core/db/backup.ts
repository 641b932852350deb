// Daily online backups of the database and the restore path. The backup itself (SQLite's backup API, then an
// integrity_check of the copy) runs in the database worker (worker/writeBackup.ts) with its own connection, so the
// app's main thread goes on answering while a large database is copied and checked. The last `keep` copies are kept.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Clock } from '../clock';
import { BACKUP_KEEP, BackupError, type BackupOutcome } from './backupFiles';
import { checkDatabaseFile } from './check';
import { runOffThread } from './worker/offThread';

export { BACKUP_KEEP, BackupError, listBackups, type BackupFile, type BackupOutcome } from './backupFiles';

/**
 * Takes today's backup of the database file `dbPath` unless it exists, then keeps the newest `keep`. Online: the app
 * goes on writing meanwhile. Throws BackupError (with the reason) when the copy cannot be made or does not check
 * out; the signal (the maintenance run's) stops the worker.
 */
export async function dailyBackup(
  dbPath: string,
  dir: string,
  options: { clock: Clock; keep?: number; signal?: AbortSignal },
): Promise<BackupOutcome> {
  const task = {
    kind: 'backup' as const,
    dbPath,
    dir,
    day: options.clock.now().toISOString().slice(0, 10),
    keep: Math.max(1, options.keep ?? BACKUP_KEEP),
  };
  try {
    return await runOffThread(task, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof Error && error.name === 'BackupError') throw new BackupError(error.message);
    throw new BackupError(`The daily database backup failed: ${String(error)}`, { cause: error });
  }
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** Where the database that was replaced now lives (nothing is thrown away), or null if there was none. */
  previousSavedAs: string | null;
}

/**
 * Replaces the database file with a backup. The database must be closed (MagFlow not running on it). The backup is
 * checked first; the current file (and its WAL) is moved aside, not deleted, so a restore can itself be undone.
 */
export function restoreBackup(dbPath: string, backupPath: string, clock: Clock): RestoreOutcome {
  const check = checkDatabaseFile(backupPath);
  if (check !== 'ok') throw new BackupError(`The backup ${basename(backupPath)} cannot be restored: ${check}`);
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  let previousSavedAs: string | null = null;
  if (existsSync(dbPath)) {
    previousSavedAs = `${dbPath}.before-restore-${stamp}`;
    renameSync(dbPath, previousSavedAs);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(dbPath + suffix)) continue;
    if (previousSavedAs) renameSync(dbPath + suffix, previousSavedAs + suffix);
    else rmSync(dbPath + suffix, { force: true });
  }
  const temp = `${dbPath}.restoring`;
  copyFileSync(backupPath, temp);
  renameSync(temp, dbPath);
  return { restoredFrom: backupPath, previousSavedAs };
}
