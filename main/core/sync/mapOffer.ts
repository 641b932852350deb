// Maps an eMAG offer (as the client parsed it) to the OfferRecord MagFlow stores: pure, no I/O. Money and codes are
// normalised here, once, whatever form eMAG sent them in.
import type { Platform } from '../../../shared/domain';
import type { OfferRecord } from '../db';
import type { EmagOffer } from '../emag';
import { platformCurrencyOn } from '../emag/platforms';

/** An offer MagFlow cannot store as it is (set aside in "needs attention", never dropped). */
export class OfferMapError extends Error {
  constructor(
    readonly offerId: number,
    message: string,
  ) {
    super(message);
    this.name = 'OfferMapError';
  }
}

/** Stock arrives as a number or as a per-warehouse list: the seller sees the total. */
export function totalStock(stock: EmagOffer['stock']): number | null {
  if (stock === null || stock === undefined) return null;
  if (typeof stock === 'number') return stock;
  return stock.reduce((sum, entry) => sum + (entry.value ?? 0), 0);
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/** eMAG offer → stored record; `raw` is the offer as eMAG sent it (stored verbatim). */
export function mapOffer(offer: EmagOffer, accountId: number, platform: Platform, raw: unknown = offer): OfferRecord {
  if (!Number.isSafeInteger(offer.id) || offer.id < 1) {
    throw new OfferMapError(offer.id, `An offer came with an invalid id ${offer.id}`);
  }
  // offer_validation_status is the offer's own state; validation_status is the product documentation's.
  const validation = offer.offer_validation_status?.[0] ?? offer.validation_status?.[0];
  return {
    accountId,
    id: offer.id,
    partNumber: text(offer.part_number),
    partNumberKey: text(offer.part_number_key),
    name: text(offer.name) ?? text(offer.part_number) ?? `#${offer.id}`,
    brand: text(offer.brand),
    salePrice: offer.sale_price ?? null,
    // An offer priced in another currency names it; otherwise the platform's (offers carry no date: today's).
    currency: text(offer.currency) ?? (offer.sale_price ? platformCurrencyOn(platform, null) : null),
    stock: totalStock(offer.stock ?? offer.general_stock),
    status: offer.status ?? null,
    validationStatus: validation?.value ?? null,
    validationText: text(validation?.description),
    raw,
  };
}
