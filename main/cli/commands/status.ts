// `status`: what the data folder holds right now: accounts, the last run of every job, orders by status,
// pending outbox actions, records set aside for attention, whether a scheduler runs on it, and a health level
// derived from the recorded runs.
import { Command } from 'commander';
import { ORDER_STATUSES, type JobName, type SyncRun } from '../../../shared/domain';
import { emagToday, systemClock } from '../../core/clock';
import { ACCOUNT_JOBS, APP_JOBS } from '../../core/sync/jobs/registry';
import { printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { dataDirLockState, describeHolder } from '../../core/lock/dataDirLock';
import { formatTable } from '../table';

const STATUS_NAMES = ['canceled', 'new', 'in_progress', 'prepared', 'finalized', 'returned'] as const;

/** Stored JSON back as a value (text that is not JSON stays text). */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

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
          ...APP_JOBS.map((job) => ({ job, accountId: null })),
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
          // Records eMAG sent that MagFlow could not read or store: listed whole (with eMAG's JSON) for scripts.
          needsAttention: repos.needsAttention.list().map((item) => ({
            account: item.account,
            kind: item.kind,
            emagId: item.emagId,
            reason: item.reason,
            firstSeenAt: item.firstSeenAt,
            lastSeenAt: item.lastSeenAt,
            timesSeen: item.timesSeen,
            raw: parseJsonOrText(item.raw),
          })),
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
          `Attention:   ${status.needsAttention.length === 0 ? 'nothing set aside' : `${status.needsAttention.length} record(s) eMAG sent could not be read (listed below; retried on every sync)`}`,
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
        /** A table after a blank line, only when it has rows. */
        const section = (headers: string[], rows: unknown[][]): void => {
          if (rows.length > 0) ctx.io.out(`\n${formatTable(headers, rows)}`);
        };
        section(
          ['needs attention', 'account', 'eMAG id', 'seen', 'last seen', 'reason'],
          status.needsAttention.map((n) => [n.kind, n.account, n.emagId ?? '—', n.timesSeen, n.lastSeenAt, n.reason]),
        );
        section(
          ['job', 'account', 'last run', 'status', 'ms', 'error'],
          status.lastRuns.map((r) => [r.job, r.account ?? '(all)', r.startedAt, r.status, r.durationMs, r.error ?? '']),
        );
      });
    });
}
