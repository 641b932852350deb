// The electron-vite main bundle (out/main, built by `npm run build`, which `npm test` runs first) carries the
// database worker as its own file beside index.js, where index.js looks for it, and that file runs a check and a
// backup on its own (under Node here; the packaged app loads it from app.asar, which Electron supports for workers).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { checkDatabaseFile } from '../../main/core/db/check';
import { dbWorkerScript, runOffThread } from '../../main/core/db/worker/offThread';
import { addAccount, orderRecord } from '../support/records';
import { tempDirForSuite } from '../support/tempDir';

const OUT_MAIN = join(__dirname, '..', '..', 'out', 'main');
const root = tempDirForSuite('magflow-main-worker-');

describe('the main bundle and its database worker', () => {
  it('out/main/dbWorker.js sits beside index.js, which looks for it there, and runs checks and backups', async () => {
    if (!existsSync(join(OUT_MAIN, 'index.js'))) throw new Error('out/main is not built: run `npm run build` first');
    const script = dbWorkerScript(OUT_MAIN);
    expect(script).toBe(join(OUT_MAIN, 'dbWorker.js'));
    // index.js finds the worker with the same code, relative to its own folder (not a chunk's).
    const index = readFileSync(join(OUT_MAIN, 'index.js'), 'utf8');
    expect(index).toMatch(/function dbWorkerScript\(dir = __dirname\)/);
    expect(index).toContain('"dbWorker.js"');

    const dbPath = join(root, 'magflow.db');
    const db = openDatabase(dbPath);
    const repos = createRepositories(db, systemClock);
    const account = addAccount(repos, 'MAIN');
    repos.orders.upsertMany(Array.from({ length: 100 }, (_, i) => orderRecord(account.id, i + 1)));
    expect(await runOffThread({ kind: 'check', path: dbPath, depth: 'quick' }, { script })).toBe('ok');
    const outcome = await runOffThread(
      { kind: 'backup', dbPath, dir: join(root, 'backups'), day: '2026-11-23', keep: 7 },
      { script },
    );
    db.close();
    expect(outcome.created?.path).toBe(join(root, 'backups', 'magflow-2026-11-23.db'));
    expect(checkDatabaseFile(outcome.created!.path)).toBe('ok');
  });
});
