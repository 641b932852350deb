import { describe, expect, it } from 'vitest';
import { EmagError } from '../../main/core/emag';
import { collectPages, walkPages } from '../../main/core/emag/pagination';

interface Item {
  id: number;
  v?: string;
}

/** A fake paginated source of `total` items (ids 1..total). */
function source(total: number) {
  const calls: number[] = [];
  const read = async (page: number, perPage: number): Promise<Item[]> => {
    calls.push(page);
    const start = (page - 1) * perPage;
    return Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({ id: start + i + 1 }));
  };
  return { read, calls };
}

const keyOf = (item: Item): number => item.id;

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
    const items = await collectPages(walkPages(read, { route: 'order/read', itemsPerPage: 100, keyOf }), keyOf);
    expect(items).toHaveLength(200);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('handles an empty result', async () => {
    const { read } = source(0);
    expect(await collectPages(walkPages(read, { route: 'x', itemsPerPage: 100, keyOf }), keyOf)).toEqual([]);
  });

  it('refuses a server that ignores currentPage instead of looping forever', async () => {
    const sameEveryTime = async (): Promise<Item[]> => [{ id: 1 }, { id: 2 }];
    const walk = collectPages(walkPages(sameEveryTime, { route: 'order/read', itemsPerPage: 2, keyOf }), keyOf);
    await expect(walk).rejects.toMatchObject({ kind: 'badResponse' });
    await expect(walk).rejects.toBeInstanceOf(EmagError);
  });

  it('stops with an error at the last page number eMAG accepts', async () => {
    let n = 0;
    const endless = async (): Promise<Item[]> => [{ id: ++n }];
    const walk = collectPages(walkPages(endless, { route: 'r', itemsPerPage: 1, maxPage: 5, keyOf }), keyOf);
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
      };
      // The list shifted while walking: item 2 shows up again, updated.
      yield {
        page: 2,
        items: [
          { id: 2, v: 'b' },
          { id: 3, v: 'a' },
        ],
      };
    }
    expect(await collectPages(pages(), keyOf)).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 3, v: 'a' },
    ]);
  });
});
