// Storage faults: a read-only data folder, a damaged database at start and a full disk during a write each end in
// a clear message with the last good data kept; daily online backups keep the last 7 and restore works.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OrdersQuerySchema } from '../../shared/ipc';
import { createRepositories, DatabaseOpenError, openDatabase } from '../../main/core/db';
import { dailyBackup, listBackups, restoreBackup } from '../../main/core/db/backup';
import { checkDatabaseFile } from '../../main/core/db/check';
import { createMagflowCore, DATABASE_FILE } from '../../main/core/magflow';
import { addAccount, orderRecord } from '../support/records';
import { createHarness } from '../sync/harness';
import { Invariants } from './support/report';
import { lastJson, runFixtureSync, UNPRIVILEGED } from './support/spawn';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'magflow-storage-'));
  chmodSync(dir, 0o755); // an unprivileged child must reach it
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A data folder with a real database holding `count` orders of one account. */
async function populatedFolder(count: number): Promise<{ dir: string; dbPath: string }> {
  const dir = tempDir();
  const core = await createMagflowCore({ dataDir: dir, demo: false });
  const account = addAccount(core.repos, 'MAIN');
  core.repos.orders.upsertMany(Array.from({ length: count }, (_, i) => orderRecord(account.id, i + 1)));
  await core.stop();
  return { dir, dbPath: join(dir, DATABASE_FILE) };
}

const clockAt = (iso: string) => ({ now: () => new Date(iso) });

describe('storage faults', () => {
  const inv = new Invariants('storage faults + backups');

  afterAll(() => {
    expect(inv.finish()).toEqual([]);
  });

  it('refuses a read-only data folder with a clear message and leaves the data as it was', async () => {
    inv.inject(`read-only data folder (child run as ${'uid' in UNPRIVILEGED ? 'uid 65534' : 'this user'})`);
    const empty = tempDir();
    chmodSync(empty, 0o555);
    const fresh = lastJson<{ ok: boolean; reason: string | null; message: string }>(
      runFixtureSync('openDataFolder.ts', [empty], { unprivileged: true }).stdout,
    );
    inv.check('read-only empty folder refused as unwritable', !fresh.ok && fresh.reason === 'unwritable', () =>
      JSON.stringify(fresh),
    );
    inv.check('message names the folder problem', /not writable/.test(fresh.message), () => fresh.message);

    const { dir, dbPath } = await populatedFolder(25);
    const before = sha(dbPath);
    chmodSync(dbPath, 0o444);
    chmodSync(dir, 0o555);
    const existing = lastJson<{ ok: boolean; reason: string | null; message: string; orders?: number }>(
      runFixtureSync('openDataFolder.ts', [dir], { unprivileged: true }).stdout,
    );
    chmodSync(dir, 0o755);
    chmodSync(dbPath, 0o644);
    inv.check(
      'read-only folder with data: refused clearly, nothing silently lost',
      (!existing.ok && existing.reason === 'unwritable') || (existing.ok && existing.orders === 25),
      () => JSON.stringify(existing),
    );
    inv.check('database file untouched after the refusal', sha(dbPath) === before);
    const reopened = openDatabase(dbPath);
    inv.check(
      'all orders still there',
      (reopened.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n === 25,
    );
    reopened.close();
  });

  it('refuses a damaged database at start without touching it, and restores the last backup', async () => {
    inv.inject('database header overwritten; database truncated to half');
    const { dir, dbPath } = await populatedFolder(40);
    // Take a backup through the maintenance job, as the scheduler does daily.
    const core = await createMagflowCore({ dataDir: dir, demo: false });
    const run = await core.engine.runJob('maintenance', null, 'manual');
    await core.stop();
    inv.check('maintenance run completed', run.status === 'completed', () => `${run.status}: ${run.error}`);
    const backups = listBackups(join(dir, 'backups'));
    inv.check('maintenance took a daily backup', backups.length === 1, () => `${backups.length} backups`);

    for (const damage of ['header', 'truncate'] as const) {
      const good = readFileSync(dbPath);
      if (damage === 'header') {
        const bad = Buffer.from(good);
        bad.write('NOT A DATABASE!!', 0, 'latin1');
        writeFileSync(dbPath, bad);
      } else {
        writeFileSync(dbPath, good.subarray(0, Math.floor(good.length / 2)));
      }
      const damaged = sha(dbPath);
      let error: unknown = null;
      try {
        const opened = await createMagflowCore({ dataDir: dir, demo: false });
        // A truncated file can open; then the integrity check must see it.
        const check = opened.repos.quickCheck();
        await opened.stop();
        if (check !== 'ok') error = new DatabaseOpenError(dbPath, 'corrupt', new Error(check));
      } catch (caught) {
        error = caught;
      }
      inv.check(
        `${damage}: reported as a damaged database`,
        error instanceof DatabaseOpenError && error.reason === 'corrupt',
        () => String(error),
      );
      inv.check(`${damage}: message says the file is damaged`, /damaged/.test(String((error as Error)?.message)));
      inv.check(`${damage}: damaged file left as it was (evidence kept)`, sha(dbPath) === damaged);

      const restored = restoreBackup(dbPath, backups[0]!.path, clockAt(new Date().toISOString()));
      inv.check(
        `${damage}: the replaced file is kept aside`,
        restored.previousSavedAs !== null && existsSync(restored.previousSavedAs),
      );
      const back = await createMagflowCore({ dataDir: dir, demo: false });
      const account = back.repos.accounts.list()[0];
      inv.check(
        `${damage}: restore brings every order back`,
        account !== undefined && back.repos.orders.countByAccount(account.id) === 40,
      );
      await back.stop();
    }

    let refused: unknown = null;
    const junk = join(dir, 'backups', 'magflow-2020-01-01.db');
    writeFileSync(junk, 'not a backup');
    try {
      restoreBackup(dbPath, junk, clockAt('2026-11-23T10:00:00Z'));
    } catch (caught) {
      refused = caught;
    }
    inv.check('a damaged backup is refused before anything is replaced', refused instanceof Error);
    inv.check('the database still opens after a refused restore', checkDatabaseFile(dbPath) === 'ok');
  });

  it('keeps the last 7 daily backups, one per day, consistent while writes go on', async () => {
    inv.inject('backups taken while 2,000 orders are being written');
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE));
    const repos = createRepositories(db, clockAt('2026-11-23T10:00:00Z'));
    const account = addAccount(repos, 'MAIN');
    const target = join(dir, 'backups');
    for (let day = 1; day <= 10; day++) {
      const clock = clockAt(`2026-11-${String(day).padStart(2, '0')}T03:00:00Z`);
      const backup = dailyBackup(join(dir, DATABASE_FILE), target, { clock });
      // Writes interleave with the online backup's steps.
      for (let i = 0; i < 200; i++) repos.orders.upsertMany([orderRecord(account.id, day * 1000 + i)]);
      const outcome = await backup;
      inv.check('each day gets one backup', outcome.created !== null);
      const again = await dailyBackup(join(dir, DATABASE_FILE), target, { clock });
      inv.check('a second run the same day takes none', again.created === null);
    }
    const kept = listBackups(target);
    inv.check('only the last 7 are kept', kept.length === 7, () => kept.map((b) => b.day).join(','));
    inv.check('the newest are the ones kept', kept[0]?.day === '2026-11-10' && kept[6]?.day === '2026-11-04');
    inv.check(
      'every kept backup passes integrity_check',
      kept.every((b) => checkDatabaseFile(b.path) === 'ok'),
    );
    db.close();

    // A backup that cannot be written fails the maintenance run with its reason (sync history shows it).
    const blocked = tempDir();
    writeFileSync(join(blocked, 'not-a-folder'), 'x');
    const core = await createMagflowCore({ dataDir: blocked, demo: false, backupDir: join(blocked, 'not-a-folder') });
    const run = await core.engine.runJob('maintenance', null, 'manual');
    const history = core.repos.syncRuns.list({ status: 'failed', limit: 5 }).rows;
    await core.stop();
    inv.check('an impossible backup fails the maintenance run', run.status === 'failed', () => run.status);
    inv.check(
      'the failure and its reason are in the sync history',
      history.some((r) => r.job === 'maintenance' && /backup/i.test(r.error ?? '')),
    );
  });

  it('stops a write on a full disk with a clear error and keeps every committed order', async () => {
    inv.inject('disk full during a sync write (max_page_count)');
    const dir = tempDir();
    const main = { username: 'full-main', password: 'full-secret', kind: 'main' as const, orders: 300, offers: 2 };
    const h = await createHarness({ accounts: [main], seed: 5, dbPath: join(dir, DATABASE_FILE) });
    try {
      const accountId = h.accounts[main.username]!.id;
      await h.engine.runJob('order-changes', accountId, 'startup');
      const before = h.repos.orders.countByAccount(accountId);
      const sha1 = JSON.stringify(h.db.prepare('SELECT id, status, raw_hash FROM orders ORDER BY id').all());
      const pages = Number(h.db.pragma('page_count', { simple: true }));
      h.db.pragma(`max_page_count = ${pages + 2}`);
      const big = 'Produs foarte lung '.repeat(4000);
      h.sandbox.addOrders(main.username, 200, { customer: { name: big } } as never);
      const run = await h.engine.runJob('new-orders', accountId, 'manual');
      inv.check('the run fails rather than pretending', run.status === 'failed', () => run.status);
      inv.check('the reason says the disk is full', /full/i.test(run.error ?? ''), () => run.error ?? '');
      const after = h.repos.orders.countByAccount(accountId);
      const kept = JSON.stringify(
        h.db.prepare('SELECT id, status, raw_hash FROM orders ORDER BY id').all().slice(0, before),
      );
      inv.check(
        'orders stored before the full disk are all there, unchanged',
        after >= before && kept === sha1,
        () => `${before} -> ${after}`,
      );
      inv.check(
        'no half-stored order: every stored order has its lines',
        (
          h.db
            .prepare(
              'SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_key = o.key)',
            )
            .get() as { n: number }
        ).n === 0,
      );
      inv.check(
        'integrity_check ok after the failed write',
        String(h.db.pragma('integrity_check', { simple: true })) === 'ok',
      );
      h.db.pragma('max_page_count = 1073741823');
      const retry = await h.engine.runJob('new-orders', accountId, 'manual');
      const remote = h.sandbox.orders(main.username).filter((o) => o.status === 1).length;
      const local = h.repos.orders.list(
        OrdersQuerySchema.parse({ statuses: [1], accountIds: [accountId], limit: 1 }),
      ).total;
      inv.check(
        'once space is back, the next run stores everything',
        retry.status === 'completed' && local === remote,
        () => `${retry.status} ${local}/${remote}`,
      );
    } finally {
      await h.close();
    }
    // Also: the direct SQLite handle agrees the file is sound.
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    inv.check('file sound after reopening', String(check.pragma('quick_check', { simple: true })) === 'ok');
    check.close();
  });
});
