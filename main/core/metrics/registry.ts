// The app's one prom-client registry and the eMAG client's metrics; other modules register theirs on the same registry.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const METRIC_PREFIX = 'magflow_';

/** Circuit breaker states as gauge values (the gauge reads 0 while all is well). */
export const BREAKER_STATE_VALUE = { closed: 0, open: 1, 'half-open': 2, isolated: 3 } as const;

export interface EmagMetrics {
  /** HTTP requests actually sent, by outcome: `ok` or the EmagError kind. Retries count once per attempt. */
  requests: Counter<'account' | 'route' | 'outcome'>;
  /** Wall time of each HTTP request (send to parsed body), seconds. */
  requestDuration: Histogram<'account' | 'route' | 'outcome'>;
  /** How long requests waited for a rate-limit slot, seconds (0 when a slot was free). */
  rateLimitWait: Histogram<'account' | 'bucket'>;
  /** Requests not sent yet: waiting for an in-flight slot or a rate-limit slot. */
  rateLimitQueue: Gauge<'account' | 'bucket'>;
  /** HTTP 429 answers received (each one slows the bucket down). */
  rateLimitHits: Counter<'account' | 'bucket'>;
  /** Retries scheduled after a transient failure. */
  retries: Counter<'account' | 'route'>;
  /** Circuit breaker state per account, see BREAKER_STATE_VALUE. */
  breakerState: Gauge<'account'>;
  /** Requests that hit the per-request timeout. */
  timeouts: Counter<'account' | 'route'>;
}

export interface AppMetrics {
  registry: Registry;
  emag: EmagMetrics;
}

export interface CreateMetricsOptions {
  /** Also collect Node process metrics (CPU, memory, event loop lag). Off by default (tests create many registries). */
  processMetrics?: boolean;
}

function createEmagMetrics(registry: Registry): EmagMetrics {
  const registers = [registry];
  const p = `${METRIC_PREFIX}emag_`;
  return {
    requests: new Counter({
      name: `${p}requests_total`,
      help: 'eMAG API HTTP requests sent, by account, route and outcome (ok or error kind)',
      labelNames: ['account', 'route', 'outcome'],
      registers,
    }),
    requestDuration: new Histogram({
      name: `${p}request_duration_seconds`,
      help: 'eMAG API request duration in seconds',
      labelNames: ['account', 'route', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    rateLimitWait: new Histogram({
      name: `${p}rate_limit_wait_seconds`,
      help: 'Time requests waited for a rate-limit slot, in seconds',
      labelNames: ['account', 'bucket'],
      buckets: [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60],
      registers,
    }),
    rateLimitQueue: new Gauge({
      name: `${p}rate_limit_queue_length`,
      help: 'eMAG requests waiting to be sent (for an in-flight slot or a rate-limit slot)',
      labelNames: ['account', 'bucket'],
      registers,
    }),
    rateLimitHits: new Counter({
      name: `${p}rate_limit_hits_total`,
      help: 'HTTP 429 responses received from the eMAG API',
      labelNames: ['account', 'bucket'],
      registers,
    }),
    retries: new Counter({
      name: `${p}retries_total`,
      help: 'Retries of eMAG API requests after transient failures',
      labelNames: ['account', 'route'],
      registers,
    }),
    breakerState: new Gauge({
      name: `${p}circuit_breaker_state`,
      help: 'Circuit breaker state per account: 0 closed, 1 open, 2 half-open, 3 isolated',
      labelNames: ['account'],
      registers,
    }),
    timeouts: new Counter({
      name: `${p}timeouts_total`,
      help: 'eMAG API requests that hit the per-request timeout',
      labelNames: ['account', 'route'],
      registers,
    }),
  };
}

/** Creates the app's metrics registry. Call once per process (or per test) and pass it to whoever records metrics. */
export function createMetrics(options: CreateMetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return { registry, emag: createEmagMetrics(registry) };
}
