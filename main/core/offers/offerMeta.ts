// eMAG's reference data the offer editor shows: VAT rates (vat/read) and category names (category/read), each
// through the metadata cache for 24 h (cache/entries.ts; README §10: "categories and VAT 24 h"). A read that fails
// leaves the editor without them rather than failing it.
import type { VatRateView } from '../../../shared/offerEdits';
import type { AppCache } from '../cache/appCache';
import { CACHE_KEYS, CACHE_TTL } from '../cache/entries';
import type { EmagClient } from '../emag';
import type { Logger } from '../logging/logger';

export interface OfferMetaDeps {
  cache: Pick<AppCache, 'wrap'>;
  clientFor(accountId: number): EmagClient;
  logger?: Pick<Logger, 'warn'>;
}

export interface OfferMeta {
  vatRates(accountId: number): Promise<VatRateView[]>;
  categoryName(accountId: number, categoryId: number): Promise<string | null>;
}

export function offerMeta(deps: OfferMetaDeps): OfferMeta {
  const quietly = async <T>(what: string, fallback: T, load: () => Promise<T>): Promise<T> => {
    try {
      return await load();
    } catch (error) {
      deps.logger?.warn(`${what} could not be read from eMAG`, { error: String(error) });
      return fallback;
    }
  };
  return {
    vatRates: (accountId) =>
      quietly('vat/read', [], () =>
        deps.cache.wrap(CACHE_KEYS.vat(accountId), CACHE_TTL.vat, async () => {
          const rates = await deps.clientFor(accountId).vat.read();
          return rates.map((rate) => ({
            vatId: rate.vat_id,
            rate: rate.vat_rate ?? '0',
            isDefault: rate.is_default === 1,
          }));
        }),
      ),
    // With an id, category/read answers that one category (README §10): one small cached read per category shown.
    categoryName: (accountId, categoryId) =>
      quietly('category/read', null, () =>
        deps.cache.wrap(CACHE_KEYS.category(accountId, categoryId), CACHE_TTL.categories, async () => {
          const found = await deps.clientFor(accountId).categories.readPage({ id: categoryId });
          return found.items.find((category) => category.id === categoryId)?.name ?? null;
        }),
      ),
  };
}
