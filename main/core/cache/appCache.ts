// The app cache: keyv with an in-memory LRU tier in front of a disk tier in the SQLite `cache` table, with TTLs,
// prefix invalidation, load coalescing and hit/miss counts for Diagnostics. What is cached, for how long and what
// drops it: entries.ts.
import { KeyvCacheableMemory } from 'cacheable';
import { Keyv } from 'keyv';
import { systemClock, type Clock } from '../clock';
import type { Db } from '../db';
import { SqliteKeyvStore } from './sqliteStore';

export interface CacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 before the first lookup. */
  hitRate: number;
  /** Live keys (the disk tier holds every key). */
  keys: number;
}

export interface AppCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** The cached value, or `load()` stored for `ttlMs`; concurrent callers of one key share one load. Errors are not cached. */
  wrap<T>(key: string, ttlMs: number, load: () => Promise<T> | T): Promise<T>;
  delete(key: string): Promise<void>;
  /**
   * Invalidation: drops every key starting with `prefix` from both tiers (e.g. 'stats:' after order writes), at once
   * (the promise is settled when it returns): a bus listener that calls it leaves nothing stale behind.
   */
  deletePrefix(prefix: string): Promise<void>;
  /** Drops expired rows from the disk tier (maintenance); returns how many went. */
  prune(): Promise<number>;
  stats(): CacheStats;
  close(): Promise<void>;
}

export interface AppCacheOptions {
  /** Entries the memory tier keeps before evicting the least recently used (default 500). */
  memoryMaxKeys?: number;
  /** Decides expiry (default: system time). */
  clock?: Clock;
}

/** What both tiers store: the value and its expiry by the app clock (Keyv's own TTL only cleans up behind it). */
interface Entry<T> {
  v: T;
  exp: number | null;
}

export function createAppCache(db: Db, options: AppCacheOptions = {}): AppCache {
  const clock = options.clock ?? systemClock;
  const memoryStore = new KeyvCacheableMemory({ lruSize: options.memoryMaxKeys ?? 500 });
  // An empty namespace keeps keys unprefixed, so prefix invalidation sees the caller's keys as they are.
  const memory = new Keyv<Entry<unknown>>({ store: memoryStore, namespace: '' });
  const diskStore = new SqliteKeyvStore(db, clock);
  const disk = new Keyv<Entry<unknown>>({ store: diskStore, namespace: '' });
  // A cache failure must never fail the caller: Keyv reports store errors as events, and a get then misses.
  memory.on('error', () => undefined);
  disk.on('error', () => undefined);

  let hits = 0;
  let misses = 0;
  /** Bumped by every invalidation: a load that started before one must not store what it read. */
  let generation = 0;
  const inFlight = new Map<string, Promise<unknown>>();

  const live = <T>(entry: Entry<T> | undefined): entry is Entry<T> =>
    entry !== undefined && (entry.exp === null || entry.exp > clock.now().getTime());

  async function lookup<T>(key: string): Promise<{ found: true; value: T } | { found: false }> {
    const fromMemory = (await memory.get(key)) as Entry<T> | undefined;
    if (live(fromMemory)) return { found: true, value: fromMemory.v };
    const fromDisk = (await disk.get(key)) as Entry<T> | undefined;
    if (live(fromDisk)) {
      // Promote to the memory tier for what is left of its lifetime.
      const remaining = fromDisk.exp === null ? undefined : fromDisk.exp - clock.now().getTime();
      await memory.set(key, fromDisk, remaining);
      return { found: true, value: fromDisk.v };
    }
    return { found: false };
  }

  async function store<T>(key: string, value: T, ttlMs: number): Promise<void> {
    const entry: Entry<T> = { v: value, exp: clock.now().getTime() + ttlMs };
    await memory.set(key, entry, ttlMs);
    await disk.set(key, entry, ttlMs);
  }

  async function get<T>(key: string): Promise<T | undefined> {
    const found = await lookup<T>(key);
    if (found.found) hits++;
    else misses++;
    return found.found ? found.value : undefined;
  }

  return {
    get,

    set: (key, value, ttlMs) => store(key, value, ttlMs),

    async wrap<T>(key: string, ttlMs: number, load: () => Promise<T> | T): Promise<T> {
      const found = await lookup<T>(key);
      if (found.found) {
        hits++;
        return found.value;
      }
      misses++;
      const pending = inFlight.get(key) as Promise<T> | undefined;
      if (pending) return pending;
      const startedAt = generation;
      const loading = (async () => {
        try {
          const value = await load();
          if (generation === startedAt) await store(key, value, ttlMs);
          return value;
        } finally {
          inFlight.delete(key);
        }
      })();
      inFlight.set(key, loading);
      return loading;
    },

    async delete(key) {
      generation++;
      await memory.delete(key);
      await disk.delete(key);
    },

    async deletePrefix(prefix) {
      generation++;
      // Both tiers synchronously (the memory store's own delete is; Keyv's wrapper only makes it a promise).
      const memoryKeys = memoryStore.store;
      for (const key of [...memoryKeys.keys]) if (key.startsWith(prefix)) memoryKeys.delete(key);
      diskStore.deletePrefix(prefix);
    },

    async prune() {
      return diskStore.prune();
    },

    stats() {
      const lookups = hits + misses;
      return { hits, misses, hitRate: lookups === 0 ? 0 : hits / lookups, keys: diskStore.count() };
    },

    async close() {
      inFlight.clear();
      await memory.disconnect();
    },
  };
}
