import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRepositories,
  DatabaseOpenError,
  LATEST_VERSION,
  migrate,
  openDatabase,
  schemaVersion,
} from '../../main/core/db';
import { systemClock } from '../../main/core/clock';
import { addAccount, orderRecord } from '../support/records';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'magflow-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('bring a fresh database to the latest version with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(dir, 'magflow.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .all()
      .map((t) => t.name);
    for (const table of [
      'accounts',
      'orders',
      'order_lines',
      'offers',
      'sync_runs',
      'sync_cursors',
      'outbox',
      'notifications',
      'cache',
      'settings',
      'order_search',
    ]) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('running them again is a no-op', () => {
    const path = join(dir, 'magflow.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('upgrade a database at version 1 without losing rows, and index its existing orders for search', () => {
    const path = join(dir, 'magflow.db');
    const old = openDatabase(path, { migrateTo: 1 });
    expect(schemaVersion(old)).toBe(1);
    const account = old
      .prepare(
        `INSERT INTO accounts (name, platform, kind, username, secret_ref, created_at) VALUES ('MAIN', 'emag-ro', 'main', 'u', 'ref', 'now')`,
      )
      .run().lastInsertRowid;
    old
      .prepare(
        `INSERT INTO orders (account_id, id, status, type, total_minor, currency, customer_name, created_at, modified_at,
         first_seen_at, updated_at, raw_hash, raw)
       VALUES (?, 777, 1, 3, 1000, 'RON', 'Ștefan Popescu', '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'x', 'x', 'h', '{}')`,
      )
      .run(account);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const repos = createRepositories(db, systemClock);
    expect(repos.orders.count()).toBe(1);
    expect(repos.orders.get(Number(account), 777)?.customer.name).toBe('Ștefan Popescu');
    expect(
      repos.orders.list({ search: 'stefan', sort: { field: 'created', dir: 'desc' }, offset: 0, limit: 10 }).total,
    ).toBe(1);
    db.close();
  });

  it('upgrade a version-2 database with orders: raw JSON moves to order_raw, nothing is lost, search counts stay exact', () => {
    const path = join(dir, 'magflow.db');
    const old = openDatabase(path, { migrateTo: 2 });
    const insertAccount = old.prepare(
      `INSERT INTO accounts (name, platform, kind, username, secret_ref, created_at) VALUES (?, 'emag-ro', 'main', 'u', 'ref', 'now')`,
    );
    const kept = Number(insertAccount.run('MAIN').lastInsertRowid);
    const gone = Number(insertAccount.run('OLD').lastInsertRowid);
    const insertOrder = old.prepare(
      `INSERT INTO orders (account_id, id, status, type, total_minor, currency, customer_name, created_at, modified_at,
         first_seen_at, updated_at, raw_hash, raw)
       VALUES (?, ?, 1, 3, 1000, 'RON', ?, '2026-11-01 10:00:00', '2026-11-01 10:00:00', 'x', 'x', ?, ?)`,
    );
    const insertSearch = old.prepare('INSERT INTO order_search (rowid, ref, customer, products) VALUES (?, ?, ?, ?)');
    const insertLine = old.prepare(
      `INSERT INTO order_lines (order_key, line_id, name, quantity, sale_price, currency, status)
       VALUES (?, 1, 'Telefon', 1, '10', 'RON', 1)`,
    );
    const raws = new Map<number, string>();
    for (const [accountId, id] of [
      [kept, 1],
      [kept, 2],
      [gone, 3],
    ] as const) {
      const raw = JSON.stringify({ id, customer: { name: `Client ${id}` }, vouchers: [{ id: id * 10 }] });
      raws.set(id, raw);
      const key = Number(insertOrder.run(accountId, id, `Client ${id}`, `hash-${id}`, raw).lastInsertRowid);
      insertLine.run(key);
      insertSearch.run(key, String(id), `Client ${id}`, 'Telefon');
    }
    // Version 2 left the index rows of orders deleted with their account behind.
    old.prepare('DELETE FROM accounts WHERE id = ?').run(gone);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('orders')")
      .all()
      .map((c) => c.name);
    expect(columns).not.toContain('raw');
    expect(columns).toContain('raw_hash');
    const repos = createRepositories(db, systemClock);
    expect(repos.orders.count()).toBe(2);
    for (const id of [1, 2]) {
      const order = repos.orders.get(kept, id)!;
      expect(JSON.stringify(order.raw)).toBe(raws.get(id));
      expect(order.lines.map((l) => l.name)).toEqual(['Telefon']);
    }
    expect(db.prepare('SELECT raw_hash FROM orders ORDER BY id').all()).toEqual([
      { raw_hash: 'hash-1' },
      { raw_hash: 'hash-2' },
    ]);
    const search = { search: 'telefon', sort: { field: 'created', dir: 'desc' }, offset: 0, limit: 10 } as const;
    expect(repos.orders.list(search).total).toBe(2);
    expect(repos.orders.list({ ...search, accountIds: [kept] }).total).toBe(2);

    // From now on a removed account's orders leave the index (and their raw JSON) with them.
    repos.accounts.remove(kept);
    expect(repos.orders.list(search)).toEqual({ rows: [], total: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM order_raw').get()).toEqual({ n: 0 });
    db.close();
  });

  it('upgrade a version-4 database: runs and watermarks of the old `acknowledge` job become `send-actions`', () => {
    const path = join(dir, 'magflow.db');
    const old = openDatabase(path, { migrateTo: 4 });
    const account = old
      .prepare(
        `INSERT INTO accounts (name, platform, kind, username, secret_ref, created_at) VALUES ('MAIN', 'emag-ro', 'main', 'u', 'ref', 'now')`,
      )
      .run().lastInsertRowid;
    const addRun = old.prepare(
      `INSERT INTO sync_runs (job, account_id, mode, status, started_at) VALUES (?, ?, 'scheduled', 'completed', ?)`,
    );
    addRun.run('acknowledge', account, '2026-11-01T10:00:00.000Z');
    addRun.run('new-orders', account, '2026-11-01T10:00:01.000Z');
    old
      .prepare(`INSERT INTO sync_cursors (account_id, job, watermark, updated_at) VALUES (?, ?, 'w', 'now')`)
      .run(account, 'acknowledge');
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const repos = createRepositories(db, systemClock);
    expect(repos.syncRuns.last('send-actions', Number(account))?.startedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(repos.syncRuns.last('new-orders', Number(account))).toBeDefined();
    expect(db.prepare("SELECT count(*) AS n FROM sync_runs WHERE job = 'acknowledge'").get()).toEqual({ n: 0 });
    expect(repos.cursors.get(Number(account), 'send-actions')).toBe('w');
    db.close();
  });

  it('upgrade a version-5 database: outbox rows keep their ids and states, and return and offer actions fit', () => {
    const path = join(dir, 'magflow.db');
    const old = openDatabase(path, { migrateTo: 5 });
    const account = old
      .prepare(
        `INSERT INTO accounts (name, platform, kind, username, secret_ref, created_at) VALUES ('MAIN', 'emag-ro', 'main', 'u', 'ref', 'now')`,
      )
      .run().lastInsertRowid;
    const addAction = old.prepare(
      `INSERT INTO outbox (id, account_id, order_id, kind, payload, dedupe_key, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, '{}', ?, ?, 'now', 'now')`,
    );
    addAction.run(7, account, 101, 'acknowledge', 'ack:101', 'sent');
    addAction.run(9, account, 102, 'invoice', null, 'pending');
    expect(() => addAction.run(10, account, null, 'offer', null, 'pending')).toThrow(/CHECK/);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const rows = db.prepare('SELECT id, order_id, kind, dedupe_key, state FROM outbox ORDER BY id').all();
    expect(rows).toEqual([
      { id: 7, order_id: 101, kind: 'acknowledge', dedupe_key: 'ack:101', state: 'sent' },
      { id: 9, order_id: 102, kind: 'invoice', dedupe_key: null, state: 'pending' },
    ]);
    const add = db.prepare(
      `INSERT INTO outbox (account_id, kind, payload, state, created_at, updated_at) VALUES (?, ?, '{}', 'pending', 'now', 'now')`,
    );
    add.run(account, 'return');
    add.run(account, 'offer');
    expect(() => add.run(account, 'refund')).toThrow(/CHECK/);
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name",
      )
      .all()
      .map((i) => i.name);
    expect(indexes).toEqual(['outbox_by_order', 'outbox_due']);
    db.close();
  });

  it('upgrade a version-10 database: outbox rows keep their English error, with no stored failure until the next attempt', () => {
    const path = join(dir, 'magflow.db');
    const old = openDatabase(path, { migrateTo: 10 });
    const account = old
      .prepare(
        `INSERT INTO accounts (name, platform, kind, username, secret_ref, created_at) VALUES ('MAIN', 'emag-ro', 'main', 'u', 'ref', 'now')`,
      )
      .run().lastInsertRowid;
    old
      .prepare(
        `INSERT INTO outbox (id, account_id, order_id, kind, payload, state, attempts, last_error, created_at, updated_at)
         VALUES (4, ?, 101, 'acknowledge', '{}', 'failed', 1, 'Orders fulfilled by eMAG (FBE) are never acknowledged', 'now', 'now')`,
      )
      .run(account);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const repos = createRepositories(db, systemClock);
    // An old row: the window falls back to its English text.
    expect(repos.outbox.get(4)).toMatchObject({
      state: 'failed',
      lastError: 'Orders fulfilled by eMAG (FBE) are never acknowledged',
      failure: null,
    });
    // Its next attempt stores the failure language-neutral; a retry by the seller keeps it until then.
    const failure = {
      cause: null,
      reason: null,
      code: 'action.order_unknown_at_emag' as const,
      params: { orderId: 101 },
    };
    repos.outbox.retry(4);
    expect(repos.outbox.markAttemptFailed(4, 'eMAG does not know order 101', null, failure).failure).toEqual(failure);
    expect(
      db.prepare('SELECT error_cause, error_reason, error_code, error_params FROM outbox WHERE id = 4').get(),
    ).toEqual({
      error_cause: null,
      error_reason: null,
      error_code: 'action.order_unknown_at_emag',
      error_params: '{"orderId":101}',
    });
    repos.outbox.retry(4);
    expect(repos.outbox.markSent(4).failure).toBeNull();
    db.close();
  });

  it('refuse a database from a newer MagFlow with a clear error', () => {
    const path = join(dir, 'magflow.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/newer/);
  });

  it('report a damaged database file as corrupt rather than crashing', () => {
    const path = join(dir, 'magflow.db');
    writeFileSync(path, 'this is not a sqlite database, just text that happens to be long enough'.repeat(100));
    try {
      openDatabase(path);
      expect.unreachable('opening a damaged file must fail');
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).reason).toBe('corrupt');
    }
  });

  it('keep an interrupted migration from leaving a half-built schema', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, 2, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(names.map((n) => n.name)).toEqual(['a']);
  });

  it('cascade an account removal to its orders and lines', () => {
    const db = openDatabase(':memory:');
    const repos = createRepositories(db, systemClock);
    const account = addAccount(repos);
    repos.orders.upsertMany([orderRecord(account.id, 1)]);
    repos.accounts.remove(account.id);
    expect(repos.orders.count()).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM order_lines').get()).toEqual({ n: 0 });
  });
});
