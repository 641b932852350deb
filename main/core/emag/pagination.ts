// Walks a paginated eMAG read page by page until a short page; never trusts a count to know when to stop.
import { EmagError } from './errors';
import type { SetAsideItem, TolerantPage } from './tolerant';

export interface Page<T> {
  /** 1-based page number as sent in currentPage. */
  page: number;
  items: T[];
  /** Records of this page MagFlow could not read (see tolerant.ts); the page's other records are in `items`. */
  setAside: SetAsideItem[];
}

export interface WalkOptions {
  route: string;
  itemsPerPage: number;
  startPage?: number;
  /** eMAG accepts currentPage up to 65535. */
  maxPage?: number;
}

export type ItemKey<T> = (item: T) => number | string;

/** A page's identity for "the same page twice": its records' keys, the set-aside ones included. */
export const pageKey = <T>(page: TolerantPage<T>, keyOf: ItemKey<T>): string =>
  [...page.items.map(keyOf), ...page.setAside.map((item) => `?${item.emagId}`)].join(',');

/**
 * Yields every non-empty page. Stops after the first page shorter than itemsPerPage (an empty one included); a page's
 * length counts its set-aside records too, so one odd record never ends a walk early.
 * A page identical to the one before means the server ignores currentPage: that is a badResponse, not an endless loop.
 */
export async function* walkPages<T>(
  readPage: (currentPage: number, itemsPerPage: number) => Promise<TolerantPage<T>>,
  options: WalkOptions & { keyOf: ItemKey<T> },
): AsyncGenerator<Page<T>, void, undefined> {
  const { itemsPerPage, route, keyOf } = options;
  const maxPage = options.maxPage ?? 65_535;
  let previous: string | undefined;
  for (let page = options.startPage ?? 1; page <= maxPage; page++) {
    const read = await readPage(page, itemsPerPage);
    const key = pageKey(read, keyOf);
    if (read.size > 0 && key === previous) {
      throw new EmagError({
        kind: 'badResponse',
        message: `eMAG returned the same ${route} page twice (pages ${page - 1} and ${page}): it ignores currentPage`,
        route,
      });
    }
    if (read.size > 0) yield { page, items: read.items, setAside: read.setAside };
    if (read.size < itemsPerPage) return;
    previous = key;
  }
  throw new EmagError({
    kind: 'badResponse',
    message: `${route} still returned full pages at page ${maxPage}, eMAG's last page number`,
    route,
  });
}

/**
 * Every item of every page, once: an item met again on a later page (the list shifted while we walked) is kept
 * in its first position with its latest content. A record that could not be read fails the whole collection (a
 * badResponse naming it): a list that silently missed it would look complete. Walk `pages` to keep the rest.
 */
export async function collectPages<T>(pages: AsyncIterable<Page<T>>, keyOf: ItemKey<T>, route: string): Promise<T[]> {
  const byKey = new Map<number | string, T>();
  for await (const { items, setAside } of pages) {
    const odd = setAside[0];
    if (odd) throw unreadableRecord(route, odd);
    for (const item of items) byKey.set(keyOf(item), item);
  }
  return [...byKey.values()];
}

/** The error of an all-or-nothing read that met a record it could not read. */
export function unreadableRecord(route: string, item: SetAsideItem): EmagError {
  return new EmagError({
    kind: 'badResponse',
    message: `eMAG's answer to ${route} has an unexpected shape: ${item.reason}`,
    route,
  });
}
