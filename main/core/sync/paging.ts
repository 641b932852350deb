// Walks an eMAG read page by page for a job run: counts pages, stops at a short page or a page cap, and refuses a
// server that answers the same page twice (it would loop forever). Pages come record by record (tolerant.ts): a
// page's length counts its set-aside records, so one odd record never ends a walk early.
import { EmagError } from '../emag';
import { pageKey } from '../emag/pagination';
import type { TolerantPage } from '../emag/tolerant';
import type { JobContext } from './context';

export const PAGE_SIZE = 100;

export interface PageWalk {
  route: string;
  /** Stop after this many pages even if the last one was full (new orders: the cap is a setting). */
  maxPages?: number;
}

/** Yields each non-empty page; `truncated` is set when the cap stopped the walk with more pages left. */
export async function* walkPages<T extends { id: number }>(
  ctx: JobContext,
  readPage: (currentPage: number, itemsPerPage: number) => Promise<TolerantPage<T>>,
  walk: PageWalk,
  state: { truncated: boolean } = { truncated: false },
): AsyncGenerator<TolerantPage<T>, void, undefined> {
  const maxPages = walk.maxPages ?? 65_535;
  let previous = '';
  for (let page = 1; page <= maxPages; page++) {
    ctx.signal.throwIfAborted();
    const read = await readPage(page, PAGE_SIZE);
    const key = pageKey(read, (item) => item.id);
    if (read.size > 0 && key === previous) {
      throw new EmagError({
        kind: 'badResponse',
        message: `eMAG returned the same ${walk.route} page twice (pages ${page - 1} and ${page})`,
        route: walk.route,
      });
    }
    if (read.size > 0) {
      ctx.counts.pages++;
      yield read;
    }
    if (read.size < PAGE_SIZE) return;
    previous = key;
  }
  state.truncated = true;
}
