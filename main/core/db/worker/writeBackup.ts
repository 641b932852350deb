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
const ABANDONED_AFTER_MS = 86_400_000;

/** Removes a leftover file; never throws (it runs while reporting another failure). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to clean up, or the folder itself is the problem: the caller reports that
  }
}

/**
 * The copy carries the database's WAL mode in its header; opening it in that mode leaves `-wal`/`-shm` files beside
 * it. A backup is one file: switch it to the rollback journal before anything else reads it.
 */
function selfContained(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

const removeCopy = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(path + suffix);
};

/** Copies cut short (a crash, a cancelled run) are never finished; one untouched for a day is nobody's any more. */
function removeAbandonedCopies(dir: string): void {
  const dayAgo = Date.now() - ABANDONED_AFTER_MS;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(PARTIAL_SUFFIX))) {
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < dayAgo) removeCopy(path);
    } catch {
      // gone meanwhile
    }
  }
}

export async function writeBackup(task: BackupTask): Promise<BackupOutcome> {
  const target = backupPath(task.dir, task.day);
  let created: BackupFile | null = null;
  if (!existsSync(target)) {
    // Unique per process: `magflow backups now` may run while the app takes its own.
    const temp = `${target}.${process.pid}${PARTIAL_SUFFIX}`;
    let source: Database.Database | undefined;
    try {
      mkdirSync(task.dir, { recursive: true });
      removeAbandonedCopies(task.dir);
      source = new Database(task.dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
      await source.backup(temp, { progress: () => ALL_PAGES });
      selfContained(temp);
    } catch (error) {
      removeCopy(temp);
      throw new BackupError(`The daily database backup could not be written to ${task.dir}: ${String(error)}`, {
        cause: error,
      });
    } finally {
      source?.close();
    }
    const check = checkDatabaseFile(temp, 'full');
    if (check !== 'ok') {
      removeCopy(temp);
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
