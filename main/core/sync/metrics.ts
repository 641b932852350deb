// Sync metrics on the app's one prom-client registry: run durations and outcomes, items written, runs in progress,
// offers per account, timeouts and outbox sends.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '../metrics';

export interface SyncMetrics {
  /** Wall time of each run, seconds, by job, account and how it ended. */
  runDuration: Histogram<'job' | 'account' | 'status'>;
  /** Orders/offers written or refused, by job, account and outcome (created, updated, unchanged, failed). */
  items: Counter<'job' | 'account' | 'outcome'>;
  /** Runs in progress now, by job. */
  runsInProgress: Gauge<'job'>;
  /** Offers stored per account after the last offers run. */
  offers: Gauge<'account'>;
  /** Runs that hit the run timeout. */
  timeouts: Counter<'job' | 'account'>;
  /** Outbox attempts by kind and outcome (sent, retry, failed). */
  outbox: Counter<'kind' | 'outcome'>;
}

const p = `${METRIC_PREFIX}sync_`;

/** The registry may already hold them (one engine rebuilt on the same registry): reuse instead of re-registering. */
function existing<T>(registry: Registry, name: string): T | undefined {
  return registry.getSingleMetric(name) as T | undefined;
}

export function createSyncMetrics(registry: Registry): SyncMetrics {
  const registers = [registry];
  return {
    runDuration:
      existing(registry, `${p}run_duration_seconds`) ??
      new Histogram({
        name: `${p}run_duration_seconds`,
        help: 'Sync run duration in seconds, by job, account and final status',
        labelNames: ['job', 'account', 'status'],
        buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
        registers,
      }),
    items:
      existing(registry, `${p}items_total`) ??
      new Counter({
        name: `${p}items_total`,
        help: 'Orders and offers processed by sync runs, by job, account and outcome',
        labelNames: ['job', 'account', 'outcome'],
        registers,
      }),
    runsInProgress:
      existing(registry, `${p}runs_in_progress`) ??
      new Gauge({ name: `${p}runs_in_progress`, help: 'Sync runs in progress', labelNames: ['job'], registers }),
    offers:
      existing(registry, `${p}offers`) ??
      new Gauge({ name: `${p}offers`, help: 'Offers stored per account', labelNames: ['account'], registers }),
    timeouts:
      existing(registry, `${p}timeouts_total`) ??
      new Counter({
        name: `${p}timeouts_total`,
        help: 'Sync runs stopped by the run timeout',
        labelNames: ['job', 'account'],
        registers,
      }),
    outbox:
      existing(registry, `${p}outbox_attempts_total`) ??
      new Counter({
        name: `${p}outbox_attempts_total`,
        help: 'Outbox send attempts by action kind and outcome (sent, retry, failed)',
        labelNames: ['kind', 'outcome'],
        registers,
      }),
  };
}
