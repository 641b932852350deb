// Maps an eMAG offer (as the client parsed it) to the OfferRecord MagFlow stores: pure, no I/O.
import type { OfferRecord } from '../db';
import type { EmagOffer } from '../emag';

/** Stock arrives as a number or as a per-warehouse list: the seller sees the total. */
export function totalStock(stock: EmagOffer['stock']): number | null {
  if (stock === null || stock === undefined) return null;
  if (typeof stock === 'number') return stock;
  return stock.reduce((sum, entry) => sum + (entry.value ?? 0), 0);
}

export function mapOffer(offer: EmagOffer, accountId: number): OfferRecord {
  // offer_validation_status is the offer's own state; validation_status is the product documentation's.
  const validation = offer.offer_validation_status?.[0] ?? offer.validation_status?.[0];
  return {
    accountId,
    id: offer.id,
    partNumber: offer.part_number ?? null,
    partNumberKey: offer.part_number_key ?? null,
    name: offer.name?.trim() || offer.part_number || `#${offer.id}`,
    brand: offer.brand ?? null,
    salePrice: offer.sale_price ?? null,
    currency: offer.currency ?? null,
    stock: totalStock(offer.stock ?? offer.general_stock),
    status: offer.status ?? null,
    validationStatus: validation?.value ?? null,
    validationText: validation?.description ?? null,
    raw: offer,
  };
}
