// `sync`: runs jobs once (all per-account jobs of every enabled account, then the app-wide ones) and exits.
// Exit 0 when every run completed, 1 when any did not; Ctrl+C aborts the runs (recorded as cancelled).
import { Command } from 'commander';
import type { JobName, SyncRun } from '../../../shared/domain';
import { APP_JOBS, isAccountJob, SYNC_NOW_ORDER } from '../../core/sync/jobs/registry';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure, UsageError } from '../errors';
import { jobOption } from '../jobOption';
import { formatTable } from '../table';

/** The run fields `sync --json` prints (a public interface: keep stable). */
export function runSummary(run: SyncRun) {
  return {
    job: run.job,
    account: run.account,
    status: run.status,
    pages: run.pages,
    requests: run.requests,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    warnings: run.warnings,
    durationMs: run.durationMs,
    error: run.error,
  };
}

export function runsTable(runs: readonly SyncRun[]): string {
  return formatTable(
    [
      'job',
      'account',
      'status',
      'pages',
      'requests',
      'created',
      'updated',
      'unchanged',
      'failed',
      'set aside',
      'ms',
      'error',
    ],
    runs.map((r) => [
      r.job,
      r.account ?? '(all)',
      r.status,
      r.pages,
      r.requests,
      r.created,
      r.updated,
      r.unchanged,
      r.failed,
      r.warnings,
      r.durationMs,
      r.error ?? '',
    ]),
  );
}

interface RunPlan {
  /** Per account, its jobs in order (accounts run in parallel, one never holds up another). */
  perAccount: { accountId: number; jobs: JobName[] }[];
  /** App-wide jobs, after the account jobs. */
  global: JobName[];
}

/** `withGlobal`: `--job all` without `--account` also runs the app-wide jobs. */
export function planRuns(job: JobName | 'all', accountIds: readonly number[], withGlobal: boolean): RunPlan {
  if (job !== 'all' && !isAccountJob(job)) return { perAccount: [], global: [job] };
  const jobs = job === 'all' ? [...SYNC_NOW_ORDER] : [job];
  return {
    perAccount: accountIds.map((accountId) => ({ accountId, jobs })),
    global: job === 'all' && withGlobal ? [...APP_JOBS] : [],
  };
}

async function executePlan(
  plan: RunPlan,
  runJob: (job: JobName, accountId: number | null) => Promise<SyncRun>,
): Promise<SyncRun[]> {
  const perAccount = await Promise.all(
    plan.perAccount.map(async ({ accountId, jobs }) => {
      const runs: SyncRun[] = [];
      for (const job of jobs) runs.push(await runJob(job, accountId));
      return runs;
    }),
  );
  const runs = perAccount.flat();
  for (const job of plan.global) runs.push(await runJob(job, null));
  return runs;
}

export function syncCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('sync')
    .description('run the sync jobs once and exit')
    .addOption(jobOption('which job', ['all']).default('all'))
    .option('--account <name>', 'only this account')
    .action(async (options: { job: JobName | 'all'; account?: string }, cmd: Command) => {
      if (options.account !== undefined && options.job !== 'all' && !isAccountJob(options.job)) {
        throw new UsageError(`--job ${options.job} is app-wide: it takes no --account`);
      }
      const g = globals(cmd);
      await withCore(
        ctx,
        g,
        async ({ core }) => {
          const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
          // Demo accounts belong to a sandbox that lives only while `serve`/`demo` runs: sync them only when named.
          const enabled = core.repos.accounts.list().filter((a) => a.enabled && !a.isDemo);
          if (!account && enabled.length === 0 && (options.job === 'all' || isAccountJob(options.job))) {
            throw new CliFailure('no enabled account to sync; add one with `magflow accounts add`');
          }
          const plan = planRuns(options.job, account ? [account.id] : enabled.map((a) => a.id), !account);
          // Ctrl+C or SIGTERM aborts the runs in flight: they end as cancelled and the exit code is 1.
          const controller = new AbortController();
          const abort = () => controller.abort();
          process.once('SIGINT', abort);
          process.once('SIGTERM', abort);
          let runs: SyncRun[];
          try {
            runs = await executePlan(plan, (job, accountId) =>
              core.engine.runJob(job, accountId, 'manual', controller.signal),
            );
          } finally {
            process.off('SIGINT', abort);
            process.off('SIGTERM', abort);
          }
          if (g.json) printJson(ctx.io, { runs: runs.map(runSummary) });
          else ctx.io.out(runs.length > 0 ? runsTable(runs) : 'Nothing to run.\n');
          const notCompleted = runs.filter((r) => r.status !== 'completed');
          if (notCompleted.length > 0) {
            throw new CliFailure(
              `${notCompleted.length} of ${runs.length} runs did not complete (${notCompleted
                .map((r) => `${r.job}${r.account ? `/${r.account}` : ''}: ${r.status}`)
                .join(', ')})`,
            );
          }
        },
        { lockFor: 'sync' },
      );
    });
}
