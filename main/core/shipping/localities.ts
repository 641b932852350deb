// eMAG localities by name (locality/read), for the AWB's sender and receiver. Localities change rarely, so each
// search is cached for days in the cache's disk tier (cache/entries.ts): a seller typing the same town twice, or
// after a restart, costs no request from the 3 req/s shared budget.
import type { LocalityOption } from '../../../shared/shipping';
import type { AppCache } from '../cache/appCache';
import { CACHE_KEYS, CACHE_TTL } from '../cache/entries';
import type { EmagClient, EmagLocality } from '../emag';

/** The most a search lists (one locality/read page). */
export const LOCALITY_SEARCH_LIMIT = 50;

const text = (value: string | null | undefined): string => (value ?? '').trim();

export const localityOptionOf = (l: EmagLocality): LocalityOption => ({
  id: l.emag_id,
  name: text(l.name) || text(l.name_latin) || String(l.emag_id),
  county: text(l.region2),
  zipcode: text(l.zipcode),
});

export function localitySearch(deps: {
  cache: Pick<AppCache, 'wrap'>;
  clientFor(accountId: number): EmagClient;
}): (accountId: number, query: string, county?: string) => Promise<LocalityOption[]> {
  return (accountId, query, county) => {
    const name = query.trim();
    const region2 = county?.trim() || undefined;
    return deps.cache.wrap(CACHE_KEYS.localities(accountId, name, region2), CACHE_TTL.localities, async () => {
      const found = await deps.clientFor(accountId).localities.read({
        name,
        ...(region2 ? { region2 } : {}),
        itemsPerPage: LOCALITY_SEARCH_LIMIT,
      });
      return found.map(localityOptionOf);
    });
  };
}
