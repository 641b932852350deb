// Daily online backups of the database (SQLite's backup API, safe while MagFlow writes) and the restore path.
// A backup is written to a temporary name, checked, then renamed: a crash mid-backup never leaves a bad copy
// under a backup's name. The last `keep` daily copies are kept.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '../clock';
import type { Db } from './open';

export const BACKUP_KEEP = 7;
const PREFIX = 'magflow-';
const SUFFIX = '.db';
const NAME = /^magflow-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupFile {
  path: string;
  /** The UTC day it was taken (YYYY-MM-DD). */
  day: string;
  bytes: number;
}

export interface BackupOutcome {
  /** The backup taken now, or null when today's already existed. */
  created: BackupFile | null;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
}

/** Removes a leftover file; never throws (it runs while reporting another failure). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to clean up, or the folder itself is the problem: the caller reports that
  }
}

export class BackupError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** Backups in the folder, newest first. Files that do not look like MagFlow backups are ignored. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ path: join(dir, name), day: match[1]!, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => b.day.localeCompare(a.day));
}

/** Opens a copy read-only and runs integrity_check on it: 'ok' or what is wrong. */
export function checkDatabaseFile(path: string): string {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    return problems.length === 0 ? 'ok' : problems.slice(0, 5).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/**
 * Takes today's backup unless it exists, then keeps the newest `keep`. Online: the app goes on writing meanwhile.
 * Throws BackupError (with the reason) when the copy cannot be made or does not check out.
 */
export async function dailyBackup(
  db: Db,
  dir: string,
  options: { clock: Clock; keep?: number },
): Promise<BackupOutcome> {
  const keep = Math.max(1, options.keep ?? BACKUP_KEEP);
  const day = options.clock.now().toISOString().slice(0, 10);
  const target = join(dir, `${PREFIX}${day}${SUFFIX}`);
  let created: BackupFile | null = null;
  if (!existsSync(target)) {
    const temp = `${target}.partial`;
    try {
      mkdirSync(dir, { recursive: true });
      rmSync(temp, { force: true });
      await db.backup(temp);
    } catch (error) {
      removeQuietly(temp);
      throw new BackupError(`The daily database backup could not be written to ${dir}: ${String(error)}`, {
        cause: error,
      });
    }
    const check = checkDatabaseFile(temp);
    if (check !== 'ok') {
      removeQuietly(temp);
      throw new BackupError(`The daily database backup did not pass its integrity check: ${check}`);
    }
    renameSync(temp, target);
    created = { path: target, day, bytes: statSync(target).size };
  }
  const removed = listBackups(dir)
    .slice(keep)
    .map((old) => {
      rmSync(old.path, { force: true });
      return old.path;
    });
  return { created, removed };
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
