// Client configuration: who the account is, where it lives, and every limit/resilience number (all with defaults).
import { z } from 'zod';
import { configError } from './errors';
import { EMAG_PLATFORM_IDS, resolveApiUrl, type EmagPlatform } from './platforms';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

const bucketLimitsSchema = (perSecond: number, perMinute: number) =>
  z.object({ perSecond: positiveInt.default(perSecond), perMinute: positiveInt.default(perMinute) }).prefault({});

export const emagClientConfigSchema = z.object({
  /** Our name for the account (e.g. "main", "fbe"); labels metrics and logs. */
  account: z.string().trim().min(1).max(64),
  platform: z.enum(EMAG_PLATFORM_IDS as [EmagPlatform, ...EmagPlatform[]]),
  /** Overrides the platform's base URL (the sandbox, a proxy). http only for loopback hosts. */
  apiUrl: z.string().optional(),
  username: z.string().min(1),
  password: z.string().min(1),
  rateLimits: z
    .object({
      /** order/* routes: eMAG allows 12/s and 720/min. */
      orders: bucketLimitsSchema(12, 720),
      /** every other route together: eMAG allows 3/s and 180/min. */
      other: bucketLimitsSchema(3, 180),
      /**
       * Added to the 1-second window (and 10x to the 1-minute one) when counting sends. eMAG counts arrivals: a
       * request held up on the way by less than this still cannot land in the same second as the limit after it.
       * Every ms costs throughput (a bucket reaches at most 1000 / (1000 + margin) of eMAG's limit); why 80 ms:
       * docs/performance.md, §1/§2.
       */
      safetyMarginMs: nonNegativeInt.default(80),
      /**
       * Up to this much random delay is added to the pause after a 429, so this client and whoever else uses the
       * account do not resume in lockstep. Ordinary waits get none: the bucket grants one request at a time anyway.
       */
      jitterMs: nonNegativeInt.default(15),
      /** Pause of the bucket after a 429 when eMAG sends no Retry-After. */
      penaltyMs: nonNegativeInt.default(1_000),
      /** After a 429 the bucket runs at half speed (per 429, down to 1/8); each quiet period this long restores 2x. */
      slowdownDecayMs: positiveInt.default(30_000),
    })
    .prefault({}),
  retry: z
    .object({
      /** Total attempts per call, the first included (1 = never retry). */
      maxAttempts: z.number().int().min(1).max(10).default(3),
      /** Exponential backoff with decorrelated jitter starts around this delay... */
      initialDelayMs: nonNegativeInt.default(250),
      /** ...and never waits longer than this between attempts. */
      maxDelayMs: nonNegativeInt.default(10_000),
    })
    .prefault({}),
  breaker: z
    .object({
      /** Consecutive transient failures (transport, timeout, 5xx, garbled body) that open the breaker. */
      consecutiveFailures: positiveInt.default(5),
      /** Cool-down before one trial request is let through (half-open). */
      halfOpenAfterMs: positiveInt.default(60_000),
    })
    .prefault({}),
  /** Per-attempt timeout: from sending the request to having its whole body. */
  timeoutMs: positiveInt.default(30_000),
  /**
   * Per-route timeouts that replace `timeoutMs` for those routes (merged over the defaults): eMAG builds offer pages
   * from the whole catalogue, and a page of a big catalogue can take far longer than an order page.
   */
  routeTimeoutsMs: z.record(z.string(), positiveInt).optional(),
  maxInFlight: z
    .object({
      /** Order routes: at 12 req/s and typical 100-500 ms latency, 6 in flight keeps the budget usable. */
      orders: positiveInt.default(6),
      other: positiveInt.default(3),
    })
    .prefault({}),
  /** Calls waiting for an in-flight slot beyond this are refused (a `rateLimit` error, nothing sent). */
  maxQueued: positiveInt.default(10_000),
  /** Page size for the page walkers (eMAG's maximum is 100). */
  pageSize: z.number().int().min(1).max(100).default(100),
  userAgent: z.string().min(1).default('MagFlow'),
});

/** What callers pass: only account, platform, username and password are required. */
export type EmagClientConfig = z.input<typeof emagClientConfigSchema>;

/**
 * Routes slower than the rest by nature, and how many times `timeoutMs` they get unless `routeTimeoutsMs` names them:
 * offer reads and counts walk the seller's whole catalogue (120 s and 60 s with the default 30 s).
 */
export const SLOW_ROUTE_FACTORS: Readonly<Record<string, number>> = {
  'product_offer/read': 4,
  'product_offer/count': 2,
};

/** The fully-defaulted settings the client runs with, plus the resolved base URL. */
export type EmagClientSettings = Omit<z.output<typeof emagClientConfigSchema>, 'routeTimeoutsMs'> & {
  baseUrl: string;
  routeTimeoutsMs: Readonly<Record<string, number>>;
};

/** The timeout of one attempt on `route`. */
export const timeoutFor = (settings: EmagClientSettings, route: string): number =>
  settings.routeTimeoutsMs[route] ?? settings.timeoutMs;

export function resolveEmagClientSettings(config: EmagClientConfig): EmagClientSettings {
  const parsed = emagClientConfigSchema.safeParse(config);
  if (!parsed.success) {
    // zod's messages name the field and the rule, never the value, so the password cannot leak here.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw configError(`Invalid eMAG client settings: ${problems.join('; ')}`);
  }
  return {
    ...parsed.data,
    baseUrl: resolveApiUrl(parsed.data.platform, parsed.data.apiUrl),
    routeTimeoutsMs: {
      ...Object.fromEntries(
        Object.entries(SLOW_ROUTE_FACTORS).map(([route, factor]) => [route, parsed.data.timeoutMs * factor]),
      ),
      ...parsed.data.routeTimeoutsMs,
    },
  };
}
