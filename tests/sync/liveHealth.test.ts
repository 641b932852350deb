// Health from what just happened (issue 16 §2): the health job's report is overlaid with each job's latest run and
// the account's open errors. Each case below is a problem found in the issue, reproduced on the old rule.
import { describe, expect, it } from 'vitest';
import type { AccountHealth, HealthReport, SyncStateView } from '../../shared/views';
import { liveHealth } from '../../main/core/sync/liveHealth';
import { makeRun } from '../support/syncRuns';

const makeSyncState = (over: Partial<SyncStateView> = {}): SyncStateView => ({
  paused: false,
  demo: false,
  jobs: [1, 2].map((accountId) => ({
    job: 'new-orders' as const,
    accountId,
    account: `Shop ${accountId}`,
    running: false,
    progress: null,
    lastRun: makeRun(accountId, { accountId, startedAt: '2025-03-10T07:59:00Z' }),
    lastGoodAt: '2025-03-10T07:59:02Z',
    nextRunAt: null,
  })),
  ...over,
});

const healthy = (accountId: number): AccountHealth => ({
  accountId,
  account: `Shop ${accountId}`,
  level: 'ok',
  reachable: true,
  lastError: null,
  lastErrorKind: null,
  lastGoodSyncAt: '2025-03-10T07:59:02Z',
  breaker: 'closed',
});

const makeHealth = (over: Partial<HealthReport> = {}): HealthReport => ({
  level: 'ok',
  database: { ok: true, message: null },
  accounts: [healthy(1), healthy(2)],
  stuckRunsMarked: 0,
  checkedAt: '2025-03-10T08:00:00Z',
  ...over,
});

const facts = (state: SyncStateView, failed: Record<number, number> = {}) => ({
  state,
  failedActions: (accountId: number) => failed[accountId] ?? 0,
});

/** Account 1's new-orders job ends with `run`; the health job last checked at 08:00 and found everything OK. */
function afterRun(run: ReturnType<typeof makeRun>, lastGoodAt = '2025-03-10T08:00:02Z'): SyncStateView {
  const state = makeSyncState();
  state.jobs[0] = { ...state.jobs[0]!, lastRun: run, lastGoodAt };
  return state;
}

describe('live health', () => {
  it('a red sync error is never next to "OK": the failed run makes the account failing, with its cause', () => {
    const run = makeRun(5, {
      status: 'failed',
      startedAt: '2025-03-10T08:05:00Z',
      error: 'eMAG refused this computer IP',
      errorKind: 'auth',
      cause: 'ip_not_whitelisted',
      reason: 'Access denied: IP 1.2.3.4 is not whitelisted',
    });
    const report = liveHealth(makeHealth(), facts(afterRun(run)));
    expect(report.accounts[0]).toMatchObject({
      level: 'failing',
      cause: 'ip_not_whitelisted',
      reason: 'Access denied: IP 1.2.3.4 is not whitelisted',
      failedJob: 'new-orders',
    });
    expect(report.level).toBe('failing');
  });

  it("one job's passing trouble (eMAG's 500) while others work is degraded, not failing", () => {
    const state = afterRun(makeRun(5, { status: 'failed', cause: 'emag_error', startedAt: '2025-03-10T08:05:00Z' }));
    state.jobs.push({ ...state.jobs[0]!, job: 'offers', lastRun: makeRun(6, { startedAt: '2025-03-10T08:06:00Z' }) });
    expect(liveHealth(makeHealth(), facts(state)).accounts[0]!.level).toBe('degraded');
  });

  it('"last good sync" moves with every completed run, not only with the health job', () => {
    const run = makeRun(7, { startedAt: '2025-03-10T09:30:00Z', finishedAt: '2025-03-10T09:30:02Z' });
    const report = liveHealth(makeHealth(), facts(afterRun(run, '2025-03-10T09:30:02Z')));
    expect(report.accounts[0]!.lastGoodSyncAt).toBe('2025-03-10T09:30:02Z');
  });

  it('a health-check failure that runs since then have cleared is no longer reported', () => {
    const stale = makeHealth({ level: 'failing' });
    stale.accounts[0] = { ...stale.accounts[0]!, level: 'failing', reachable: false, lastError: 'timeout' };
    const state = afterRun(makeRun(8, { startedAt: '2025-03-10T08:10:00Z' }));
    state.jobs[1] = { ...state.jobs[1]!, lastRun: makeRun(9, { startedAt: '2025-03-10T08:10:00Z' }) };
    const report = liveHealth(stale, facts(state));
    expect(report.accounts[0]).toMatchObject({ level: 'ok', lastError: null });
    expect(report.level).toBe('ok');
  });

  it('actions eMAG refused for good (open errors) make the account degraded', () => {
    const report = liveHealth(makeHealth(), facts(makeSyncState(), { 2: 3 }));
    expect(report.accounts[1]).toMatchObject({ level: 'degraded', failedActions: 3 });
  });

  it('a paused sync is said on the report and on every account', () => {
    const report = liveHealth(makeHealth(), facts(makeSyncState({ paused: true })));
    expect(report.paused).toBe(true);
    expect(report.accounts.every((a) => a.paused)).toBe(true);
  });

  it('a running job does not count as failed', () => {
    const state = afterRun(makeRun(5, { status: 'failed', cause: 'network', startedAt: '2025-03-10T08:05:00Z' }));
    state.jobs[0] = { ...state.jobs[0]!, running: true };
    expect(liveHealth(makeHealth(), facts(state)).accounts[0]!.level).toBe('ok');
  });
});
