// `npm run db:schema`: migrates an empty in-memory database to the latest version and writes main/core/db/schema.sql.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { openDatabase } from '../main/core/db';
import { SCHEMA_FILE, schemaSnapshot } from './schemaSnapshot';

const db = openDatabase(':memory:');
writeFileSync(SCHEMA_FILE, schemaSnapshot(db));
db.close();
process.stdout.write(`wrote ${relative(process.cwd(), SCHEMA_FILE)}\n`);
