// The order-changes job: every order modified since the watermark (rewound by a small overlap), all statuses, in
// windows eMAG accepts; the watermark moves after each complete window, so a stopped run resumes where it was.
import { accountOf, orderTypeOf, type JobContext } from '../context';
import { fromEmagDate, toEmagDate } from '../../clock';
import { completeFirstImport, isImported } from '../firstImport';
import { EmagError, isEmagError, type EmagClient, type EmagOrder, type OrderReadFilters } from '../../emag';
import { pageKey } from '../../emag/pagination';
import type { TolerantPage } from '../../emag/tolerant';
import { retrySetAside } from '../needsAttention';
import { PAGE_SIZE } from '../paging';
import { storeOrders } from '../storeOrders';

const DAY_MS = 86_400_000;
/** eMAG allows at most one month between modifiedAfter and modifiedBefore: 28 days fits every month. */
export const WINDOW_MS = 28 * DAY_MS;
/** Consecutive windows share their boundary second. */
const BOUNDARY_OVERLAP_MS = 1_000;
/** A window ending closer to now than this is "recent": its watermark comes from eMAG's own dates (see below). */
const RECENT_MS = DAY_MS;

export interface Window {
  from: Date;
  to: Date;
}

/**
 * The windows to read: from the watermark minus the overlap (never further back than the lookback, which is also
 * where a first import starts) up to `now` (rounded up to a whole second), in steps of at most WINDOW_MS. Each
 * window starts a second before the previous one ended: eMAG's dates have whole seconds, and an order modified in
 * the boundary second is then inside a window whether eMAG's bounds are inclusive or not (reading it twice is free).
 * A watermark in the future (the computer's clock was wrong, then corrected) counts as now, so changes are not
 * skipped until the clock catches up with it.
 */
export function changeWindows(
  watermark: string | undefined,
  now: Date,
  lookbackDays: number,
  overlapMs: number,
): Window[] {
  const earliest = now.getTime() - lookbackDays * DAY_MS;
  // eMAG dates have whole seconds: rounding the end up keeps an order modified earlier in this same second inside.
  const end = Math.ceil(now.getTime() / 1000) * 1000;
  const mark = watermark === undefined ? Number.NaN : Math.min(Date.parse(watermark), now.getTime());
  let from = Number.isNaN(mark) ? earliest : Math.max(mark - overlapMs, earliest);
  const windows: Window[] = [];
  if (from >= end) return windows;
  for (;;) {
    const to = Math.min(from + WINDOW_MS, end);
    windows.push({ from: new Date(from), to: new Date(to) });
    if (to >= end) return windows;
    from = to - BOUNDARY_OVERLAP_MS;
  }
}

/**
 * Where the next run starts after `window` was read to its end. An old window ends in the past by any clock: its end
 * is the watermark. A recent one ends at this computer's "now", which may be ahead of eMAG's: an order eMAG changes
 * a minute later could carry a date before that end and never be read. So a recent window moves the watermark only
 * as far as the newest `modified` date eMAG itself returned (never back, never past the window's end); a quiet
 * account keeps its watermark and re-reads a short window.
 */
export function nextWatermark(
  previous: string | undefined,
  window: Window,
  newestModified: number,
  now: number,
): string {
  if (window.to.getTime() < now - RECENT_MS) return window.to.toISOString();
  const parsed = previous === undefined ? Number.NaN : Date.parse(previous);
  const before = Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : Math.min(parsed, now);
  const at = Math.min(Math.max(before, window.from.getTime(), newestModified), window.to.getTime());
  return new Date(at).toISOString();
}

/** Far more pages than a 28-day window of any seller holds; stops a wild count from looping for ever. */
const MAX_PAGES = 10_000;

/**
 * Reads every order of one window. eMAG pages by offset, newest first, and an order modified while the window is
 * being read leaves it (its new date is past the window's end): every order after it moves up one place, and the one
 * on the next page boundary would be skipped for good. So a window of more than one page is read from its last page
 * back to the second, then its first page again: orders only ever move towards pages still to be read, never past
 * them.
 */
async function* readWindow(
  ctx: JobContext,
  client: EmagClient,
  filters: Pick<OrderReadFilters, 'type' | 'modifiedAfter' | 'modifiedBefore'>,
): AsyncGenerator<TolerantPage<EmagOrder>, void, undefined> {
  const read = async (currentPage: number): Promise<TolerantPage<EmagOrder>> => {
    ctx.signal.throwIfAborted();
    const page = await ctx.call((options) =>
      client.orders.readPage({ ...filters, currentPage, itemsPerPage: PAGE_SIZE }, options),
    );
    if (page.size > 0) ctx.counts.pages++;
    return page;
  };
  // An order met twice in one window (it moved across a page boundary) is stored and counted once; so is one set
  // aside (by its id as text).
  const seen = new Set<string>();
  const firstTime = (key: string): boolean => !seen.has(key) && Boolean(seen.add(key));
  const unseen = (page: TolerantPage<EmagOrder>): TolerantPage<EmagOrder> => ({
    items: page.items.filter((order) => firstTime(String(order.id))),
    setAside: page.setAside.filter((item) => !item.emagId || firstTime(item.emagId)),
    size: page.size,
  });
  const same = (page: number, current: TolerantPage<EmagOrder>, previous: TolerantPage<EmagOrder>): void => {
    if (current.size > 0 && pageKey(current, (o) => o.id) === pageKey(previous, (o) => o.id)) {
      throw new EmagError({
        kind: 'badResponse',
        message: `eMAG returned the same order/read page twice (pages ${page - 1} and ${page})`,
        route: 'order/read',
      });
    }
  };
  const first = await read(1);
  yield unseen(first);
  if (first.size < PAGE_SIZE) return;
  const count = await countOrNull(ctx, client, filters);
  if (count === null) {
    // No count: walk forward to the end, then back from the last page to the first. Every order a forward read may
    // have skipped (it moved up while the pages were read) is met on the way back; the window costs twice the pages.
    let previous = first;
    let last = 1;
    for (let page = 2; page <= MAX_PAGES; page++) {
      const current = await read(page);
      same(page, current, previous);
      yield unseen(current);
      last = page;
      if (current.size < PAGE_SIZE) break;
      previous = current;
    }
    for (let page = last - 1; page >= 1; page--) yield unseen(await read(page));
    return;
  }
  const counted = Math.min(Math.max(2, Math.ceil(count / PAGE_SIZE)), MAX_PAGES);
  // The last page, and on past it while pages are full (a count that came up short, or orders added meanwhile).
  let previous = first;
  for (let page = counted; page <= MAX_PAGES; page++) {
    const current = await read(page);
    same(page, current, previous);
    yield unseen(current);
    if (current.size < PAGE_SIZE) break;
    previous = current;
  }
  for (let page = counted - 1; page >= 2; page--) yield unseen(await read(page));
  yield unseen(await read(1));
}

/**
 * The window's order count, which tells where its last page is; null when eMAG would not count (the route's answer
 * is undocumented): the walk then finds the end itself rather than failing the run.
 */
async function countOrNull(
  ctx: JobContext,
  client: EmagClient,
  filters: Pick<OrderReadFilters, 'type' | 'modifiedAfter' | 'modifiedBefore'>,
): Promise<number | null> {
  try {
    return (await ctx.call((options) => client.orders.count(filters, options))).noOfItems;
  } catch (error) {
    if (ctx.signal.aborted || (isEmagError(error) && error.kind === 'aborted')) throw error;
    ctx.logger.warn('order/count failed: the window is walked to its end and back instead', {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/** eMAG's `modified` (or `date`) of a set-aside record, when its JSON has one MagFlow can read. */
function rawModified(raw: unknown): string {
  if (raw === null || typeof raw !== 'object') return '';
  const record = raw as Record<string, unknown>;
  const text = record.modified ?? record.date;
  return typeof text === 'string' ? text : '';
}

export async function orderChangesJob(ctx: JobContext): Promise<void> {
  const { repos, clock } = ctx.deps;
  const account = accountOf(ctx);
  const client = ctx.client();
  const settings = ctx.deps.settings();
  const windows = changeWindows(
    repos.cursors.get(account.id, 'order-changes'),
    clock.now(),
    settings.orderChangesLookbackDays,
    ctx.tuning.orderChangesOverlapMs,
  );
  const type = orderTypeOf(account);
  const now = clock.now().getTime();
  let mark = repos.cursors.get(account.id, 'order-changes');
  let done = 0;
  for (const window of windows) {
    let newest = Number.NEGATIVE_INFINITY;
    const filters = {
      type,
      modifiedAfter: toEmagDate(window.from, account.platform),
      modifiedBefore: toEmagDate(window.to, account.platform),
    };
    for await (const page of readWindow(ctx, client, filters)) {
      if (page.items.length + page.setAside.length === 0) continue;
      // Set-aside orders are stored in "needs attention" before the watermark moves past them, and retried by id
      // below on every run: the watermark never skips them.
      await storeOrders(ctx, page.items, page.setAside);
      const dates = [
        ...page.items.map((order) => order.modified ?? order.date ?? ''),
        ...page.setAside.map((item) => rawModified(item.raw)),
      ];
      for (const text of dates) {
        const modified = fromEmagDate(text, account.platform).getTime();
        if (modified > newest) newest = modified;
      }
      done += page.items.length + page.setAside.length;
      ctx.progress(done, null);
    }
    // Only a window read to its end moves the watermark: a timeout mid-window re-reads it next time.
    mark = nextWatermark(mark, window, newest, now);
    repos.cursors.set(account.id, 'order-changes', mark);
  }
  await retrySetAside(
    ctx,
    'order',
    (id) => ctx.call((options) => client.orders.readPage({ id, type }, options)),
    async (page) => void (await storeOrders(ctx, page.items, page.setAside)),
  );
  if (!isImported(repos, account)) completeFirstImport(ctx, account);
}
