// Health from what just happened (issue 16 §2): the 15-minute health job's report, overlaid with the latest run of
// each of the account's jobs and its open errors (actions eMAG refused), so "OK" never sits next to a red sync
// error and "last good sync" moves with every completed run. Pure: the core calls it on every read.
import { SELLER_MUST_ACT } from '../../../shared/causes';
import type { AccountHealth, HealthLevel, HealthReport, JobStateView, SyncStateView } from '../../../shared/views';
import { worst } from './jobs/health';

export interface LiveFacts {
  /** The scheduler's view: per job and account, its latest run and last good run. */
  state: SyncStateView;
  /** Actions eMAG refused for good, waiting for the seller (outbox state `failed`), per account. */
  failedActions(accountId: number): number;
}

const didFail = (job: JobStateView): boolean =>
  !job.running && job.lastRun !== null && (job.lastRun.status === 'failed' || job.lastRun.status === 'timed_out');

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || b > a ? b : a);

function liveAccount(account: AccountHealth, jobs: JobStateView[], facts: LiveFacts, checkedAt: string | null) {
  const lastGoodSyncAt = jobs.reduce((best, job) => later(best, job.lastGoodAt), account.lastGoodSyncAt);
  const ran = jobs.filter((job) => job.lastRun !== null && job.lastRun.status !== 'running');
  const failing = ran.filter(didFail);
  const failedActions = facts.failedActions(account.accountId);
  const base = { ...account, lastGoodSyncAt, paused: facts.state.paused, failedActions };
  const first = failing[0]?.lastRun;
  if (first) {
    // A cause only the seller can fix, or every job failing, is "not working"; one job hiccuping is "degraded".
    const mustAct = first.cause !== null && SELLER_MUST_ACT.has(first.cause);
    const level: HealthLevel = mustAct || failing.length === ran.length ? 'failing' : 'degraded';
    return {
      ...base,
      level,
      lastError: first.error,
      lastErrorKind: first.errorKind,
      cause: first.cause,
      reason: first.reason,
      failedJob: first.job,
    };
  }
  // Every job's latest run completed: what the health check saw before those runs is no longer news.
  const newerThanCheck =
    ran.length > 0 && (checkedAt === null || ran.every((job) => job.lastRun!.startedAt > checkedAt));
  const fresh = newerThanCheck
    ? { level: 'ok' as HealthLevel, lastError: null, lastErrorKind: null, cause: null, reason: null }
    : {};
  const merged = { ...base, ...fresh, failedJob: null };
  if (merged.level === 'ok' && account.breaker !== 'closed') merged.level = 'degraded';
  if (failedActions > 0 && merged.level === 'ok') merged.level = 'degraded';
  return merged;
}

export function liveHealth(report: HealthReport, facts: LiveFacts): HealthReport {
  const accounts: AccountHealth[] = report.accounts.map((account) =>
    liveAccount(
      account,
      facts.state.jobs.filter((job) => job.accountId === account.accountId),
      facts,
      report.checkedAt,
    ),
  );
  const level = report.database.ok
    ? worst(
        accounts.map((a) => a.level),
        report.level,
      )
    : 'failing';
  return { ...report, level, accounts, paused: facts.state.paused };
}
