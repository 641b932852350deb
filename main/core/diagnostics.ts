// The Diagnostics view: each live eMAG client's breaker and rate-limit buckets (with the limits the limiter keeps),
// the cache's counts, the latest failed runs, the records set aside and the metrics text.
import type { DiagnosticsView, LimiterBucketView } from '../../shared/views';
import type { AppCache } from './cache/appCache';
import type { Repositories } from './db';
import type { BucketRuntimeStats, RateBucketName } from './emag';
import type { EmagClients } from './emagClients';
import type { AppMetrics } from './metrics';

/** How much of a set-aside record's JSON the Diagnostics screen gets (the CLI's `status --json` has it whole). */
const RAW_PREVIEW_CHARS = 4_000;
const BUCKETS: readonly RateBucketName[] = ['orders', 'other'];

const bucketView = (bucket: RateBucketName, stats: BucketRuntimeStats): LimiterBucketView => ({
  bucket,
  lastSecond: stats.sentLastSecond,
  lastMinute: stats.sentLastMinute,
  limitPerSecond: stats.limits.perSecond,
  limitPerMinute: stats.limits.perMinute,
  queued: stats.queued,
  waits: stats.waits,
  totalWaitMs: stats.totalWaitMs,
  rateLimitHits: stats.hits429,
});

export function diagnostics(deps: {
  clients: EmagClients;
  cache: AppCache;
  repos: Repositories;
  metrics: AppMetrics;
}): () => Promise<DiagnosticsView> {
  const { clients, cache, repos, metrics } = deps;
  return async () => ({
    accounts: clients.live().map(({ account, client }) => {
      const stats = client.limiterStats();
      return {
        accountId: account.id,
        account: account.name,
        breaker: client.breakerState(),
        buckets: BUCKETS.map((bucket) => bucketView(bucket, stats[bucket])),
      };
    }),
    cache: cache.stats(),
    recentErrors: repos.syncRuns.list({ status: 'failed', limit: 20 }).rows.map((run) => ({
      at: run.finishedAt ?? run.startedAt,
      account: run.account,
      route: run.job,
      kind: run.errorKind ?? 'unknown',
      cause: run.cause,
      message: run.error ?? '',
    })),
    needsAttention: repos.needsAttention.list({ limit: 200 }).map((item) => ({
      ...item,
      raw: item.raw.length > RAW_PREVIEW_CHARS ? `${item.raw.slice(0, RAW_PREVIEW_CHARS)}…` : item.raw,
    })),
    metricsText: await metrics.registry.metrics(),
  });
}
