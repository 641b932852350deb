// A store for a long list paged from main (orders, offers): loads only the pages the user scrolls to, drops stale
// answers after a filter change, and refreshes the visible pages in place when main says data changed.
import { useEffect } from 'react';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Paged } from '../../../shared/ipc';
import { CallError } from '../api/errors';

export interface PagedState<T, Q> {
  query: Q;
  total: number;
  /** Rows by page index; pages far from the view are evicted. */
  pages: Record<number, T[]>;
  /** True once the first answer for the current query arrived. */
  loaded: boolean;
  error: CallError | null;
  /** Bumped on every query change so late answers for an old query are ignored. */
  generation: number;
  /** Last range of row indexes the view asked for. */
  visible: { start: number; end: number };
  setQuery(patch: Partial<Q>): void;
  resetQuery(): void;
  ensureRange(start: number, end: number): void;
  refresh(): Promise<void>;
  rowAt(index: number): T | undefined;
}

export interface PagedOptions<T, Q> {
  initialQuery: Q;
  pageSize: number;
  /** How many pages to keep in memory at most (100,000 orders never all sit in the renderer). */
  maxPages?: number;
  fetchPage(query: Q, offset: number, limit: number): Promise<Paged<T>>;
}

export type PagedStore<T, Q> = UseBoundStore<StoreApi<PagedState<T, Q>>>;

export function createPagedStore<T, Q>(options: PagedOptions<T, Q>): PagedStore<T, Q> {
  const { pageSize, fetchPage } = options;
  const maxPages = options.maxPages ?? 30;
  const inFlight = new Set<string>();

  return create<PagedState<T, Q>>()((set, get) => {
    function pagesFor(start: number, end: number): number[] {
      const first = Math.max(0, Math.floor(start / pageSize));
      const last = Math.max(first, Math.floor(Math.max(start, end) / pageSize));
      const out: number[] = [];
      for (let p = first; p <= last; p++) out.push(p);
      return out;
    }

    function evict(pages: Record<number, T[]>): Record<number, T[]> {
      const keys = Object.keys(pages).map(Number);
      if (keys.length <= maxPages) return pages;
      const centre = Math.floor(get().visible.start / pageSize);
      keys.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
      const kept: Record<number, T[]> = {};
      for (const k of keys.slice(0, maxPages)) kept[k] = pages[k]!;
      return kept;
    }

    async function load(page: number, generation: number): Promise<Paged<T> | null> {
      const key = `${generation}:${page}`;
      if (inFlight.has(key)) return null;
      inFlight.add(key);
      try {
        const result = await fetchPage(get().query, page * pageSize, pageSize);
        return get().generation === generation ? result : null;
      } catch (error) {
        if (get().generation === generation) set({ error: CallError.from(error), loaded: true });
        return null;
      } finally {
        inFlight.delete(key);
      }
    }

    async function loadInto(page: number, generation: number): Promise<void> {
      const result = await load(page, generation);
      if (!result) return;
      set((s) => ({
        pages: evict({ ...s.pages, [page]: result.rows }),
        total: result.total,
        loaded: true,
        error: null,
      }));
    }

    function restart(query: Q): void {
      const generation = get().generation + 1;
      set({ query, generation, pages: {}, total: 0, loaded: false, error: null, visible: { start: 0, end: pageSize } });
      void loadInto(0, generation);
    }

    return {
      query: options.initialQuery,
      total: 0,
      pages: {},
      loaded: false,
      error: null,
      generation: 0,
      visible: { start: 0, end: pageSize },
      setQuery(patch) {
        restart({ ...get().query, ...patch });
      },
      resetQuery() {
        restart(options.initialQuery);
      },
      ensureRange(start, end) {
        // The table asks for its first rows before its screen's first-visit effect runs (children's effects run
        // first): start the first query here, so that effect finds it started and the first page is read once.
        if (get().generation === 0) set({ generation: 1 });
        const s = get();
        set({ visible: { start, end } });
        for (const page of pagesFor(start, end)) {
          if (!s.pages[page] && (page === 0 || page * pageSize < s.total)) void loadInto(page, s.generation);
        }
      },
      async refresh() {
        // Same query, fresher data: re-read the visible pages and swap them in together, so rows never flicker.
        const generation = get().generation + 1;
        set({ generation });
        const { start, end } = get().visible;
        const wanted = pagesFor(start, end);
        const results = await Promise.all(wanted.map((p) => load(p, generation)));
        if (get().generation !== generation || results.some((r) => r === null)) return;
        const pages: Record<number, T[]> = {};
        wanted.forEach((p, i) => (pages[p] = results[i]!.rows));
        set({ pages, total: results[0]!.total, loaded: true, error: null });
      },
      rowAt(index) {
        return get().pages[Math.floor(index / pageSize)]?.[index % pageSize];
      },
    };
  });
}

/** On the first visit of a list screen, load its first page; later visits keep the seller's filters and scroll. */
export function useFirstVisitLoad<T, Q>(store: PagedStore<T, Q>): void {
  useEffect(() => {
    if (store.getState().generation === 0) store.getState().resetQuery();
  }, [store]);
}
