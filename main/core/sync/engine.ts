// The sync engine: runs one job once for one account, recorded in sync_runs from start to outcome, under a timeout,
// never twice at once for the same job and account (a second caller joins the run in progress).
import type { Account, JobName, RunMode, RunStatus, SyncRun } from '../../../shared/domain';
import type { HealthReport } from '../../../shared/views';
import type { RunCounts } from '../db';
import { describeEmagError, isEmagError } from '../emag';
import { notFound } from '../errors';
import { failureOf, type Failure } from '../failures/cause';
import { childLogger } from '../logging';
import { DEFAULT_TUNING, type HealthState, type JobContext, type SyncDeps } from './context';
import { unknownHealth } from './jobs/health';
import { ACCOUNT_JOBS, isAccountJob, jobDefinition } from './jobs/registry';
import { createSyncMetrics } from './metrics';
import { notificationText } from './notificationText';

export interface ActiveRun {
  job: JobName;
  accountId: number | null;
  runId: number;
  startedAt: string;
  progress: { done: number; total: number | null } | null;
}

export interface SyncEngine {
  /** Runs one job once for one account (null for maintenance/health), recorded in sync_runs. */
  runJob(job: JobName, accountId: number | null, mode: RunMode, signal?: AbortSignal): Promise<SyncRun>;
  /** Latest health report (from the last health run; 'unknown' before the first). */
  healthReport(): HealthReport;
  /** Runs in progress in this process. */
  activeRuns(): ActiveRun[];
  isRunning(job: JobName, accountId: number | null): boolean;
}

/** Raised by the run timer; tells a timeout apart from a caller's cancel. */
class RunTimeout extends Error {
  constructor(seconds: number) {
    super(`The run did not finish within ${seconds} s (run timeout); what it stored is kept`);
    this.name = 'RunTimeout';
  }
}

const runKey = (job: JobName, accountId: number | null): string => `${job}:${accountId ?? '*'}`;

const emptyCounts = (): RunCounts => ({
  pages: 0,
  requests: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  warnings: 0,
});

function describeError(error: unknown): RunError {
  const failure = failureOf(error);
  if (isEmagError(error)) {
    const detail = describeEmagError(error);
    return { message: detail, kind: error.kind, ...failure };
  }
  if (error instanceof Error)
    return { message: error.message, kind: error.name === 'AppError' ? 'config' : 'internal', ...failure };
  return { message: String(error), kind: 'internal', ...failure };
}

/** How a run that did not complete is recorded: the English detail for logs, the kind, and the seller's cause. */
type RunError = { message: string; kind: string } & Failure;

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const { repos, bus, clock } = deps;
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const metrics = deps.metrics ? createSyncMetrics(deps.metrics.registry) : null;
  const active = new Map<string, { run: ActiveRun; promise: Promise<SyncRun> }>();

  let health: HealthReport | null = null;
  const healthState: HealthState = {
    report: () => health ?? unknownHealth(repos.accounts.list()),
    publish: (report) => void (health = report),
    activeRunIds: () => [...active.values()].map((entry) => entry.run.runId),
  };

  /** One notification when a job of an account starts failing (not on every failed run after that). */
  function notifyFailure(run: SyncRun, previous: SyncRun | undefined): void {
    if (run.status !== 'failed' || previous?.status === 'failed') return;
    // An account whose other jobs already fail has already told the seller (bad credentials fail every job).
    const accountAlreadyFailing =
      run.accountId !== null &&
      ACCOUNT_JOBS.some((job) => job !== run.job && repos.syncRuns.last(job, run.accountId)?.status === 'failed');
    if (accountAlreadyFailing) return;
    const text = notificationText.syncFailed(deps.settings().language, run.account, run.job, run);
    const notification = repos.notifications.add({ kind: 'sync_failure', ...text, accountId: run.accountId });
    bus.emit({ type: 'notification_added', notification });
  }

  async function execute(
    job: JobName,
    account: Account | null,
    mode: RunMode,
    entry: ActiveRun,
    signal: AbortSignal | undefined,
  ): Promise<SyncRun> {
    const accountId = account?.id ?? null;
    const previous = repos.syncRuns.last(job, accountId);
    const started = repos.syncRuns.start(job, accountId, mode);
    entry.runId = started.id;
    entry.startedAt = started.startedAt;
    const accountLabel = account?.name ?? '';
    const logger = childLogger(deps.logger, { job, account: account?.name, runId: started.id });
    const timeoutSec = deps.settings().runTimeoutSec;
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(new RunTimeout(timeoutSec)), timeoutSec * 1000);
    const runSignal = signal ? AbortSignal.any([timer.signal, signal]) : timer.signal;
    const counts = emptyCounts();
    metrics?.runsInProgress.inc({ job });

    const ctx: JobContext = {
      deps,
      tuning,
      job,
      runId: started.id,
      account,
      signal: runSignal,
      counts,
      logger,
      metrics,
      health: healthState,
      progress(done, total) {
        entry.progress = { done, total };
        bus.emit({ type: 'sync_progress', job, accountId, done, total });
      },
      client() {
        if (!account) throw new Error(`The ${job} job has no account`);
        return deps.clientFor(account.id);
      },
      async call(send) {
        runSignal.throwIfAborted();
        counts.requests++;
        return send({ signal: runSignal });
      },
    };

    let status: Exclude<RunStatus, 'running'> = 'completed';
    let error: RunError | null = null;
    try {
      await jobDefinition(job).run(ctx);
      // A job that swallowed the abort still stopped early: say so.
      runSignal.throwIfAborted();
    } catch (caught) {
      if (timer.signal.aborted) {
        status = 'timed_out';
        error = { message: (timer.signal.reason as Error).message, kind: 'timeout', cause: 'timeout', reason: null };
        metrics?.timeouts.inc({ job, account: accountLabel });
      } else if (signal?.aborted) {
        status = 'cancelled';
        error = {
          message: 'The run was cancelled (MagFlow stopping or the seller asked)',
          kind: 'cancelled',
          cause: 'interrupted',
          reason: null,
        };
      } else {
        status = 'failed';
        error = describeError(caught);
      }
    } finally {
      clearTimeout(handle);
      metrics?.runsInProgress.dec({ job });
    }

    const run = repos.syncRuns.finish(started.id, {
      status,
      ...counts,
      error: error?.message,
      errorKind: error?.kind,
      cause: error?.cause,
      reason: error?.reason,
    });
    metrics?.runDuration.observe({ job, account: accountLabel, status: run.status }, (run.durationMs ?? 0) / 1000);
    if (error) logger.warn('sync run ended', { status, error: error.message, kind: error.kind });
    else logger.debug('sync run completed', { ...counts });
    try {
      notifyFailure(run, previous);
    } catch (failure) {
      logger.error('could not record the sync failure notification', { error: String(failure) });
    }
    bus.emit({ type: 'sync_finished', run });
    return run;
  }

  return {
    runJob(job, accountId, mode, signal) {
      const key = runKey(job, accountId);
      const running = active.get(key);
      if (running) return running.promise;

      let account: Account | null = null;
      if (isAccountJob(job)) {
        if (accountId === null) return Promise.reject(new Error(`The ${job} job runs per account: give an account`));
        account = repos.accounts.get(accountId) ?? null;
        if (!account) return Promise.reject(notFound('account', accountId));
      } else if (accountId !== null) {
        return Promise.reject(new Error(`The ${job} job runs for the whole app, not per account`));
      }

      const entry: ActiveRun = { job, accountId, runId: 0, startedAt: clock.now().toISOString(), progress: null };
      const promise = execute(job, account, mode, entry, signal).finally(() => active.delete(key));
      active.set(key, { run: entry, promise });
      return promise;
    },

    healthReport: () => healthState.report(),

    activeRuns: () => [...active.values()].map((entry) => ({ ...entry.run })),

    isRunning: (job, accountId) => active.has(runKey(job, accountId)),
  };
}
