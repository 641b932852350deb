import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../main/core/db';
import { systemClock } from '../../main/core/clock';
import { addAccount, orderRecord } from '../support/records';

describe('dashboard statistics', () => {
  it('counts revenue of the whole calendar month and of today only, edges included, canceled and returned left out', () => {
    const repos = createRepositories(openDatabase(':memory:'), systemClock);
    const main = addAccount(repos, 'MAIN');
    const at = (id: number, created: string, status: 0 | 1 | 4 | 5 = 4, totalMinor = 100) =>
      orderRecord(main.id, id, { created, modified: created, status, totalMinor });
    repos.orders.upsertMany([
      at(1, '2026-10-31 23:59:59', 4, 1), // last month
      at(2, '2026-11-01 00:00:00', 4, 10), // first second of the month
      at(3, '2026-11-20 08:00:00', 1, 100), // today
      at(4, '2026-11-20 09:00:00', 0, 1_000), // today, canceled
      at(5, '2026-11-20 10:00:00', 5, 10_000), // today, returned
      at(6, '2026-11-30 23:59:59', 4, 100_000), // last second of the month
      at(7, '2026-12-01 00:00:00', 4, 1_000_000), // next month
    ]);
    const stats = repos.stats.orderStats('2026-11-20');
    expect(stats.revenue).toEqual([{ currency: 'RON', todayMinor: 100, monthMinor: 100_110 }]);
  });

  it('counts only seller orders waiting for acknowledgement: FBE "new" orders are never the seller\'s to confirm', () => {
    const repos = createRepositories(openDatabase(':memory:'), systemClock);
    const main = addAccount(repos, 'MAIN');
    const fbe = addAccount(repos, 'FBE', 'fbe');
    repos.orders.upsertMany([
      orderRecord(main.id, 1, { status: 1, type: 3 }), // waiting
      orderRecord(main.id, 2, { status: 2, type: 3 }), // acknowledged in eMAG
      orderRecord(main.id, 3, { status: 0, type: 3 }), // canceled before anyone acknowledged it
      orderRecord(fbe.id, 4, { status: 1, type: 2 }), // FBE new: eMAG's to handle
      orderRecord(fbe.id, 5, { status: 1, type: 2 }),
    ]);
    const counts = repos.stats.orderStats('2026-11-20').counts;
    expect(counts.find((c) => c.accountId === main.id)?.unacknowledged).toBe(1);
    expect(counts.find((c) => c.accountId === fbe.id)?.unacknowledged).toBe(0);
  });
});
