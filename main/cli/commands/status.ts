// `status`: what the data folder holds right now: accounts, the last run of every job, orders by status,
// pending outbox actions, whether a scheduler runs on it, and a health level derived from the recorded runs.
import { Command } from 'commander';
import { ORDER_STATUSES, type JobName, type SyncRun } from '../../../shared/domain';
import { emagToday, systemClock } from '../../core/clock';
import { ACCOUNT_JOBS, GLOBAL_JOBS } from '../../core/sync';
import { printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { dataDirLockState, describeHolder } from '../../core/lock/dataDirLock';
import { formatTable } from '../table';

const STATUS_NAMES = ['canceled', 'new', 'in_progress', 'prepared', 'finalized', 'returned'] as const;

/** ok: every last run completed; degraded: some did not; unknown: nothing ran yet. */
function healthLevel(lastRuns: readonly SyncRun[]): 'ok' | 'degraded' | 'unknown' {
  if (lastRuns.length === 0) return 'unknown';
  return lastRuns.every((r) => r.status === 'completed' || r.status === 'running') ? 'ok' : 'degraded';
}

export function statusCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('status')
    .description('accounts, last runs, orders by status, pending actions, health')
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, ({ core }) => {
        const { repos } = core;
        const accounts = repos.accounts.list();
        const pairs: { job: JobName; accountId: number | null }[] = [
          ...accounts.flatMap((a) => ACCOUNT_JOBS.map((job) => ({ job, accountId: a.id }))),
          ...GLOBAL_JOBS.map((job) => ({ job, accountId: null })),
        ];
        const lastRuns = pairs.flatMap(({ job, accountId }) => {
          const run = repos.syncRuns.last(job, accountId);
          return run ? [run] : [];
        });
        const counts = repos.stats.orderStats(emagToday(systemClock)).counts;
        const lock = dataDirLockState(core.dataDir);
        const holder = lock.held ? lock.holder : null;
        const status = {
          dataDir: core.dataDir,
          // Whoever holds the data-folder lock (the desktop app, `run`, `sync`, `serve`...) is the one syncing.
          scheduler: {
            runningPid: holder?.pid ?? null,
            heldBy: lock.held ? { description: describeHolder(holder), ...holder } : null,
          },
          accounts: accounts.map((a) => ({
            id: a.id,
            name: a.name,
            platform: a.platform,
            kind: a.kind,
            enabled: a.enabled,
            demo: a.isDemo,
          })),
          lastRuns: lastRuns.map((r) => ({
            job: r.job,
            account: r.account,
            status: r.status,
            startedAt: r.startedAt,
            finishedAt: r.finishedAt,
            durationMs: r.durationMs,
            error: r.error,
          })),
          orders: counts.map((c) => ({
            account: c.account,
            byStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [STATUS_NAMES[s], c.byStatus[s]])),
            total: ORDER_STATUSES.reduce<number>((sum, s) => sum + c.byStatus[s], 0),
            unacknowledged: c.unacknowledged,
          })),
          outbox: { pending: repos.outbox.countByState('pending'), failed: repos.outbox.countByState('failed') },
          health: {
            level: healthLevel(lastRuns),
            lastCheck: lastRuns.find((r) => r.job === 'health')?.finishedAt ?? null,
          },
        };
        if (g.json) {
          printJson(ctx.io, status);
          return;
        }
        const out: string[] = [
          `Data folder: ${status.dataDir}`,
          `Syncing:     ${status.scheduler.heldBy ? `yes, by ${status.scheduler.heldBy.description}` : 'no (no MagFlow process holds this folder)'}`,
          `Health:      ${status.health.level}`,
          `Outbox:      ${status.outbox.pending} pending, ${status.outbox.failed} failed`,
          '',
        ];
        ctx.io.out(out.join('\n') + '\n');
        if (accounts.length === 0) ctx.io.out('No accounts. Add one with `magflow accounts add`.\n');
        else {
          ctx.io.out(
            formatTable(
              ['account', 'platform', 'kind', 'enabled', ...STATUS_NAMES, 'total'],
              status.orders.map((o) => {
                const a = accounts.find((x) => x.name === o.account);
                return [
                  o.account,
                  a?.platform,
                  a?.kind,
                  a?.enabled ? 'yes' : 'no',
                  ...Object.values(o.byStatus),
                  o.total,
                ];
              }),
            ),
          );
        }
        if (status.lastRuns.length > 0) {
          ctx.io.out('\n');
          ctx.io.out(
            formatTable(
              ['job', 'account', 'last run', 'status', 'ms', 'error'],
              status.lastRuns.map((r) => [
                r.job,
                r.account ?? '(all)',
                r.startedAt,
                r.status,
                r.durationMs,
                r.error ?? '',
              ]),
            ),
          );
        }
      });
    });
}
