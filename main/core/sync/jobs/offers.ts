// The offers job: count, then every page of the seller's offers, upserted (each offer once per run), with progress.
import { CACHE_KEYS } from '../../cache';
import type { OfferRecord } from '../../db';
import { isEmagError } from '../../emag';
import { accountOf, type JobContext } from '../context';
import { mapOffer } from '../mapOffer';
import { walkPages } from '../paging';

export async function offersJob(ctx: JobContext): Promise<void> {
  const { repos, cache } = ctx.deps;
  const account = accountOf(ctx);
  const client = ctx.client();
  // The count only feeds the progress bar; the walk stops at the first short page whatever it said, and a count that
  // fails leaves the bar without a total instead of failing the run.
  const total = await offerCount(ctx);
  ctx.progress(0, total);
  const seen = new Set<number>();
  let changed = 0;
  const pages = walkPages(
    ctx,
    (currentPage, itemsPerPage) => ctx.call((options) => client.offers.read({ currentPage, itemsPerPage }, options)),
    { route: 'product_offer/read' },
  );
  for await (const page of pages) {
    // The list can shift while it is walked: an offer met twice is written once.
    const records: OfferRecord[] = [];
    for (const offer of page) {
      if (seen.has(offer.id)) continue;
      seen.add(offer.id);
      records.push(mapOffer(offer, account.id));
    }
    const outcomes = repos.offers.upsertMany(records);
    for (const outcome of outcomes) {
      ctx.counts[outcome]++;
      if (outcome !== 'unchanged') changed++;
    }
    ctx.progress(seen.size, total === null ? null : Math.max(total, seen.size));
  }
  if (changed > 0) await cache.deletePrefix(CACHE_KEYS.offerListPrefix);
  const labels = { job: ctx.job, account: account.name };
  for (const outcome of ['created', 'updated', 'unchanged'] as const) {
    if (ctx.counts[outcome] > 0) ctx.metrics?.items.inc({ ...labels, outcome }, ctx.counts[outcome]);
  }
  ctx.metrics?.offers.set({ account: account.name }, repos.offers.countByAccount(account.id));
}

async function offerCount(ctx: JobContext): Promise<number | null> {
  const client = ctx.client();
  try {
    return (await ctx.call((options) => client.offers.count({}, options))).noOfItems;
  } catch (error) {
    if (ctx.signal.aborted || (isEmagError(error) && error.kind === 'aborted')) throw error;
    ctx.logger.warn('product_offer/count failed: offers are read without a total', {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
