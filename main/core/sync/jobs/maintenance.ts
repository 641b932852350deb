// The maintenance job: retention (old runs, notifications, finished outbox actions), cache prune, DB optimize,
// and the daily database backup.
import type { JobContext } from '../context';

const DAY_MS = 86_400_000;

export async function maintenanceJob(ctx: JobContext): Promise<void> {
  const { repos, cache, clock } = ctx.deps;
  const retentionDays = ctx.deps.settings().retentionDays;
  const before = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  const removed = {
    runs: repos.syncRuns.deleteOlderThan(before),
    notifications: repos.notifications.deleteOlderThan(before),
    outbox: repos.outbox.deleteFinishedBefore(before),
    cache: await cache.prune(),
  };
  ctx.signal.throwIfAborted();
  repos.optimize();
  // Last, after retention: a failed backup fails the run, so it shows in the sync history with its reason.
  const backup = ctx.deps.backup ? await ctx.deps.backup(ctx.signal) : null;
  // The run row has no "deleted" column: removed rows are reported as updated (documented in docs/sync.md).
  ctx.counts.updated = removed.runs + removed.notifications + removed.outbox + removed.cache;
  ctx.logger.info('maintenance done', {
    retentionDays,
    ...removed,
    backup: backup?.created?.path ?? null,
    backupsRemoved: backup?.removed.length ?? 0,
  });
}
