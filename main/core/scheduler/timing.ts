// How often each job runs (from the settings) and how far a first run is pushed back (random jitter).
import type { JobName } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';

/** The interval of a job. The outbox drain also runs on kicks and when retries fall due; this is its fallback poll. */
export function intervalMs(job: JobName, settings: Settings): number {
  const { intervals } = settings;
  switch (job) {
    case 'new-orders':
    case 'acknowledge':
      return intervals.newOrdersSec * 1000;
    case 'order-changes':
      return intervals.orderChangesSec * 1000;
    case 'offers':
      return intervals.offersSec * 1000;
    case 'maintenance':
      return intervals.maintenanceSec * 1000;
    case 'health':
      return intervals.healthSec * 1000;
  }
}

/** At least a second, plus up to half the interval (at most 30 s): first runs spread out and off round times. */
export function firstRunDelayMs(interval: number, random: () => number): number {
  return 1_000 + Math.floor(random() * Math.min(interval / 2, 30_000));
}
