// The offers job: count, then every page of the seller's offers, upserted (each offer once per run), with progress.
// An offer MagFlow cannot read or map is set aside for the seller's attention; the rest of its page is stored.
import type { OfferRecord, SetAsideRecord } from '../../db';
import { isEmagError, type EmagOffer } from '../../emag';
import { rawOf, type TolerantPage } from '../../emag/tolerant';
import { accountOf, type JobContext } from '../context';
import { mapOffer, OfferMapError } from '../mapOffer';
import { noteSetAside, retrySetAside } from '../needsAttention';
import { confirmOfferEdits, notifyLowStock } from '../offerFollowUp';
import { walkPages } from '../paging';

/** Stores one page of offers (those not met yet in this run) and sets aside what cannot be stored; counts changes. */
function storeOfferPage(ctx: JobContext, page: TolerantPage<EmagOffer>, seen: Set<number>): number {
  const { repos } = ctx.deps;
  const account = accountOf(ctx);
  const records: OfferRecord[] = [];
  const setAside: SetAsideRecord[] = [...page.setAside];
  for (const offer of page.items) {
    // The list can shift while it is walked: an offer met twice is written once.
    if (seen.has(offer.id)) continue;
    seen.add(offer.id);
    try {
      records.push(mapOffer(offer, account.id, account.platform, rawOf(offer)));
    } catch (error) {
      if (!(error instanceof OfferMapError)) throw error;
      setAside.push({ emagId: String(offer.id), raw: rawOf(offer), reason: error.message });
    }
  }
  const outcomes = repos.transaction(() => {
    const written = repos.offers.upsertMany(records);
    const stored = records.map((record) => record.id);
    repos.needsAttention.settle(account.id, 'offer', setAside, stored);
    return written;
  });
  noteSetAside(ctx, 'offer', setAside);
  let changed = 0;
  for (const outcome of outcomes) {
    ctx.counts[outcome]++;
    if (outcome !== 'unchanged') changed++;
  }
  return changed;
}

export async function offersJob(ctx: JobContext): Promise<void> {
  const { repos, bus } = ctx.deps;
  const account = accountOf(ctx);
  const client = ctx.client();
  // The count only feeds the progress bar; the walk stops at the first short page whatever it said, and a count that
  // fails leaves the bar without a total instead of failing the run.
  const total = await offerCount(ctx);
  ctx.progress(0, total);
  const seen = new Set<number>();
  let changed = 0;
  let done = 0;
  const pages = walkPages(
    ctx,
    (currentPage, itemsPerPage) =>
      ctx.call((options) => client.offers.readPage({ currentPage, itemsPerPage }, options)),
    { route: 'product_offer/read' },
  );
  for await (const page of pages) {
    changed += storeOfferPage(ctx, page, seen);
    done += page.size;
    const reached = Math.max(seen.size, done);
    ctx.progress(reached, total === null ? null : Math.max(total, reached));
  }
  await retrySetAside(
    ctx,
    'offer',
    (id) => ctx.call((options) => client.offers.readPage({ id }, options)),
    async (page) => void (changed += storeOfferPage(ctx, page, new Set())),
  );
  if (changed > 0) bus.emit({ type: 'offers_written', accountId: account.id, changed });
  // The offers as eMAG has them now: sent edits they show are confirmed; offers under their threshold notify.
  confirmOfferEdits(ctx);
  notifyLowStock(ctx);
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
