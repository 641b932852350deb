// Read models the window shows: dashboard, sync state, health, diagnostics. Built in main, rendered as is.
import type { FailureCause } from './causes';
import type { Account, JobName, NeedsAttentionItem, OrderStatus, RunStatus, SyncRun } from './domain';

export interface AccountOrderCounts {
  accountId: number;
  account: string;
  byStatus: Record<OrderStatus, number>;
  unacknowledged: number;
}

export interface RevenueTotal {
  currency: string;
  todayMinor: number;
  monthMinor: number;
}

export interface OrdersPerDay {
  /** Platform-local date 'YYYY-MM-DD'. */
  day: string;
  count: number;
}

export interface DashboardView {
  counts: AccountOrderCounts[];
  revenue: RevenueTotal[];
  ordersPerDay: OrdersPerDay[];
  sync: SyncStateView;
  health: HealthReport;
  generatedAt: string;
}

export interface JobStateView {
  job: JobName;
  accountId: number | null;
  account: string | null;
  running: boolean;
  progress: { done: number; total: number | null } | null;
  lastRun: SyncRun | null;
  lastGoodAt: string | null;
  nextRunAt: string | null;
}

export interface SyncStateView {
  paused: boolean;
  demo: boolean;
  jobs: JobStateView[];
}

export type HealthLevel = 'ok' | 'degraded' | 'failing' | 'unknown';

export interface AccountHealth {
  accountId: number;
  account: string;
  level: HealthLevel;
  reachable: boolean | null;
  lastError: string | null;
  lastErrorKind: string | null;
  lastGoodSyncAt: string | null;
  breaker: BreakerStateName;
  /** Why it fails, in the seller's terms (shared/causes.ts), and eMAG's own words; null when nothing fails. */
  cause?: FailureCause | null;
  reason?: string | null;
  /** The job whose latest run failed (the one the cause is about), if any. */
  failedJob?: JobName | null;
  /** Actions eMAG refused for good, waiting for the seller. */
  failedActions?: number;
  /** The seller paused the sync: nothing is fetched until they resume. */
  paused?: boolean;
}

export interface HealthReport {
  level: HealthLevel;
  database: { ok: boolean; message: string | null };
  accounts: AccountHealth[];
  stuckRunsMarked: number;
  checkedAt: string | null;
  /** The seller paused the sync (every account waits). */
  paused?: boolean;
}

export type BreakerStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export interface LimiterBucketView {
  bucket: 'orders' | 'other';
  lastSecond: number;
  lastMinute: number;
  limitPerSecond: number;
  limitPerMinute: number;
  queued: number;
  waits: number;
  totalWaitMs: number;
  rateLimitHits: number;
}

export interface DiagnosticsView {
  accounts: { accountId: number; account: string; breaker: BreakerStateName; buckets: LimiterBucketView[] }[];
  cache: { hits: number; misses: number; hitRate: number; keys: number };
  recentErrors: {
    at: string;
    account: string | null;
    route: string | null;
    kind: string;
    /** The cause the run stored (a 500 is eMAG's error, an IP refusal the IP); null for runs from before causes. */
    cause: FailureCause | null;
    message: string;
  }[];
  /** Records eMAG sent that MagFlow set aside (newest sighting first); `raw` is cut to a few KB for the window. */
  needsAttention: NeedsAttentionItem[];
  metricsText: string;
}

export interface AppInfo {
  version: string;
  demo: boolean;
  dataDir: string;
  logsDir: string | null;
  platform: string;
  runtime: 'electron' | 'browser';
  accounts: Account[];
}

export type { RunStatus };
