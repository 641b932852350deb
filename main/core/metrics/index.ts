// Public surface of the metrics module.
export { BREAKER_STATE_VALUE, createMetrics, METRIC_PREFIX } from './registry';
export type { AppMetrics, CreateMetricsOptions, EmagMetrics } from './registry';
