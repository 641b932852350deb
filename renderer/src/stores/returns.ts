// Issue 18: the returns list (paged from main like the offers), the return open in the detail panel, and the
// account-health figures the dashboard shows.
import { create } from 'zustand';
import type { AccountHealthView } from '../../../shared/accountHealth';
import type { ReturnDetail, ReturnsQuery, ReturnSummary } from '../../../shared/returns';
import { call } from '../api/client';
import { CallError } from '../api/errors';
import { createPagedStore } from './paged';

export type ReturnsFilter = Omit<ReturnsQuery, 'offset' | 'limit'>;

export function cleanReturnsQuery(query: ReturnsFilter): ReturnsFilter {
  const out: ReturnsFilter = {};
  if (query.accountIds?.length) out.accountIds = query.accountIds;
  if (query.statuses?.length) out.statuses = query.statuses;
  if (query.orderId !== undefined) out.orderId = query.orderId;
  const search = query.search?.trim();
  if (search) out.search = search;
  return out;
}

export const useReturns = createPagedStore<ReturnSummary, ReturnsFilter>({
  initialQuery: {},
  pageSize: 100,
  fetchPage: (query, offset, limit) => call('returns.list', { ...cleanReturnsQuery(query), offset, limit }),
});

interface ReturnDetailState {
  key: { accountId: number; emagId: number } | null;
  detail: ReturnDetail | null;
  error: CallError | null;
  open(accountId: number, emagId: number): Promise<void>;
  reload(): Promise<void>;
  close(): void;
}

export const useReturnDetail = create<ReturnDetailState>()((set, get) => ({
  key: null,
  detail: null,
  error: null,
  async open(accountId, emagId) {
    set({ key: { accountId, emagId }, detail: null, error: null });
    await get().reload();
  },
  async reload() {
    const key = get().key;
    if (!key) return;
    try {
      const detail = await call('returns.get', key);
      if (get().key === key) set({ detail, error: null });
    } catch (error) {
      if (get().key === key) set({ error: CallError.from(error) });
    }
  },
  close: () => set({ key: null, detail: null, error: null }),
}));

interface AccountHealthState {
  views: AccountHealthView[] | null;
  error: CallError | null;
  load(): Promise<void>;
}

export const useAccountHealth = create<AccountHealthState>()((set) => ({
  views: null,
  error: null,
  async load() {
    try {
      set({ views: await call('accountHealth.get'), error: null });
    } catch (error) {
      set({ error: CallError.from(error) });
    }
  },
}));
