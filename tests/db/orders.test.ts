import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../main/core/db';
import { systemClock } from '../../main/core/clock';
import { addAccount, orderRecord } from '../support/records';

function setup() {
  const db = openDatabase(':memory:');
  const repos = createRepositories(db, systemClock);
  return { db, repos, main: addAccount(repos, 'MAIN'), fbe: addAccount(repos, 'FBE', 'fbe') };
}

const query = (extra: object = {}) => ({
  sort: { field: 'created' as const, dir: 'desc' as const },
  offset: 0,
  limit: 100,
  ...extra,
});

describe('order upsert', () => {
  it('reports new, changed and unchanged orders and the status they came from', () => {
    const { repos, main } = setup();
    const first = repos.orders.upsertMany([orderRecord(main.id, 1), orderRecord(main.id, 2)]);
    expect(first.map((r) => r.outcome)).toEqual(['created', 'created']);
    expect(first[0]?.previousStatus).toBeNull();

    const second = repos.orders.upsertMany([
      orderRecord(main.id, 1),
      orderRecord(main.id, 2, { status: 2, modified: '2026-11-20 11:00:00' }),
      orderRecord(main.id, 3),
    ]);
    expect(second.map((r) => [r.id, r.outcome, r.previousStatus, r.status])).toEqual([
      [1, 'unchanged', 1, 1],
      [2, 'updated', 1, 2],
      [3, 'created', null, 1],
    ]);
    const stored = repos.orders.get(main.id, 2)!;
    expect(stored.status).toBe(2);
    expect(stored.statusHistory.map((h) => h.status)).toEqual([1, 2]);
  });

  it('keeps the same eMAG order id apart across accounts', () => {
    const { repos, main, fbe } = setup();
    const results = repos.orders.upsertMany([orderRecord(main.id, 5), orderRecord(fbe.id, 5, { type: 2 })]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created']);
    expect(repos.orders.count()).toBe(2);
    expect(repos.orders.get(fbe.id, 5)?.type).toBe(2);
  });

  it('replaces the lines of a changed order instead of piling them up', () => {
    const { repos, main } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1)]);
    const changed = orderRecord(main.id, 1, { modified: '2026-11-21 09:00:00' });
    changed.lines = [{ ...changed.lines[0]!, quantity: 3 }];
    repos.orders.upsertMany([changed]);
    const stored = repos.orders.get(main.id, 1)!;
    expect(stored.lines).toHaveLength(1);
    expect(stored.lines[0]?.quantity).toBe(3);
  });

  it('stores 10,000 orders in one call inside one transaction', () => {
    const { db, repos, main } = setup();
    const records = Array.from({ length: 10_000 }, (_, i) => orderRecord(main.id, i + 1));
    const results = repos.orders.upsertMany(records);
    expect(results).toHaveLength(10_000);
    expect(results.every((r) => r.outcome === 'created')).toBe(true);
    expect(repos.orders.count()).toBe(10_000);
    expect(db.prepare('SELECT count(*) AS n FROM order_lines').get()).toEqual({ n: 10_000 });
    expect(repos.orders.upsertMany(records).every((r) => r.outcome === 'unchanged')).toBe(true);
  });

  it('stores the JSON text it is given as is, and compares it with what serialising the same object gives', () => {
    const { repos, main } = setup();
    const record = orderRecord(main.id, 1);
    const text = JSON.stringify(record.raw);
    expect(repos.orders.upsertMany([{ ...record, rawJson: text }])[0]?.outcome).toBe('created');
    expect(repos.orders.get(main.id, 1)?.raw).toEqual(record.raw);
    expect(repos.orders.upsertMany([record])[0]?.outcome).toBe('unchanged');
    const changedRaw = { ...(record.raw as object), status: 2 };
    const changed = { ...record, status: 2 as const, raw: changedRaw, rawJson: JSON.stringify(changedRaw) };
    expect(repos.orders.upsertMany([changed])[0]?.outcome).toBe('updated');
    expect(repos.orders.get(main.id, 1)?.raw).toEqual(changedRaw);
    expect(repos.orders.upsertMany([changed])[0]?.outcome).toBe('unchanged');
  });

  it('keeps the SHA-1 hex of the JSON text as the change check, so hashes stored by earlier versions still match', () => {
    const { db, repos, main } = setup();
    const record = orderRecord(main.id, 1, { customerName: 'Ștefan Țărănescu' });
    repos.orders.upsertMany([record]);
    const stored = db.prepare('SELECT raw_hash FROM orders WHERE id = 1').get() as { raw_hash: string };
    expect(stored.raw_hash).toBe(createHash('sha1').update(JSON.stringify(record.raw)).digest('hex'));
  });

  it('reuses the key of an order removed with its account without finding the old order in search', () => {
    const { repos, main, fbe } = setup();
    repos.orders.upsertMany([orderRecord(main.id, 1), orderRecord(fbe.id, 2, { customerName: 'Ana Vechi' })]);
    repos.accounts.remove(fbe.id); // the highest key goes, so the next insert takes it again
    repos.orders.upsertMany([orderRecord(main.id, 3, { customerName: 'Ion Nou' })]);
    const search = (text: string) => repos.orders.list(query({ search: text }));
    expect(search('vechi')).toEqual({ rows: [], total: 0 });
    expect(search('nou').rows.map((o) => o.id)).toEqual([3]);
    expect(search('nou').total).toBe(1);
  });

  it('rolls back the whole batch when one order cannot be stored', () => {
    const { repos, main } = setup();
    const bad = orderRecord(999, 2); // no such account: the foreign key refuses it
    expect(() => repos.orders.upsertMany([orderRecord(main.id, 1), bad])).toThrow();
    expect(repos.orders.count()).toBe(0);
  });
});

describe('order list', () => {
  it('filters by status, account, payment and date, and sorts', () => {
    const { repos, main, fbe } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 1, created: '2026-11-01 08:00:00', paymentModeId: 1 }),
      orderRecord(main.id, 2, { status: 4, created: '2026-11-02 08:00:00', paymentModeId: 3 }),
      orderRecord(fbe.id, 3, { status: 1, type: 2, created: '2026-11-03 08:00:00', paymentModeId: 1 }),
    ]);
    expect(repos.orders.list(query({ statuses: [1] })).rows.map((o) => o.id)).toEqual([3, 1]);
    expect(repos.orders.list(query({ accountIds: [main.id] })).total).toBe(2);
    expect(repos.orders.list(query({ paymentModeIds: [3] })).rows.map((o) => o.id)).toEqual([2]);
    expect(repos.orders.list(query({ from: '2026-11-02', to: '2026-11-02' })).rows.map((o) => o.id)).toEqual([2]);
    expect(repos.orders.list(query({ sort: { field: 'created', dir: 'asc' } })).rows.map((o) => o.id)).toEqual([
      1, 2, 3,
    ]);
    const page = repos.orders.list(query({ limit: 2, offset: 2 }));
    expect(page.total).toBe(3);
    expect(page.rows.map((o) => o.id)).toEqual([1]);
  });

  it('searches by order id, customer (without diacritics) and product, and survives FTS syntax in the input', () => {
    const { repos, main } = setup();
    repos.orders.upsertMany([
      orderRecord(main.id, 4242, { customerName: 'Ștefan Țărănescu' }),
      orderRecord(main.id, 5151, {
        lines: [{ ...orderRecord(main.id, 5151).lines[0]!, name: 'Espressor Philips LatteGo' }],
      }),
    ]);
    const search = (text: string) => repos.orders.list(query({ search: text })).rows.map((o) => o.id);
    expect(search('4242')).toEqual([4242]);
    expect(search('stefan taranescu')).toEqual([4242]);
    expect(search('lattego')).toEqual([5151]);
    expect(search('espres')).toEqual([5151]);
    expect(search('" OR 1=1; DROP TABLE orders; --')).toEqual([]);
    expect(search('NEAR(')).toEqual([]);
    expect(repos.orders.count()).toBe(2);
  });

  it('pages a common word the same whichever way the page is found, ties on the date included', () => {
    const { repos, main } = setup();
    // 300 orders all matching "telefon", three per created time so the key settles ties.
    repos.orders.upsertMany(
      Array.from({ length: 300 }, (_, i) =>
        orderRecord(main.id, 1000 + i, {
          created: `2026-11-${String(1 + Math.floor(i / 30)).padStart(2, '0')} 10:${String(Math.floor(i / 3) % 10).padStart(2, '0')}:00`,
          modified: `2026-11-20 10:${String(i % 7).padStart(2, '0')}:00`,
          lines: [{ ...orderRecord(main.id, 1).lines[0]!, name: 'Telefon mobil' }],
        }),
      ),
    );
    for (const field of ['created', 'modified', 'total'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const offset of [0, 40, 290]) {
          const page = { sort: { field, dir }, offset, limit: 20 };
          // The search alone walks the sort's index (most orders match); with a status filter SQLite plans it.
          const alone = repos.orders.list(query({ ...page, search: 'telefon' }));
          const filtered = repos.orders.list(query({ ...page, search: 'telefon', statuses: [1] }));
          const plain = repos.orders.list(query(page));
          expect(alone.total).toBe(300);
          expect(alone.rows.map((o) => o.id)).toEqual(filtered.rows.map((o) => o.id));
          expect(alone.rows.map((o) => o.id)).toEqual(plain.rows.map((o) => o.id));
          expect(alone.rows).toHaveLength(offset === 290 ? 10 : 20);
        }
      }
    }
  });

  it('counts a search alone and a search with filters alike', () => {
    const { repos, main, fbe } = setup();
    const lines = (id: number, name: string) => [{ ...orderRecord(main.id, id).lines[0]!, name }];
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { lines: lines(1, 'Telefon mobil') }),
      orderRecord(main.id, 2, { status: 4, lines: lines(2, 'Telefon fix') }),
      orderRecord(fbe.id, 3, { lines: lines(3, 'Husa telefon') }),
      orderRecord(fbe.id, 4, { lines: lines(4, 'Cablu') }),
    ]);
    const alone = repos.orders.list(query({ search: 'telefon', limit: 2 }));
    expect(alone.total).toBe(3);
    expect(alone.rows).toHaveLength(2);
    expect(repos.orders.list(query({ search: 'telefon', statuses: [1] })).total).toBe(2);
    expect(repos.orders.list(query({ search: 'telefon', accountIds: [fbe.id] })).total).toBe(1);
    expect(repos.orders.list(query({ search: 'telefon mobil' })).total).toBe(1);
  });
});
