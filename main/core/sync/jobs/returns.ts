// The returns job (issue 18): eMAG return requests (rma/read, rma/count), incremental like orders. Each run:
// 1. checks the account-health figures (from stored data, no request) and notifies a crossing;
// 2. reads the requests placed since the watermark (rewound a day: eMAG's `date` is the placing time, and a request
//    can reach the API a little later), all of them on the first run within the order-changes look-back;
// 3. re-reads the returns still moving (statuses 1, 2, 3, 6) by status, then by id those that left them, since
//    rma/read has no "modified since" filter (spec v4.4.9, "Return requests filters");
// 4. retries the requests set aside for the seller's attention.
// New requests after the first run are announced one by one (notification row + return_new: an OS notification).
import { OPEN_RETURN_STATUSES } from '../../../../shared/returns';
import { formatWallTime, PLATFORM_ZONES } from '../../../../shared/zoneTime';
import { watchAccountHealth } from '../../accountHealth/service';
import { wallMs, wallText } from '../../accountHealth/figures';
import { EmagError, isEmagError, type EmagRma, type RmaReadFilters } from '../../emag';
import type { TolerantPage } from '../../emag/tolerant';
import { storeReturns } from '../../returns/storeReturns';
import { accountOf, type JobContext } from '../context';
import { retrySetAside } from '../needsAttention';
import { PAGE_SIZE } from '../paging';

const DAY = 86_400_000;
/** Returns that left the open statuses are re-read by id, at most this many per run (oldest checked first). */
const MAX_BY_ID = 100;

/** Walks rma/read pages for the filters: stops at a short page; refuses a server that answers a page twice. */
async function* returnPages(
  ctx: JobContext,
  filters: Omit<RmaReadFilters, 'currentPage' | 'itemsPerPage'>,
): AsyncGenerator<TolerantPage<EmagRma>> {
  const client = ctx.client();
  let previous = '';
  for (let currentPage = 1; currentPage <= 65_535; currentPage++) {
    ctx.signal.throwIfAborted();
    const page = await ctx.call((options) =>
      client.rma.readPage({ ...filters, currentPage, itemsPerPage: PAGE_SIZE }, options),
    );
    const key = [...page.items.map((r) => r.emag_id), ...page.setAside.map((r) => r.emagId)].join(',');
    if (page.size > 0 && key === previous) {
      throw new EmagError({
        kind: 'badResponse',
        message: `eMAG returned the same rma/read page twice (pages ${currentPage - 1} and ${currentPage})`,
        route: 'rma/read',
      });
    }
    if (page.size > 0) {
      ctx.counts.pages++;
      yield page;
    }
    if (page.size < PAGE_SIZE) return;
    previous = key;
  }
}

async function returnCount(ctx: JobContext, filters: RmaReadFilters): Promise<number | null> {
  const client = ctx.client();
  try {
    return (await ctx.call((options) => client.rma.count(filters, options))).noOfItems;
  } catch (error) {
    if (ctx.signal.aborted || (isEmagError(error) && error.kind === 'aborted')) throw error;
    ctx.logger.warn('rma/count failed: returns are read without a total', {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

export async function returnsJob(ctx: JobContext): Promise<void> {
  const { repos } = ctx.deps;
  const account = accountOf(ctx);
  watchAccountHealth(ctx);

  const watermark = repos.cursors.get(account.id, 'returns');
  const announce = watermark !== undefined;
  const now = formatWallTime(ctx.deps.clock.now(), PLATFORM_ZONES[account.platform]);
  const lookbackDays = ctx.deps.settings().orderChangesLookbackDays;
  const since = wallText(watermark ? wallMs(watermark) - DAY : wallMs(now) - lookbackDays * DAY);
  const seen = new Set<number>();
  let latest = watermark ?? null;
  const store = (page: TolerantPage<EmagRma>) => {
    const outcome = storeReturns(ctx, page.items, page.setAside, announce);
    for (const id of outcome.seen) seen.add(id);
    if (outcome.latestDate !== null && (latest === null || outcome.latestDate > latest)) latest = outcome.latestDate;
  };

  // 1. New requests since the watermark.
  const recent = { date_start: since };
  const total = await returnCount(ctx, recent);
  ctx.progress(0, total);
  let done = 0;
  for await (const page of returnPages(ctx, recent)) {
    store(page);
    done += page.size;
    ctx.progress(done, total === null ? null : Math.max(total, done));
  }

  // 2. Returns still moving: by status, then by id those no longer in an open status.
  const open = repos.returns.openIds(account.id, OPEN_RETURN_STATUSES).filter((id) => !seen.has(id));
  if (open.length > 0) {
    for (const status of OPEN_RETURN_STATUSES) {
      for await (const page of returnPages(ctx, { request_status: status })) store(page);
    }
    const client = ctx.client();
    for (const emagId of open.filter((id) => !seen.has(id)).slice(0, MAX_BY_ID)) {
      ctx.signal.throwIfAborted();
      const page = await ctx.call((options) => client.rma.readPage({ emag_id: emagId }, options));
      if (page.size > 0) store(page);
    }
  }

  // 3. Requests set aside earlier.
  const client = ctx.client();
  await retrySetAside(
    ctx,
    'return',
    (id) => ctx.call((options) => client.rma.readPage({ emag_id: id }, options)),
    async (page) => store(page),
  );

  // The watermark never passes "now" (a request dated in the future must not hide the ones placed before it).
  const next = latest === null ? now : latest > now ? now : latest;
  repos.cursors.set(account.id, 'returns', next);
}
