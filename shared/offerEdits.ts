// The rules an offer's price and stock edit must meet before MagFlow queues it, for main and the window alike, so
// the editor shows the same refusal beside the field that the core would give. eMAG's rules (API 4.4.9, "Offer
// data" and "Updating an existing offer using new light offer API offer/save"): sale_price above 0 with at most four
// decimals, without VAT, inside [min_sale_price, max_sale_price] ("any offer that is not within the specified range
// will be rejected"); stock an integer from 0 to 65535; vat_id one of vat/read's.
import type { Offer, OfferEditField } from './domain';
import { decimalToE4 } from './money';

export const STOCK_MAX = 65_535;
/** offer/save takes at most 50 offers per request; the bulk editor takes as many per edit. */
export const OFFER_BULK_MAX = 50;

export type OfferEditProblem =
  | { field: 'price'; code: 'price_format' }
  | { field: 'price'; code: 'price_below_min'; bound: string }
  | { field: 'price'; code: 'price_above_max'; bound: string }
  | { field: 'stock'; code: 'stock_format' }
  | { field: 'stock'; code: 'stock_fbe' }
  | { field: 'vat'; code: 'vat_unknown' };

/** What the checks need to know of the offer. */
export interface OfferBounds {
  minSalePrice: string | null;
  maxSalePrice: string | null;
  /** An FBE offer: eMAG's warehouse manages its stock. */
  fbe: boolean;
}

/**
 * A price as the seller types it ("49,99" or "49.99", at most four decimals, above 0) in eMAG's form ("49.99"); null
 * when it is not one.
 */
export function normalisePrice(text: string): string | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(trimmed)) return null;
  const e4 = decimalToE4(trimmed);
  if (e4 === null || e4 <= 0n) return null;
  const whole = e4 / 10_000n;
  const fraction = String(e4 % 10_000n)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A stock quantity as typed: a whole number from 0 to 65535; null otherwise. */
export function parseStock(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= STOCK_MAX ? value : null;
}

/** The problems of a new price (empty: it may be queued). Bounds are inclusive, as eMAG checks them. */
export function checkPrice(text: string, bounds: OfferBounds): OfferEditProblem[] {
  const price = normalisePrice(text);
  if (price === null) return [{ field: 'price', code: 'price_format' }];
  const e4 = decimalToE4(price)!;
  const min = bounds.minSalePrice === null ? null : decimalToE4(bounds.minSalePrice);
  const max = bounds.maxSalePrice === null ? null : decimalToE4(bounds.maxSalePrice);
  if (min !== null && e4 < min) return [{ field: 'price', code: 'price_below_min', bound: bounds.minSalePrice! }];
  if (max !== null && e4 > max) return [{ field: 'price', code: 'price_above_max', bound: bounds.maxSalePrice! }];
  return [];
}

/** The problems of a new stock quantity (empty: it may be queued). */
export function checkStock(text: string, bounds: OfferBounds): OfferEditProblem[] {
  if (bounds.fbe) return [{ field: 'stock', code: 'stock_fbe' }];
  return parseStock(text) === null ? [{ field: 'stock', code: 'stock_format' }] : [];
}

/** A VAT id is valid when eMAG's vat/read lists it (an empty list means it could not be read: not checked). */
export function checkVat(vatId: number, known: readonly number[]): OfferEditProblem[] {
  return known.length === 0 || known.includes(vatId) ? [] : [{ field: 'vat', code: 'vat_unknown' }];
}

/** The problem in English, for the CLI, the logs and the IPC error (the window has its own words in ro and en). */
export function describeProblem(problem: OfferEditProblem): string {
  switch (problem.code) {
    case 'price_format':
      return 'the price must be a number above 0 with at most 4 decimals (without VAT)';
    case 'price_below_min':
      return `the price is below the offer's minimum sale price (${problem.bound}); eMAG would refuse it`;
    case 'price_above_max':
      return `the price is above the offer's maximum sale price (${problem.bound}); eMAG would refuse it`;
    case 'stock_format':
      return `the stock must be a whole number from 0 to ${STOCK_MAX}`;
    case 'stock_fbe':
      return "the stock of an offer fulfilled by eMAG (FBE) is managed by eMAG's warehouse and cannot be set";
    case 'vat_unknown':
      return "the VAT rate is not one of eMAG's (vat/read)";
  }
}

/** Gross price (VAT included) in minor units, for showing beside the net price: net × (1 + rate), rounded. */
export function grossMinor(netPrice: string, vatRate: string): number | null {
  const net = decimalToE4(netPrice);
  const rate = decimalToE4(vatRate);
  if (net === null || rate === null) return null;
  // net (1/10,000) × (1 + rate) (1/10,000) = 1/10^8; to minor units (1/100): divide by 10^6, half up.
  const product = net * (10_000n + rate);
  return Number((product + 500_000n) / 1_000_000n);
}

export const EDIT_FIELDS: readonly OfferEditField[] = ['price', 'stock'];

/** One of eMAG's VAT rates (vat/read): `rate` a fraction ("0.21"). */
export interface VatRateView {
  vatId: number;
  rate: string;
  isDefault: boolean;
}

/** What the offer editor shows: the offer, eMAG's bounds, its VAT rate and category by name, and its threshold. */
export interface OfferDetails extends Offer {
  minSalePrice: string | null;
  maxSalePrice: string | null;
  vatId: number | null;
  /** vat/read's rates (cached 24 h); empty when eMAG could not be asked. */
  vatRates: VatRateView[];
  categoryId: number | null;
  /** category/read's name (cached 24 h); null when unknown or eMAG could not be asked. */
  categoryName: string | null;
  fbe: boolean;
  /** The offer's own low-stock threshold; null: it follows the global one. */
  lowStockThreshold: number | null;
  globalLowStockThreshold: number;
}
