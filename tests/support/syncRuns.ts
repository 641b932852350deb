// A finished sync run for tests: a plausible completed new-orders run of account 1, overridable per test.
import type { SyncRun } from '../../shared/domain';

export function makeRun(id: number, over: Partial<SyncRun> = {}): SyncRun {
  return {
    id,
    job: 'new-orders',
    accountId: 1,
    account: 'Magazin RO',
    mode: 'scheduled',
    status: 'completed',
    startedAt: '2025-03-10T08:00:00Z',
    finishedAt: '2025-03-10T08:00:02Z',
    durationMs: 2000,
    pages: 1,
    requests: 1,
    created: 1,
    updated: 0,
    unchanged: 3,
    failed: 0,
    warnings: 0,
    error: null,
    errorKind: null,
    cause: null,
    reason: null,
    ...over,
  };
}
