// The health job: database quick check, one cheap eMAG call per enabled account, age of the last good sync,
// runs left `running` past the stuck timeout marked failed; publishes the report (health_changed when it changes).
import type { Account, JobName, SyncRun } from '../../../../shared/domain';
import type { Settings } from '../../../../shared/settings';
import type { AccountHealth, BreakerStateName, HealthLevel, HealthReport } from '../../../../shared/views';
import { isEmagError, type EmagClient } from '../../emag';
import { orderTypeOf, type JobContext } from '../context';

/** What the health check needs to know of the other jobs (from the registry, which runs this job). */
export interface JobFacts {
  /** The per-account jobs, in the order they are listed (the first lagging one is reported). */
  accountJobs: readonly JobName[];
  intervalMs(job: JobName, settings: Settings): number;
}

const RANK: Record<HealthLevel, number> = { unknown: 0, ok: 1, degraded: 2, failing: 3 };

export const worst = (levels: HealthLevel[], empty: HealthLevel = 'ok'): HealthLevel =>
  levels.reduce<HealthLevel>((a, b) => (RANK[b] > RANK[a] ? b : a), levels.length === 0 ? empty : 'unknown');

/** The report before any health run: nothing known yet. */
export function unknownHealth(accounts: Account[]): HealthReport {
  return {
    level: 'unknown',
    database: { ok: true, message: null },
    accounts: accounts
      .filter((a) => a.enabled)
      .map((a) => ({
        accountId: a.id,
        account: a.name,
        level: 'unknown',
        reachable: null,
        lastError: null,
        lastErrorKind: null,
        lastGoodSyncAt: null,
        breaker: 'closed',
      })),
    stuckRunsMarked: 0,
    checkedAt: null,
  };
}

/** The comparable part of a report: what a change of would be worth telling the window about. */
export const healthSignature = (report: HealthReport): string =>
  JSON.stringify([
    report.level,
    report.database.ok,
    report.accounts.map((a) => [a.accountId, a.level, a.reachable, a.lastErrorKind, a.breaker]),
  ]);

/**
 * The first job of the account whose last run did not complete and that has not completed for three of its intervals
 * (at least 15 min), counted from its last good run or, if it never had one, from when the account was added: a job
 * that keeps failing while the others work. A single failure is not news yet (the failure notification told it).
 */
function laggingJob(ctx: JobContext, jobs: JobFacts, account: Account, now: number): SyncRun | null {
  const { repos } = ctx.deps;
  const settings = ctx.deps.settings();
  for (const job of jobs.accountJobs) {
    const last = repos.syncRuns.last(job, account.id);
    if (!last || last.status === 'completed' || last.status === 'running') continue;
    const since = repos.syncRuns.last(job, account.id, 'completed')?.finishedAt ?? account.createdAt;
    const allowedMs = Math.max(3 * jobs.intervalMs(job, settings), 15 * 60_000);
    if (now - Date.parse(since) > allowedMs) return last;
  }
  return null;
}

async function checkAccount(ctx: JobContext, jobs: JobFacts, account: Account): Promise<AccountHealth> {
  const { repos, clock } = ctx.deps;
  const settings = ctx.deps.settings();
  let client: EmagClient | null = null;
  let reachable = false;
  let lastError: string | null = null;
  let lastErrorKind: string | null = null;
  try {
    client = ctx.deps.clientFor(account.id);
    const reading = client;
    // order/count draws from the large order budget and costs eMAG next to nothing.
    await ctx.call((options) => reading.orders.count({ status: 1, type: orderTypeOf(account) }, options));
    reachable = true;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    lastError = error instanceof Error ? error.message : String(error);
    lastErrorKind = isEmagError(error) ? error.kind : 'config';
    // eMAG answered with its envelope (a refusal, or a count of a shape it never documented): reachable all the same.
    reachable = isEmagError(error) && (error.kind === 'api' || (error.kind === 'badResponse' && !error.transient));
  }
  const good = jobs.accountJobs
    .map((job) => repos.syncRuns.last(job, account.id, 'completed')?.finishedAt ?? null)
    .filter((at): at is string => at !== null)
    .sort();
  const lastGoodSyncAt = good.at(-1) ?? null;
  const now = clock.now().getTime();
  const staleAfterMs = Math.max(3 * settings.intervals.newOrdersSec * 1000, 15 * 60_000);
  const stale = lastGoodSyncAt !== null && now - Date.parse(lastGoodSyncAt) > staleAfterMs;
  // One job can fail while the API answers (a refusal, a page MagFlow cannot read): that job's error is the news.
  const lagging = reachable ? laggingJob(ctx, jobs, account, now) : null;
  if (lagging) {
    lastError = `${lagging.job}: ${lagging.error ?? lagging.status}`;
    lastErrorKind = lagging.errorKind ?? lagging.status;
  }
  const breaker: BreakerStateName = client?.breakerState() ?? 'closed';
  const level: HealthLevel = !reachable ? 'failing' : breaker !== 'closed' || stale || lagging ? 'degraded' : 'ok';
  return {
    accountId: account.id,
    account: account.name,
    level,
    reachable,
    lastError,
    lastErrorKind,
    lastGoodSyncAt,
    breaker,
  };
}

async function checkDatabase(ctx: JobContext): Promise<HealthReport['database']> {
  try {
    const check = ctx.deps.checkDatabase ? await ctx.deps.checkDatabase(ctx.signal) : ctx.deps.repos.quickCheck();
    return { ok: check === 'ok', message: check === 'ok' ? null : check };
  } catch (error) {
    if (ctx.signal.aborted) throw error; // a stopped run is not a damaged database
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function healthJob(ctx: JobContext, jobs: JobFacts): Promise<void> {
  const state = ctx.health;
  const { repos, clock, bus } = ctx.deps;
  const settings = ctx.deps.settings();
  const stuckBefore = new Date(clock.now().getTime() - settings.stuckTimeoutMin * 60_000);
  const stuckRunsMarked = repos.syncRuns.markStuck(
    stuckBefore,
    `Still running after ${settings.stuckTimeoutMin} min: marked failed by the health check`,
    state.activeRunIds(),
  );
  // The database check reads the whole file: in the worker, while the accounts are asked at the same time.
  const [database, accounts] = await Promise.all([
    checkDatabase(ctx),
    Promise.all(
      repos.accounts
        .list()
        .filter((account) => account.enabled)
        .map((account) => checkAccount(ctx, jobs, account)),
    ),
  ]);
  const report: HealthReport = {
    level: database.ok ? worst(accounts.map((a) => a.level)) : 'failing',
    database,
    accounts,
    stuckRunsMarked,
    checkedAt: clock.now().toISOString(),
  };
  ctx.counts.failed = accounts.filter((a) => !a.reachable).length + (database.ok ? 0 : 1);
  ctx.counts.updated = stuckRunsMarked;
  const previous = state.report();
  state.publish(report);
  if (previous.checkedAt === null || healthSignature(previous) !== healthSignature(report)) {
    bus.emit({ type: 'health_changed', health: report });
  }
  if (stuckRunsMarked > 0) ctx.logger.warn('stuck runs marked failed', { count: stuckRunsMarked });
}
