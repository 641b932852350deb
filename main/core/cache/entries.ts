// What MagFlow caches: each kind's keys and lifetime, and the table of which writes make it stale. Readers build
// their keys here; `invalidateOnWrites` drops the stale prefixes when the bus announces one of those writes.
import type { AppCache } from './appCache';
import type { BusEventType, EventBus } from '../events/bus';

/** Lifetimes (ms). */
export const CACHE_TTL = {
  courierAccounts: 3_600_000,
  categories: 86_400_000,
  vat: 86_400_000,
  orderStats: 300_000,
  offerList: 600_000,
  /** #17: eMAG's localities change a few times a year; a week keeps searches free and still picks up new ones. */
  localities: 7 * 86_400_000,
} as const;

/** Keys, so readers and the invalidation table agree. Each kind has its prefix: a write drops the whole kind. */
export const CACHE_KEYS = {
  orderStatsPrefix: 'stats:',
  /** The dashboard's statistics for one day of eMAG's calendar. */
  dashboardStats: (day: string): string => `stats:dashboard:${day}`,
  offerListPrefix: 'offers:',
  /** One page of the offers list, per query. */
  offerList: (query: unknown): string => `offers:${JSON.stringify(query)}`,
  courierAccounts: (accountId: number): string => `courier-accounts:${accountId}`,
  categories: (accountId: number, page: number): string => `categories:${accountId}:${page}`,
  /** One category read by its id (the offer editor's category name); under the categories' prefix. */
  category: (accountId: number, categoryId: number): string => `categories:${accountId}:id:${categoryId}`,
  vat: (accountId: number): string => `vat:${accountId}`,
  localitiesPrefix: 'localities:',
  /** One locality search (name as typed, case aside; optional county), per account: platforms differ. */
  localities: (accountId: number, name: string, county?: string): string =>
    `localities:${accountId}:${name.toLowerCase()}|${(county ?? '').toLowerCase()}`,
} as const;

/**
 * Kind of write (a bus event) → the key prefixes it makes stale. Courier accounts, categories, VAT rates and
 * localities are eMAG's reference data: nothing MagFlow writes changes them, so they go by their lifetime (and, for
 * localities, an account change).
 */
export const INVALIDATION = {
  /** Orders created or updated by a sync: their counts and totals. */
  orders_written: [CACHE_KEYS.orderStatsPrefix],
  /** An outbox action changes an order without a sync storing it (e.g. marked acknowledged). */
  outbox_changed: [CACHE_KEYS.orderStatsPrefix],
  offers_written: [CACHE_KEYS.offerListPrefix],
  /**
   * A removed account takes its orders and offers with it; a renamed one renames their rows. Localities go too: an
   * account saved with another platform (eMAG RO → BG) searches another country's localities under the same id.
   */
  accounts_changed: [CACHE_KEYS.orderStatsPrefix, CACHE_KEYS.offerListPrefix, CACHE_KEYS.localitiesPrefix],
} as const satisfies Partial<Record<BusEventType, readonly string[]>>;

/** Subscribes the cache to the writes of the table; returns the unsubscribe function. */
export function invalidateOnWrites(bus: EventBus, cache: Pick<AppCache, 'deletePrefix'>): () => void {
  const stops = Object.entries(INVALIDATION).map(([type, prefixes]) =>
    bus.on(type as keyof typeof INVALIDATION, () => {
      for (const prefix of prefixes) void cache.deletePrefix(prefix);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
