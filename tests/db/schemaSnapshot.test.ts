// The checked schema: main/core/db/schema.sql is what the migrations build, from an empty database and from a database
// left at every older version, so the current schema is read in one file instead of replayed from the migrations.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openDatabase, schemaVersion } from '../../main/core/db';
import { SCHEMA_FILE, schemaSnapshot } from '../../scripts/schemaSnapshot';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-schema-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const checked = () => readFileSync(SCHEMA_FILE, 'utf8');

describe('schema snapshot', () => {
  it(`is the schema at the latest version (${LATEST_VERSION}); \`npm run db:schema\` regenerates it`, () => {
    expect(checked()).toContain(`PRAGMA user_version = ${LATEST_VERSION};`);
    const db = openDatabase(':memory:');
    expect(schemaSnapshot(db)).toBe(checked());
    db.close();
  });

  it.each(Array.from({ length: LATEST_VERSION }, (_, version) => version))(
    'is what a database left at version %i becomes when the current MagFlow opens it',
    (version) => {
      const path = join(dir, 'magflow.db');
      const old = openDatabase(path, { migrateTo: version });
      expect(schemaVersion(old)).toBe(version);
      old.close();
      const db = openDatabase(path);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(schemaSnapshot(db)).toBe(checked());
      db.close();
    },
  );
});
