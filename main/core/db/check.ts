// SQLite's own consistency checks on a database file, through a connection of their own (read-only). They read the
// whole file, so on a large database they take long: the app runs them in the database worker (worker/), never
// on the main thread.
import Database from 'better-sqlite3';

/** `quick`: PRAGMA quick_check (structure, no index-to-table cross-check); `full`: PRAGMA integrity_check. */
export type CheckDepth = 'quick' | 'full';

/** 'ok', or what is wrong (the first five problems), or why the file could not be read. */
export function checkDatabaseFile(path: string, depth: CheckDepth = 'full'): string {
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
    const rows = db.pragma(pragma, { simple: false }) as Record<string, string>[];
    const problems = rows.map((row) => String(Object.values(row)[0])).filter((text) => text !== 'ok');
    return problems.length === 0 ? 'ok' : problems.slice(0, 5).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}
