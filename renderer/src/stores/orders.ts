// The orders list: the seller's filters and sort, pages read from main as the table scrolls, and the orders that
// arrived live during this session (highlighted until opened).
import { create } from 'zustand';
import type { OrderStatus, OrderSummary } from '../../../shared/domain';
import type { OrdersQuery } from '../../../shared/ipc';
import { call } from '../api/client';
import { createPagedStore } from './paged';

export type OrdersFilter = Omit<OrdersQuery, 'offset' | 'limit'>;
export type OrderSortField = NonNullable<OrdersQuery['sort']>['field'];

export const ORDERS_PAGE_SIZE = 100;
export const DEFAULT_ORDERS_QUERY: OrdersFilter = { sort: { field: 'created', dir: 'desc' } };

/** Drops empty filters so main sees only what the seller actually chose. */
export function cleanOrdersQuery(query: OrdersFilter): OrdersFilter {
  const out: OrdersFilter = { sort: query.sort ?? DEFAULT_ORDERS_QUERY.sort };
  if (query.statuses?.length) out.statuses = query.statuses;
  if (query.accountIds?.length) out.accountIds = query.accountIds;
  if (query.paymentModeIds?.length) out.paymentModeIds = query.paymentModeIds;
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  const search = query.search?.trim();
  if (search) out.search = search;
  return out;
}

export const useOrders = createPagedStore<OrderSummary, OrdersFilter>({
  initialQuery: DEFAULT_ORDERS_QUERY,
  pageSize: ORDERS_PAGE_SIZE,
  fetchPage: (query, offset, limit) => call('orders.list', { ...cleanOrdersQuery(query), offset, limit }),
});

export const orderKey = (accountId: number, orderId: number): string => `${accountId}-${orderId}`;

interface LiveOrdersState {
  /** Keys of orders first seen while the window was open. */
  fresh: Record<string, true>;
  markFresh(accountId: number, orderId: number): void;
  markSeen(accountId: number, orderId: number): void;
}

export const useLiveOrders = create<LiveOrdersState>()((set) => ({
  fresh: {},
  markFresh: (accountId, orderId) => set((s) => ({ fresh: { ...s.fresh, [orderKey(accountId, orderId)]: true } })),
  markSeen: (accountId, orderId) =>
    set((s) => {
      const key = orderKey(accountId, orderId);
      if (!s.fresh[key]) return s;
      const fresh = { ...s.fresh };
      delete fresh[key];
      return { fresh };
    }),
}));

/** Puts a status change into the loaded rows at once, before the next refresh confirms it. */
export function patchOrderStatus(accountId: number, orderId: number, status: OrderStatus): void {
  useOrders.setState((s) => {
    let changed = false;
    const pages: Record<number, OrderSummary[]> = {};
    for (const [k, rows] of Object.entries(s.pages)) {
      pages[Number(k)] = rows.map((r) => {
        if (r.accountId !== accountId || r.id !== orderId || r.status === status) return r;
        changed = true;
        return { ...r, status };
      });
    }
    return changed ? { pages } : s;
  });
}

export async function exportOrdersCsv(): Promise<{ filename: string; csv: string; rows: number }> {
  return call('orders.exportCsv', cleanOrdersQuery(useOrders.getState().query));
}
