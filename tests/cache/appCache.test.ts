import { afterEach, describe, expect, it } from 'vitest';
import { createAppCache, type AppCache } from '../../main/core/cache/appCache';
import { CACHE_TTL } from '../../main/core/cache/entries';
import type { Clock } from '../../main/core/clock';
import { openDatabase, type Db } from '../../main/core/db';

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-20T10:00:00Z')) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

const opened: { db: Db; cache: AppCache }[] = [];

function setup(options: { memoryMaxKeys?: number; db?: Db } = {}) {
  const time = manualClock();
  const db = options.db ?? openDatabase(':memory:');
  const cache = createAppCache(db, { clock: time.clock, memoryMaxKeys: options.memoryMaxKeys });
  opened.push({ db, cache });
  return { db, cache, ...time };
}

afterEach(async () => {
  for (const { cache, db } of opened.splice(0)) {
    await cache.close();
    if (db.open) db.close();
  }
});

describe('app cache', () => {
  it('keeps TTLs the design asks for', () => {
    expect(CACHE_TTL).toEqual({
      courierAccounts: 3_600_000,
      categories: 86_400_000,
      vat: 86_400_000,
      orderStats: 300_000,
      offerList: 600_000,
      // #17: localities for a week (days, as the issue asks).
      localities: 7 * 86_400_000,
    });
  });

  it('serves a wrapped value from the cache until its TTL runs out, then loads again', async () => {
    const { cache, advance } = setup();
    let loads = 0;
    const load = () => ({ couriers: ['Sameday', 'FanCourier'], load: ++loads });

    expect(await cache.wrap('courier-accounts:1', CACHE_TTL.courierAccounts, load)).toEqual({
      couriers: ['Sameday', 'FanCourier'],
      load: 1,
    });
    expect((await cache.wrap('courier-accounts:1', CACHE_TTL.courierAccounts, load)).load).toBe(1);
    advance(CACHE_TTL.courierAccounts - 1);
    expect((await cache.wrap('courier-accounts:1', CACHE_TTL.courierAccounts, load)).load).toBe(1);
    advance(2);
    expect((await cache.wrap('courier-accounts:1', CACHE_TTL.courierAccounts, load)).load).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 2, hitRate: 0.5 });
  });

  it('shares one load between concurrent callers of the same key', async () => {
    const { cache } = setup();
    let loads = 0;
    let release: (value: number) => void = () => undefined;
    const slow = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cache.wrap('vat:1', CACHE_TTL.vat, slow);
    const second = cache.wrap('vat:1', CACHE_TTL.vat, slow);
    await new Promise((resolve) => setImmediate(resolve));
    release(19);
    expect(await Promise.all([first, second])).toEqual([19, 19]);
    expect(loads).toBe(1);
  });

  it('does not cache a failed load', async () => {
    const { cache } = setup();
    await expect(
      cache.wrap('categories:1:1', CACHE_TTL.categories, () => Promise.reject(new Error('eMAG down'))),
    ).rejects.toThrow('eMAG down');
    expect(await cache.wrap('categories:1:1', CACHE_TTL.categories, () => ['Telefoane'])).toEqual(['Telefoane']);
  });

  it('invalidates every key under a prefix in both tiers, and nothing else', async () => {
    const { cache, db } = setup();
    await cache.set('stats:all', { orders: 10 }, CACHE_TTL.orderStats);
    await cache.set('stats:account:1', { orders: 4 }, CACHE_TTL.orderStats);
    await cache.set('offers:1', ['offer'], CACHE_TTL.offerList);
    await cache.set('stats_other', 'kept: no colon after stats', CACHE_TTL.orderStats);

    await cache.deletePrefix('stats:');

    expect(await cache.get('stats:all')).toBeUndefined();
    expect(await cache.get('stats:account:1')).toBeUndefined();
    expect(await cache.get('offers:1')).toEqual(['offer']);
    expect(await cache.get('stats_other')).toBe('kept: no colon after stats');
    const diskKeys = db.prepare<[], { key: string }>('SELECT key FROM cache ORDER BY key').all();
    expect(diskKeys.map((r) => r.key)).toEqual(['offers:1', 'stats_other']);
    expect(cache.stats().keys).toBe(2);
  });

  it('does not store a load that an invalidation overtook', async () => {
    const { cache } = setup();
    let release: (value: string) => void = () => undefined;
    const loading = cache.wrap('stats:all', CACHE_TTL.orderStats, () => new Promise<string>((r) => (release = r)));
    await new Promise((resolve) => setImmediate(resolve));
    await cache.deletePrefix('stats:'); // an order write lands while the stats were being computed
    release('computed before the write');
    expect(await loading).toBe('computed before the write');
    expect(await cache.get('stats:all')).toBeUndefined();
  });

  it('answers from the disk tier when the memory tier has forgotten a key (LRU or restart)', async () => {
    const { cache, db, clock } = setup({ memoryMaxKeys: 2 });
    await cache.set('a', 1, 60_000);
    await cache.set('b', 2, 60_000);
    await cache.set('c', 3, 60_000); // evicts 'a' from memory
    expect(await cache.get('a')).toBe(1);

    // A new process over the same database: the memory tier is empty, the disk tier still answers.
    const reopened = createAppCache(db, { clock });
    opened.push({ db, cache: reopened });
    expect(await reopened.get('b')).toBe(2);
    expect(reopened.stats()).toMatchObject({ hits: 1, misses: 0, keys: 3 });
  });

  it('prunes expired rows from the disk tier', async () => {
    const { cache, advance, db } = setup();
    await cache.set('short', 'x', 1_000);
    await cache.set('long', 'y', 100_000);
    advance(5_000);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.prune()).toBe(1);
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cache').get()!.n).toBe(1);
    expect(cache.stats().keys).toBe(1);
  });
});
