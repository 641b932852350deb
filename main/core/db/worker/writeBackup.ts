// Writing a daily backup, in the database worker: SQLite's online backup through the worker's own read-only
// connection (MagFlow keeps writing meanwhile), under a temporary name, checked with integrity_check, then renamed;
// the newest `keep` are kept. A crash or a cancelled run never leaves a bad copy under a backup's name.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseFile } from '../check';
import {
  backupPath,
  BackupError,
  listBackups,
  PARTIAL_SUFFIX,
  type BackupFile,
  type BackupOutcome,
} from '../backupFiles';

export interface BackupTask {
  dbPath: string;
  dir: string;
  /** The UTC day the backup is for (YYYY-MM-DD): the main thread's clock decides, so tests can move it. */
  day: string;
  keep: number;
}

/** Every remaining page in one step: one read transaction, so a write by the app cannot restart the copy. */
const ALL_PAGES = 0x7fffffff;

/** Removes a leftover file; never throws (it runs while reporting another failure). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to clean up, or the folder itself is the problem: the caller reports that
  }
}

export async function writeBackup(task: BackupTask): Promise<BackupOutcome> {
  const target = backupPath(task.dir, task.day);
  let created: BackupFile | null = null;
  if (!existsSync(target)) {
    const temp = `${target}${PARTIAL_SUFFIX}`;
    let source: Database.Database | undefined;
    try {
      mkdirSync(task.dir, { recursive: true });
      // Copies cut short earlier (a crash, a cancelled run) are never finished: start clean.
      for (const name of readdirSync(task.dir).filter((n) => n.endsWith(PARTIAL_SUFFIX))) {
        removeQuietly(join(task.dir, name));
      }
      source = new Database(task.dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
      await source.backup(temp, { progress: () => ALL_PAGES });
    } catch (error) {
      removeQuietly(temp);
      throw new BackupError(`The daily database backup could not be written to ${task.dir}: ${String(error)}`, {
        cause: error,
      });
    } finally {
      source?.close();
    }
    const check = checkDatabaseFile(temp, 'full');
    if (check !== 'ok') {
      removeQuietly(temp);
      throw new BackupError(`The daily database backup did not pass its integrity check: ${check}`);
    }
    renameSync(temp, target);
    created = { path: target, day: task.day, bytes: statSync(target).size };
  }
  const removed = listBackups(task.dir)
    .slice(task.keep)
    .map((old) => {
      rmSync(old.path, { force: true });
      return old.path;
    });
  return { created, removed };
}
