// The job registry: every job named in shared/domain.ts has one definition, and the lists the engine, the scheduler,
// health and the CLI use are derived from it in the order they depend on.
import { describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../shared/domain';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import {
  ACCOUNT_JOBS,
  APP_JOBS,
  intervalMs,
  isAccountJob,
  JOBS,
  OUTBOX_JOB,
  SYNC_NOW_ORDER,
} from '../../main/core/sync/jobs/registry';

describe('job registry', () => {
  it('defines every job once, in the order of the shared names', () => {
    expect(JOBS.map((job) => job.name)).toEqual([...JOB_NAMES]);
    expect([...ACCOUNT_JOBS, ...APP_JOBS].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('derives the per-account and app-wide lists, and the sync-now order (actions right after new orders)', () => {
    expect(ACCOUNT_JOBS).toEqual(['new-orders', 'order-changes', 'send-actions', 'offers', 'returns']);
    expect(APP_JOBS).toEqual(['maintenance', 'health']);
    expect(SYNC_NOW_ORDER).toEqual(['new-orders', 'send-actions', 'order-changes', 'offers', 'returns']);
    expect(ACCOUNT_JOBS.every(isAccountJob)).toBe(true);
    expect(APP_JOBS.some(isAccountJob)).toBe(false);
    expect(OUTBOX_JOB).toBe('send-actions');
  });

  it('times each job by its setting; the outbox drain polls at the new-orders interval', () => {
    const intervals = Object.fromEntries(JOB_NAMES.map((job) => [job, intervalMs(job, DEFAULT_SETTINGS)]));
    expect(intervals).toEqual({
      'new-orders': 60_000,
      'order-changes': 300_000,
      'send-actions': 60_000,
      offers: 3_600_000,
      maintenance: 86_400_000,
      health: 900_000,
      returns: 900_000,
    });
    const faster = { ...DEFAULT_SETTINGS, intervals: { ...DEFAULT_SETTINGS.intervals, newOrdersSec: 15 } };
    expect(intervalMs('send-actions', faster)).toBe(15_000);
  });
});
