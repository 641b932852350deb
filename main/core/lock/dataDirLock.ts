// One data folder, one syncing process. The desktop app and the CLI commands that sync or replace the database (run,
// sync, serve, demo, backups restore) take this lock before opening the database; a second one is refused at once,
// with the holder named. Read-only commands never take it.
//
// The lock is an OS file lock on `magflow.lock`, taken through SQLite: an exclusive transaction on an empty database
// file, held open for the life of the process. The OS drops it however the process ends (kill -9, a crash, power
// loss), so a lock is never stale and a pid reused after a reboot never looks like a holder. Who holds it is told by
// a JSON record beside it (holder.ts), which decides nothing. The lock file itself is never deleted: a process that
// deleted it while it is held would let the next one lock a new file next to the old lock.
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describeHolder, readHolder, removeHolder, thisProcessHolder, writeHolder, type LockHolder } from './holder';

export const LOCK_FILE = 'magflow.lock';
export const HOLDER_FILE = 'magflow.lock.json';
/** A `magflow status` probing the lock holds it for a moment; a process taking it waits this long for that. */
const ACQUIRE_WAIT_MS = 300;

/** Another process holds the folder. */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(`the data folder ${dataDir} is in use by ${describeHolder(holder)}`);
  }
}

/** The lock cannot be taken at all (permissions, a file where the folder should be...). */
export class DataDirLockError extends Error {
  override readonly name = 'DataDirLockError';
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly holder: LockHolder;
  /** The record of a holder that ended without releasing (killed, crashed), if one was left. */
  readonly tookOverFrom: LockHolder | null;
  /** Removes the holder record and drops the lock; safe to call twice. */
  release(): void;
}

/** The locks this process holds: their connections must stay referenced (and open) as long as the lock. */
const held = new Set<DataDirLock>();

const sqliteCode = (error: unknown): string => (error as { code?: string }).code ?? '';

function tryExclusive(path: string): Database.Database | 'busy' | 'not-a-lock-file' {
  const db = new Database(path, { timeout: ACQUIRE_WAIT_MS });
  try {
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'not-a-lock-file';
    throw error;
  }
}

/** A lock file this user cannot open belongs to someone else: say so rather than SQLite's "unable to open". */
function checkUsable(dataDir: string, path: string): void {
  if (!existsSync(path)) return;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    const owner = statSync(path).uid;
    throw new DataDirLockError(
      `cannot lock the data folder ${dataDir}: its lock file ${LOCK_FILE} belongs to another user (uid ${owner}); ` +
        `was MagFlow started there as another user (e.g. with sudo)? Remove ${path} as that user`,
    );
  }
}

/**
 * Takes the data folder's lock for `command` (how a person would name this process: 'magflow sync', 'the MagFlow
 * desktop app'). Throws DataDirBusyError when another process holds it, DataDirLockError when it cannot be taken.
 */
export function lockDataDir(dataDir: string, command: string, options: { now?: Date } = {}): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const holderPath = join(dataDir, HOLDER_FILE);
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    checkUsable(dataDir, path);
    let attempt = tryExclusive(path);
    if (attempt === 'not-a-lock-file') {
      // Not written by MagFlow (it keeps the file empty). Nobody can hold an SQLite lock on such a file (SQLite
      // reads it before granting one), so emptying it is safe; whoever races us here empties it too.
      truncateSync(path, 0);
      attempt = tryExclusive(path);
    }
    if (attempt === 'busy') throw new DataDirBusyError(dataDir, readHolder(holderPath));
    if (attempt === 'not-a-lock-file') throw new Error(`${path} keeps changing under MagFlow`);
    db = attempt;
  } catch (error) {
    if (error instanceof DataDirBusyError || error instanceof DataDirLockError) throw error;
    const reason = sqliteCode(error).startsWith('SQLITE_CANTOPEN')
      ? 'the folder is not writable'
      : error instanceof Error
        ? error.message
        : String(error);
    throw new DataDirLockError(`cannot lock the data folder ${dataDir}: ${reason}`);
  }

  const previous = readHolder(holderPath);
  const holder = thisProcessHolder(command, options.now ?? new Date());
  try {
    writeHolder(holderPath, holder);
  } catch (error) {
    db.close();
    throw new DataDirLockError(`cannot lock the data folder ${dataDir}: ${(error as Error).message}`);
  }
  let released = false;
  const lock: DataDirLock = {
    dataDir,
    holder,
    tookOverFrom: previous,
    release() {
      if (released) return;
      released = true;
      held.delete(lock);
      process.off('exit', lock.release);
      // The record first: once the lock is dropped, the next holder's record must not be removed by us.
      const record = readHolder(holderPath);
      if (record?.pid === holder.pid && record.since === holder.since) removeHolder(holderPath);
      db.close(); // ends the transaction: the OS lock is dropped
    },
  };
  held.add(lock);
  process.once('exit', lock.release);
  return lock;
}

export type LockState = { held: false } | { held: true; holder: LockHolder | null };

/**
 * Whether some process holds the folder, without taking it: a read needs a shared lock, which the holder's
 * exclusive one refuses. For `magflow status`; never blocks.
 */
export function dataDirLockState(dataDir: string): LockState {
  const path = join(dataDir, LOCK_FILE);
  if (!existsSync(path)) return { held: false };
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return { held: false };
  } catch (error) {
    const code = sqliteCode(error);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return { held: true, holder: readHolder(join(dataDir, HOLDER_FILE)) };
    }
    return { held: false }; // not a lock file (no one can hold it) or unreadable to us: nothing to report
  } finally {
    db?.close();
  }
}

export { describeHolder, localTime, type LockHolder } from './holder';
