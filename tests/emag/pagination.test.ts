import { describe, expect, it } from 'vitest';
import { EmagError } from '../../main/core/emag';
import { collectPages, walkPages } from '../../main/core/emag/pagination';
import type { TolerantPage } from '../../main/core/emag/tolerant';

interface Item {
  id: number;
  v?: string;
}

/** A fake paginated source of `total` items (ids 1..total). */
function source(total: number) {
  const calls: number[] = [];
  const read = async (page: number, perPage: number): Promise<TolerantPage<Item>> => {
    calls.push(page);
    const start = (page - 1) * perPage;
    return whole(
      Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({ id: start + i + 1 })),
    );
  };
  return { read, calls };
}

const keyOf = (item: Item): number => item.id;

/** A page where every record could be read. */
const whole = (items: Item[]): TolerantPage<Item> => ({ items, setAside: [], size: items.length });

describe('walkPages', () => {
  it('stops on the first short page', async () => {
    const { read, calls } = source(250);
    const pages = [];
    for await (const page of walkPages(read, { route: 'order/read', itemsPerPage: 100, keyOf })) pages.push(page);
    expect(pages.map((p) => [p.page, p.items.length])).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ]);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('asks one page past an exact multiple and yields no empty page', async () => {
    const { read, calls } = source(200);
    const items = await collectPages(
      walkPages(read, { route: 'order/read', itemsPerPage: 100, keyOf }),
      keyOf,
      'order/read',
    );
    expect(items).toHaveLength(200);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('handles an empty result', async () => {
    const { read } = source(0);
    expect(await collectPages(walkPages(read, { route: 'x', itemsPerPage: 100, keyOf }), keyOf, 'order/read')).toEqual(
      [],
    );
  });

  it('refuses a server that ignores currentPage instead of looping forever', async () => {
    const sameEveryTime = async (): Promise<TolerantPage<Item>> => whole([{ id: 1 }, { id: 2 }]);
    const walk = collectPages(
      walkPages(sameEveryTime, { route: 'order/read', itemsPerPage: 2, keyOf }),
      keyOf,
      'order/read',
    );
    await expect(walk).rejects.toMatchObject({ kind: 'badResponse' });
    await expect(walk).rejects.toBeInstanceOf(EmagError);
  });

  it('stops with an error at the last page number eMAG accepts', async () => {
    let n = 0;
    const endless = async (): Promise<TolerantPage<Item>> => whole([{ id: ++n }]);
    const walk = collectPages(
      walkPages(endless, { route: 'r', itemsPerPage: 1, maxPage: 5, keyOf }),
      keyOf,
      'order/read',
    );
    await expect(walk).rejects.toMatchObject({ kind: 'badResponse' });
  });
});

describe('collectPages', () => {
  it('keeps each item once, in first-seen position with its latest content', async () => {
    async function* pages() {
      yield {
        page: 1,
        items: [
          { id: 1, v: 'a' },
          { id: 2, v: 'a' },
        ],
        setAside: [],
      };
      // The list shifted while walking: item 2 shows up again, updated.
      yield {
        page: 2,
        items: [
          { id: 2, v: 'b' },
          { id: 3, v: 'a' },
        ],
        setAside: [],
      };
    }
    expect(await collectPages(pages(), keyOf, 'order/read')).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 3, v: 'a' },
    ]);
  });
});

describe('a page with a record MagFlow cannot read', () => {
  const odd = { emagId: '7', raw: { id: 7, status: 'new' }, reason: 'status: expected number' };

  it('counts the set-aside record towards the page length, so the walk does not stop early', async () => {
    const calls: number[] = [];
    const read = async (page: number): Promise<TolerantPage<Item>> => {
      calls.push(page);
      if (page === 1) return { items: [{ id: 8 }], setAside: [odd], size: 2 };
      return whole(page === 2 ? [{ id: 6 }] : []);
    };
    const pages = [];
    for await (const page of walkPages(read, { route: 'order/read', itemsPerPage: 2, keyOf })) pages.push(page);
    expect(calls).toEqual([1, 2]);
    expect(pages.map((p) => [p.items.map(keyOf), p.setAside.map((s) => s.emagId)])).toEqual([
      [[8], ['7']],
      [[6], []],
    ]);
  });

  it('fails an all-or-nothing collection with a badResponse naming the record', async () => {
    const read = async (): Promise<TolerantPage<Item>> => ({ items: [{ id: 8 }], setAside: [odd], size: 2 });
    const walk = collectPages(walkPages(read, { route: 'order/read', itemsPerPage: 100, keyOf }), keyOf, 'order/read');
    await expect(walk).rejects.toMatchObject({ kind: 'badResponse', message: expect.stringContaining('status') });
  });
});
