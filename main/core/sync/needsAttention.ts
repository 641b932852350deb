// Records set aside during a run ("needs attention"): counted as the run's warnings and logged; and the retry every
// run of the order-changes and offers jobs makes, re-reading each listed record by id. A record that reads and maps
// now is stored, which takes it off the list; one that still fails is seen again. None is ever skipped silently.
import type { NeedsAttentionKind } from '../../../shared/domain';
import type { SetAsideRecord } from '../db';
import type { TolerantPage } from '../emag/tolerant';
import { accountOf, type JobContext } from './context';

/** Per run and kind, the eMAG ids of the records its pages set aside (the retry does not read them twice). */
const metThisRun = new WeakMap<JobContext, Map<NeedsAttentionKind, Set<string>>>();

function metBy(ctx: JobContext, kind: NeedsAttentionKind): Set<string> {
  let byKind = metThisRun.get(ctx);
  if (!byKind) metThisRun.set(ctx, (byKind = new Map()));
  let ids = byKind.get(kind);
  if (!ids) byKind.set(kind, (ids = new Set()));
  return ids;
}

/** Counts a run's set-aside records as warnings (the run completes), logs them and counts them in the metrics. */
export function noteSetAside(ctx: JobContext, kind: NeedsAttentionKind, items: readonly SetAsideRecord[]): void {
  if (items.length === 0) return;
  const account = accountOf(ctx);
  const met = metBy(ctx, kind);
  for (const item of items) if (item.emagId) met.add(item.emagId);
  ctx.counts.warnings += items.length;
  ctx.metrics?.items.inc({ job: ctx.job, account: account.name, outcome: 'set_aside' }, items.length);
  for (const item of items) {
    ctx.logger.warn(`${kind} set aside for the seller's attention; the rest of its page was stored`, {
      emagId: item.emagId || null,
      reason: item.reason,
    });
  }
}

/**
 * Re-reads the account's set-aside records of one kind by id (least recently tried first, at most
 * `setAsideRetriesPerRun`; those this run's pages already met are skipped) and hands
 * each answer to `store`, which stores what maps and sets aside again what does not. A record eMAG no longer returns
 * stays listed for the seller; one without a readable id cannot be re-read and waits to be met in a page again.
 */
export async function retrySetAside<T>(
  ctx: JobContext,
  kind: NeedsAttentionKind,
  read: (id: number) => Promise<TolerantPage<T>>,
  store: (page: TolerantPage<T>) => Promise<void>,
): Promise<void> {
  const { repos } = ctx.deps;
  const account = accountOf(ctx);
  // What this run's pages already met was just tried; retry the others.
  const skip = new Set(metBy(ctx, kind));
  for (const item of repos.needsAttention.due(account.id, kind, ctx.tuning.setAsideRetriesPerRun, skip)) {
    ctx.signal.throwIfAborted();
    repos.needsAttention.markTried(item.id);
    const id = Number(item.emagId);
    if (!Number.isSafeInteger(id) || id < 1) continue;
    const page = await read(id);
    if (page.size > 0) await store(page);
  }
}
