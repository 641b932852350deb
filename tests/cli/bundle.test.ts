// The built `magflow` bin (out/cli/magflow.cjs, what package.json's "bin" installs) and its database worker: a
// backup and a health check really run in out/cli/dbWorker.cjs; without that file they fail loudly, so a build that
// leaves the worker out cannot pass for one that has it.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { checkDatabaseFile } from '../../main/core/db/check';
import { addAccount, orderRecord } from '../support/records';
import { tempDirForSuite } from '../support/tempDir';
import { finished, REPO } from './helpers';

const BIN = join(REPO, 'out', 'cli', 'magflow.cjs');
/** A copy of the bin alone, inside the checkout so it still finds node_modules. */
const LONE_BIN_DIR = join(REPO, 'out', 'cli-without-worker');

const root = tempDirForSuite('magflow-bundle-');

const runBin = (bin: string, dataDir: string, args: string[]) =>
  finished(
    spawn(process.execPath, [bin, '--data-dir', dataDir, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

describe('the built CLI bundle and its database worker', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: REPO, stdio: 'inherit' });
  }, 120_000);
  afterAll(() => rmSync(LONE_BIN_DIR, { recursive: true, force: true }));

  it('backups now and the health check run in out/cli/dbWorker.cjs', async () => {
    expect(existsSync(join(REPO, 'out', 'cli', 'dbWorker.cjs'))).toBe(true);
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const db = openDatabase(join(dataDir, 'magflow.db'));
    const repos = createRepositories(db, systemClock);
    const account = addAccount(repos, 'MAIN');
    repos.orders.upsertMany(Array.from({ length: 200 }, (_, i) => orderRecord(account.id, i + 1)));
    db.prepare('UPDATE accounts SET enabled = 0').run(); // health then checks the database alone
    db.close();

    const backup = await runBin(BIN, dataDir, ['backups', 'now', '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    const outcome = JSON.parse(backup.stdout) as { created: { path: string; day: string } };
    expect(outcome.created.path).toBe(join(dataDir, 'backups', `magflow-${outcome.created.day}.db`));
    expect(checkDatabaseFile(outcome.created.path)).toBe('ok');
    const copy = openDatabase(outcome.created.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 200 });
    copy.close();

    const health = await runBin(BIN, dataDir, ['sync', '--job', 'health', '--json']);
    expect(health.code, health.stderr).toBe(0);
    // `failed` counts the checks that failed: the database check among them (it could not run without the worker).
    expect((JSON.parse(health.stdout) as { runs: unknown[] }).runs[0]).toMatchObject({
      status: 'completed',
      failed: 0,
    });
  });

  it('without its worker file the bundle refuses to back up, naming what is missing', async () => {
    mkdirSync(LONE_BIN_DIR, { recursive: true });
    const lone = join(LONE_BIN_DIR, 'magflow.cjs');
    copyFileSync(BIN, lone);
    const dataDir = join(root, 'lone');
    const result = await runBin(lone, dataDir, ['backups', 'now']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^magflow: .*database worker script is missing next to .*cli-without-worker/);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    const health = await runBin(lone, dataDir, ['sync', '--job', 'health', '--json']);
    expect((JSON.parse(health.stdout) as { runs: unknown[] }).runs[0]).toMatchObject({ failed: 1 });
  });
});
