// The cache's disk tier: a small Keyv store adapter over the app's better-sqlite3 handle, writing the `cache` table.
import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { Clock } from '../clock';
import type { Db } from '../db';

/** Escapes LIKE wildcards so a key prefix matches literally. */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Keyv hands this store already-serialised strings. Expiry is kept in `expires_at` (epoch ms by the app clock) so
 * the maintenance job can prune expired rows with one statement, and an expired row never answers a get.
 */
export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { dialect: 'sqlite'; table: 'cache' } = { dialect: 'sqlite', table: 'cache' };
  namespace?: string | undefined;

  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly removeAll;
  private readonly removePrefix;
  private readonly removeExpired;
  private readonly countLive;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    super();
    this.select = db.prepare<[string, number], { value: string }>(
      'SELECT value FROM cache WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)',
    );
    this.upsert = db.prepare<[string, string, number | null]>(
      `INSERT INTO cache (key, value, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM cache WHERE key = ?');
    this.removeAll = db.prepare('DELETE FROM cache');
    this.removePrefix = db.prepare<[string]>("DELETE FROM cache WHERE key LIKE ? ESCAPE '\\'");
    this.removeExpired = db.prepare<[number]>('DELETE FROM cache WHERE expires_at IS NOT NULL AND expires_at <= ?');
    this.countLive = db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM cache WHERE expires_at IS NULL OR expires_at > ?',
    );
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.select.get(key, this.now())?.value as StoredData<Value> | undefined;
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    const expiresAt = typeof ttl === 'number' && ttl > 0 ? this.now() + ttl : null;
    this.upsert.run(key, typeof value === 'string' ? value : JSON.stringify(value), expiresAt);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    return this.remove.run(key).changes > 0;
  }

  async has(key: string): Promise<boolean> {
    return this.select.get(key, this.now()) !== undefined;
  }

  async clear(): Promise<void> {
    this.removeAll.run();
  }

  /** Removes every key starting with `prefix`; returns how many rows went. */
  deletePrefix(prefix: string): number {
    return this.removePrefix.run(likePrefix(prefix)).changes;
  }

  /** Removes expired rows; returns how many. */
  prune(): number {
    return this.removeExpired.run(this.now()).changes;
  }

  /** Live (unexpired) keys. */
  count(): number {
    return this.countLive.get(this.now())!.n;
  }
}
