// The invalidation table: each kind of write announced on the bus drops exactly the cached kinds it makes stale,
// at once (a reader right after the event never gets the old value), and reference data goes by its lifetime only.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxAction } from '../../shared/domain';
import { createAppCache, type AppCache } from '../../main/core/cache/appCache';
import { CACHE_KEYS, CACHE_TTL, invalidateOnWrites } from '../../main/core/cache/entries';
import { openDatabase, type Db } from '../../main/core/db';
import { sampleAccount } from '../support/records';
import { createEventBus, type BusEvent } from '../../main/core/events/bus';

const account = sampleAccount();
const action: OutboxAction = {
  id: 1,
  accountId: 1,
  orderId: 7,
  kind: 'acknowledge',
  payload: {},
  state: 'sent',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  sentAt: '2026-11-20T10:00:01.000Z',
};

const KEYS = {
  stats: CACHE_KEYS.dashboardStats('2026-11-20'),
  offers: CACHE_KEYS.offerList({ limit: 50 }),
  couriers: CACHE_KEYS.courierAccounts(1),
  vat: CACHE_KEYS.vat(1),
  localities: CACHE_KEYS.localities(1, 'Flor'),
};

let opened: { db: Db; cache: AppCache } | null = null;
afterEach(async () => {
  await opened?.cache.close();
  opened?.db.close();
  opened = null;
});

/** Which of the cached kinds are still there right after `event` (no await in between). */
async function survivorsOf(event: BusEvent): Promise<string[]> {
  const db = openDatabase(':memory:');
  const cache = createAppCache(db);
  opened = { db, cache };
  const bus = createEventBus();
  invalidateOnWrites(bus, cache);
  for (const key of Object.values(KEYS)) await cache.set(key, 'cached', CACHE_TTL.courierAccounts);
  bus.emit(event);
  const present = Object.entries(KEYS).map(([name, key]) => [name, cache.get(key)] as const);
  const left: string[] = [];
  for (const [name, value] of present) if ((await value) !== undefined) left.push(name);
  return left;
}

describe('cache invalidation table', () => {
  it('orders written drop the statistics', async () => {
    expect(await survivorsOf({ type: 'orders_written', accountId: 1, created: 1, updated: 0 })).toEqual([
      'offers',
      'couriers',
      'vat',
      'localities',
    ]);
  });

  it('an outbox action drops the statistics', async () => {
    expect(await survivorsOf({ type: 'outbox_changed', action })).toEqual(['offers', 'couriers', 'vat', 'localities']);
  });

  it('offers written drop the offer lists', async () => {
    expect(await survivorsOf({ type: 'offers_written', accountId: 1, changed: 3 })).toEqual([
      'stats',
      'couriers',
      'vat',
      'localities',
    ]);
  });

  it('an account saved or removed drops the statistics, the offer lists and the localities (its platform may change)', async () => {
    expect(await survivorsOf({ type: 'accounts_changed', change: 'removed', account })).toEqual(['couriers', 'vat']);
  });

  it('other events drop nothing', async () => {
    expect(await survivorsOf({ type: 'orders_imported', accountId: 1, account: 'Magazin', count: 2 })).toEqual(
      Object.keys(KEYS),
    );
  });
});
