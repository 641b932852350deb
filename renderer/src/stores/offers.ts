// The offers list (products on sale), paged from main like the orders.
import type { Offer } from '../../../shared/domain';
import type { OffersQuery } from '../../../shared/ipc';
import { call } from '../api/client';
import { createPagedStore } from './paged';

export type OffersFilter = Omit<OffersQuery, 'offset' | 'limit'>;

export function cleanOffersQuery(query: OffersFilter): OffersFilter {
  const out: OffersFilter = { sort: query.sort ?? { field: 'name', dir: 'asc' } };
  if (query.accountIds?.length) out.accountIds = query.accountIds;
  if (query.statuses?.length) out.statuses = query.statuses;
  const search = query.search?.trim();
  if (search) out.search = search;
  return out;
}

export const useOffers = createPagedStore<Offer, OffersFilter>({
  initialQuery: { sort: { field: 'name', dir: 'asc' } },
  pageSize: 100,
  fetchPage: (query, offset, limit) => call('offers.list', { ...cleanOffersQuery(query), offset, limit }),
});
