// What the sync engine needs from the app, and what one job run gets to work with.
import type { Account, JobName } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import type { HealthReport } from '../../../shared/views';
import type { AppCache } from '../cache/appCache';
import type { Clock } from '../clock';
import type { Repositories, RunCounts } from '../db';
import type { BackupOutcome } from '../db/backup';
import type { CallOptions, EmagClient } from '../emag';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logging';
import type { AppMetrics } from '../metrics';
import type { SyncMetrics } from './metrics';

/** Knobs with production defaults; tests shorten them. */
export interface SyncTuning {
  /** First outbox retry delay after a transient failure (doubles per attempt). Default 30 s. */
  outboxRetryBaseMs?: number;
  /** Longest delay between outbox retries. Default 30 min. */
  outboxRetryMaxMs?: number;
  /** Outbox actions sent at once per account. Default 4. */
  outboxConcurrency?: number;
  /** After the first import, more new orders than this in one page become one "N new orders" notification. Default 25. */
  coalesceNewOrdersAbove?: number;
  /** How far the order-changes watermark is rewound before each run, to catch writes racing the last one. Default 2 min. */
  orderChangesOverlapMs?: number;
  /** Set-aside records (needs attention) re-read by id per run and kind, least recently tried first. Default 100. */
  setAsideRetriesPerRun?: number;
  /** Random source for retry jitter. Default Math.random. */
  random?: () => number;
}

export interface SyncDeps {
  repos: Repositories;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  cache: AppCache;
  /** The facade builds and caches one client per account (with its secret). May throw (no secret, bad URL). */
  clientFor(accountId: number): EmagClient;
  settings(): Settings;
  /** The app registry: sync metrics are added to it. */
  metrics?: AppMetrics;
  tuning?: SyncTuning;
  /** Takes the daily database backup (run by the maintenance job) off the main thread; absent for in-memory databases. */
  backup?: (signal: AbortSignal) => Promise<BackupOutcome>;
  /**
   * PRAGMA quick_check of the database off the main thread (the health job): 'ok' or the problems. Absent for
   * in-memory databases, which are checked on the main thread (they are small: tests).
   */
  checkDatabase?: (signal: AbortSignal) => Promise<string>;
}

export const DEFAULT_TUNING: Required<SyncTuning> = {
  outboxRetryBaseMs: 30_000,
  outboxRetryMaxMs: 30 * 60_000,
  outboxConcurrency: 4,
  coalesceNewOrdersAbove: 25,
  orderChangesOverlapMs: 2 * 60_000,
  setAsideRetriesPerRun: 100,
  random: Math.random,
};

/** Where the latest health report lives between runs, and which runs this process is running right now. */
export interface HealthState {
  report(): HealthReport;
  publish(report: HealthReport): void;
  activeRunIds(): number[];
}

/** One run of one job: its row, its account, its cancellation, its counters. */
export interface JobContext {
  readonly deps: SyncDeps;
  readonly tuning: Required<SyncTuning>;
  readonly job: JobName;
  readonly runId: number;
  /** The account the run is for; null for maintenance and health. */
  readonly account: Account | null;
  /** Fires on the run timeout, on stop, or when the caller cancels. */
  readonly signal: AbortSignal;
  readonly counts: RunCounts;
  readonly logger: Logger;
  readonly metrics: SyncMetrics | null;
  /** The engine's health report (the health job publishes it). */
  readonly health: HealthState;
  /** Reports progress (sync_progress event, scheduler state). */
  progress(done: number, total: number | null): void;
  /** The run's account's eMAG client. */
  client(): EmagClient;
  /** Sends one eMAG request with the run's signal, counting it. */
  call<T>(send: (options: CallOptions) => Promise<T>): Promise<T>;
}

/** The run's account; jobs that are per account call this rather than checking for null each time. */
export function accountOf(ctx: JobContext): Account {
  if (!ctx.account) throw new Error(`The ${ctx.job} job needs an account`);
  return ctx.account;
}

/** eMAG order type an account reads: main accounts sell type 3, FBE accounts type 2 (read asks for it explicitly). */
export const orderTypeOf = (account: Account): 2 | 3 => (account.kind === 'fbe' ? 2 : 3);
