// The database worker (main/core/db/worker): integrity checks and backups run in a worker thread with a connection
// of their own, the main thread keeps turning meanwhile, a cancelled task stops its worker, and a missing worker
// script is a clear error rather than a silent fallback to the main thread.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { createRepositories, openDatabase } from '../../main/core/db';
import { dailyBackup, listBackups } from '../../main/core/db/backup';
import { checkDatabaseFile } from '../../main/core/db/check';
import { dbWorkerScript, runOffThread } from '../../main/core/db/worker/offThread';
import { createMagflowCore } from '../../main/core/magflow';
import { addAccount, orderRecord } from '../support/records';
import { tempDirForSuite } from '../support/tempDir';

const root = tempDirForSuite('magflow-dbworker-');
let n = 0;
const clockAt = (iso: string) => ({ now: () => new Date(iso) });

/** A database file with `orders` orders (closed again: the worker opens its own connection). */
function databaseWith(orders: number): { dir: string; dbPath: string } {
  const dir = join(root, `db-${++n}`);
  const dbPath = join(dir, 'magflow.db');
  const db = openDatabase(dbPath);
  const repos = createRepositories(db, systemClock);
  const account = addAccount(repos, 'MAIN');
  const ids = Array.from({ length: orders }, (_, i) => i + 1);
  repos.orders.upsertMany(ids.map((id) => orderRecord(account.id, id)));
  db.close();
  return { dir, dbPath };
}

/** Runs `work` and counts the event-loop turns the main thread made before it settled. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), turns };
  } finally {
    done = true;
  }
}

describe('database worker', () => {
  it('runs quick_check and integrity_check in a worker while the main thread keeps turning', async () => {
    const { dbPath } = databaseWith(500);
    // Were the check run here, it would finish before the main thread's next turn.
    const quick = await turnsDuring(() => runOffThread({ kind: 'check', path: dbPath, depth: 'quick' }));
    expect(quick.value).toBe('ok');
    expect(quick.turns).toBeGreaterThan(0);
    expect(await runOffThread({ kind: 'check', path: dbPath, depth: 'full' })).toBe('ok');

    const good = readFileSync(dbPath);
    writeFileSync(dbPath, good.subarray(0, Math.floor(good.length / 2)));
    const damaged = await runOffThread({ kind: 'check', path: dbPath, depth: 'quick' });
    expect(damaged).not.toBe('ok');
    expect(damaged).toMatch(/malformed|corrupt|disk image|missing|never used/i);
    expect(await runOffThread({ kind: 'check', path: join(root, 'nothing.db'), depth: 'quick' })).toMatch(
      /unable to open|does not exist/i,
    );
  });

  it('takes the daily backup in a worker: checked, once a day, the newest 7 kept, leftovers removed', async () => {
    const { dir, dbPath } = databaseWith(300);
    const backups = join(dir, 'backups');
    const first = await turnsDuring(() => dailyBackup(dbPath, backups, { clock: clockAt('2026-11-01T03:00:00Z') }));
    expect(first.turns).toBeGreaterThan(0);
    expect(first.value.created).toMatchObject({ day: '2026-11-01' });
    expect(checkDatabaseFile(first.value.created!.path)).toBe('ok');
    const copy = openDatabase(first.value.created!.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 300 });
    copy.close();

    const again = await dailyBackup(dbPath, backups, { clock: clockAt('2026-11-01T23:00:00Z') });
    expect(again).toEqual({ created: null, removed: [] });

    // A copy a crash cut short two days ago goes; one being written right now (by another process) stays.
    const abandoned = join(backups, 'magflow-2026-11-01.db.4242.partial');
    writeFileSync(abandoned, 'cut short by a crash');
    utimesSync(abandoned, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    const inProgress = join(backups, 'magflow-2026-11-02.db.4343.partial');
    writeFileSync(inProgress, 'being written by `magflow backups now`');
    for (let day = 2; day <= 9; day++) {
      await dailyBackup(dbPath, backups, { clock: clockAt(`2026-11-0${day}T03:00:00Z`) });
    }
    expect(listBackups(backups).map((b) => b.day)).toEqual([
      '2026-11-09',
      '2026-11-08',
      '2026-11-07',
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ]);
    // Nothing else beside the backups: each is one self-contained file (no -wal/-shm left by its check).
    expect(readdirSync(backups).filter((name) => !/^magflow-\d{4}-\d\d-\d\d\.db$/.test(name))).toEqual([
      'magflow-2026-11-02.db.4343.partial',
    ]);
  });

  it('a cancelled backup stops its worker, rejects with the reason and leaves no backup behind', async () => {
    const { dir, dbPath } = databaseWith(2_000);
    const backups = join(dir, 'backups');
    const controller = new AbortController();
    const taking = dailyBackup(dbPath, backups, { clock: systemClock, signal: controller.signal });
    controller.abort(new Error('run stopped'));
    await expect(taking).rejects.toThrow('run stopped');
    expect(listBackups(backups)).toEqual([]);
    await expect(
      runOffThread({ kind: 'check', path: dbPath, depth: 'quick' }, { signal: controller.signal }),
    ).rejects.toThrow('run stopped');
    // The next one starts clean.
    const next = await dailyBackup(dbPath, backups, { clock: systemClock });
    expect(next.created).not.toBeNull();
    expect(readdirSync(backups).filter((name) => !name.endsWith('.partial'))).toEqual([
      `magflow-${next.created!.day}.db`,
    ]);
  });

  it('says so when the worker script is missing or cannot start, never checking on the main thread instead', async () => {
    expect(() => dbWorkerScript(root)).toThrow(/database worker script is missing next to/);
    const { dbPath } = databaseWith(1);
    await expect(
      runOffThread({ kind: 'check', path: dbPath, depth: 'quick' }, { script: join(root, 'dbWorker.js') }),
    ).rejects.toThrow(/Cannot find module/);
    const backupError = dailyBackup(dbPath, join(root, 'db-1', 'magflow.db', 'not-a-folder'), {
      clock: systemClock,
    });
    await expect(backupError).rejects.toThrow(/daily database backup could not be written/);
  });

  it('the core runs the health check and the maintenance backup through it', async () => {
    const { dir } = databaseWith(50);
    const core = await createMagflowCore({ dataDir: dir, demo: false });
    try {
      const health = await core.engine.runJob('health', null, 'manual');
      expect(health.status).toBe('completed');
      expect(core.engine.healthReport().database).toEqual({ ok: true, message: null });
      const maintenance = await core.engine.runJob('maintenance', null, 'manual');
      expect(maintenance.status, maintenance.error ?? '').toBe('completed');
      expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
    } finally {
      await core.stop();
    }
  });
});
