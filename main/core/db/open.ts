// Opens MagFlow's SQLite database with the pragmas the app relies on, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Stop at this schema version (tests of upgrades); default: latest. */
  migrateTo?: number;
  readonly?: boolean;
}

export class DatabaseOpenError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'corrupt' | 'locked' | 'unwritable' | 'newer-schema' | 'other',
    cause: unknown,
  ) {
    super(`${describe(reason)} (${path}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

function describe(reason: DatabaseOpenError['reason']): string {
  switch (reason) {
    case 'corrupt':
      return 'The MagFlow database file is damaged';
    case 'locked':
      return 'The MagFlow database is locked by another process';
    case 'unwritable':
      return 'The MagFlow data folder is not writable';
    case 'newer-schema':
      return 'The MagFlow database was written by a newer version';
    default:
      return 'The MagFlow database could not be opened';
  }
}

function classify(error: unknown): DatabaseOpenError['reason'] {
  const code = (error as { code?: string }).code ?? '';
  const name = (error as { name?: string }).name ?? '';
  if (name === 'NewerSchemaError') return 'newer-schema';
  // Extended result codes (SQLITE_READONLY_DIRECTORY, SQLITE_CORRUPT_VTAB, ...) belong to their primary code.
  const primary = (name: string): boolean => code === name || code.startsWith(`${name}_`);
  if (primary('SQLITE_CORRUPT') || primary('SQLITE_NOTADB')) return 'corrupt';
  if (primary('SQLITE_BUSY') || primary('SQLITE_LOCKED')) return 'locked';
  if (primary('SQLITE_READONLY') || primary('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS')
    return 'unwritable';
  return 'other';
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  let db: Db | undefined;
  try {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // Reading the schema touches the file header: a non-database file fails here rather than later.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) migrate(db, options.migrateTo);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(path, classify(error), error);
  }
}
