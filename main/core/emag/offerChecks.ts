// Offer writes eMAG would refuse, caught before they are sent: prices must be above 0 with at most four decimals,
// stock and handling time are lists of {warehouse_id, value}, and currency_type is EUR or PLN when sent at all.
import { configError } from './errors';

const PRICE_FIELDS = ['sale_price', 'recommended_price', 'min_sale_price', 'max_sale_price'] as const;
const PRICE = /^\d+(\.\d{1,4})?$/;
const CURRENCY_TYPES = new Set(['EUR', 'PLN']);

function checkWarehouseList(value: unknown, field: string, max: number, where: string, route: string): void {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry: unknown) => {
      const { warehouse_id: warehouse, value: amount } = (entry ?? {}) as Record<string, unknown>;
      return (
        Number.isInteger(warehouse) &&
        (warehouse as number) >= 1 &&
        Number.isInteger(amount) &&
        (amount as number) >= 0 &&
        (amount as number) <= max
      );
    });
  if (!valid) {
    throw configError(
      `${where}: ${field} must be a list of {warehouse_id, value} with values from 0 to ${max} (eMAG's form)`,
      route,
    );
  }
}

/** Throws a `config` error naming the first offer field eMAG would refuse; returns the list unchanged. */
export function checkOfferWrites<T extends object>(offers: T[], route: string): T[] {
  offers.forEach((entry, index) => {
    const offer = entry as Record<string, unknown>;
    const where = `offer ${String(offer.id ?? `#${index}`)}`;
    for (const field of PRICE_FIELDS) {
      const price = offer[field];
      if (price === undefined) continue;
      const text = typeof price === 'number' ? String(price) : typeof price === 'string' ? price.trim() : '';
      if (!PRICE.test(text) || Number(text) <= 0) {
        throw configError(`${where}: ${field} must be above 0 with at most 4 decimals (got ${String(price)})`, route);
      }
    }
    if (offer.stock !== undefined) checkWarehouseList(offer.stock, 'stock', 65_535, where, route);
    if (offer.handling_time !== undefined) checkWarehouseList(offer.handling_time, 'handling_time', 255, where, route);
    const currency = offer.currency_type;
    if (currency !== undefined && !(typeof currency === 'string' && CURRENCY_TYPES.has(currency))) {
      throw configError(`${where}: currency_type must be EUR or PLN (got ${String(currency)})`, route);
    }
  });
  return offers;
}
