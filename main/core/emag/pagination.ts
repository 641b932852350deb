// Walks a paginated eMAG read page by page until a short page; never trusts a count to know when to stop.
import { EmagError } from './errors';

export interface Page<T> {
  /** 1-based page number as sent in currentPage. */
  page: number;
  items: T[];
}

export interface WalkOptions {
  route: string;
  itemsPerPage: number;
  startPage?: number;
  /** eMAG accepts currentPage up to 65535. */
  maxPage?: number;
}

export type ItemKey<T> = (item: T) => number | string;

/**
 * Yields every non-empty page. Stops after the first page shorter than itemsPerPage (an empty one included).
 * A page identical to the one before means the server ignores currentPage: that is a badResponse, not an endless loop.
 */
export async function* walkPages<T>(
  readPage: (currentPage: number, itemsPerPage: number) => Promise<T[]>,
  options: WalkOptions & { keyOf: ItemKey<T> },
): AsyncGenerator<Page<T>, void, undefined> {
  const { itemsPerPage, route, keyOf } = options;
  const maxPage = options.maxPage ?? 65_535;
  let previous: string | undefined;
  for (let page = options.startPage ?? 1; page <= maxPage; page++) {
    const items = await readPage(page, itemsPerPage);
    const key = items.map(keyOf).join(',');
    if (items.length > 0 && key === previous) {
      throw new EmagError({
        kind: 'badResponse',
        message: `eMAG returned the same ${route} page twice (pages ${page - 1} and ${page}): it ignores currentPage`,
        route,
      });
    }
    if (items.length > 0) yield { page, items };
    if (items.length < itemsPerPage) return;
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
 * in its first position with its latest content.
 */
export async function collectPages<T>(pages: AsyncIterable<Page<T>>, keyOf: ItemKey<T>): Promise<T[]> {
  const byKey = new Map<number | string, T>();
  for await (const { items } of pages) for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}
