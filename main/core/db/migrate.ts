// Brings a database to the latest schema (or a given version), each migration in its own transaction.
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/list';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(`The database has schema version ${found}, newer than this MagFlow knows (${known}). Update MagFlow.`);
    this.name = 'NewerSchemaError';
  }
}

/** Applies pending migrations up to `target`; returns the versions applied. Running it again is a no-op. */
export function migrate(
  db: Database.Database,
  target: number = MIGRATIONS.length,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new NewerSchemaError(current, migrations.length);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
