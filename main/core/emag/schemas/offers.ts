// Offers as eMAG sends them (product_offer/read) and what the offer save routes accept.
import { z } from 'zod';
import {
  decimal,
  looseFlag,
  looseInt,
  looseList,
  looseText,
  oneOrMany,
  optional,
  valueDescription,
  warehouseValue,
} from './common';

/** Stock and handling time come as a per-warehouse list on read, but as a plain number in places. */
const perWarehouse = z.union([looseInt, looseList(warehouseValue)]);

export const emagOfferSchema = z.looseObject({
  /** The seller's offer id (the key for saves and offer_stock). */
  id: looseInt,
  part_number: optional(looseText),
  part_number_key: optional(looseText),
  name: optional(looseText),
  brand: optional(looseText),
  category_id: optional(looseInt),
  sale_price: optional(decimal),
  recommended_price: optional(decimal),
  min_sale_price: optional(decimal),
  max_sale_price: optional(decimal),
  currency: optional(looseText),
  vat_id: optional(looseInt),
  /** 0 inactive, 1 active, 2 end of life. */
  status: optional(looseInt),
  stock: optional(perWarehouse),
  general_stock: optional(looseInt),
  estimated_stock: optional(looseInt),
  handling_time: optional(perWarehouse),
  validation_status: optional(oneOrMany(valueDescription)),
  offer_validation_status: optional(oneOrMany(valueDescription)),
  number_of_offers: optional(looseInt),
  buy_button_rank: optional(looseInt),
  best_offer_sale_price: optional(decimal),
  best_offer_recommended_price: optional(decimal),
  ean: optional(oneOrMany(looseText)),
  images: optional(looseList(z.looseObject({ url: optional(looseText), display_type: optional(looseInt) }))),
  genius_eligibility: optional(looseFlag),
});

export type EmagOffer = z.output<typeof emagOfferSchema>;

export interface OfferReadFilters {
  itemsPerPage?: number;
  currentPage?: number;
  id?: number;
  part_number?: string;
  part_number_key?: string;
  status?: number;
  [key: string]: unknown;
}

export type OfferCountFilters = Omit<OfferReadFilters, 'itemsPerPage' | 'currentPage'>;

/**
 * An existing offer for product_offer/save. eMAG requires id, status, sale_price, vat_id, handling_time and stock
 * when updating an offer; send only offer data, not the product documentation.
 */
export interface EmagOfferSaveInput {
  id: number;
  status: number;
  sale_price: number | string;
  vat_id: number;
  handling_time: { warehouse_id: number; value: number }[];
  stock: { warehouse_id: number; value: number }[];
  min_sale_price?: number | string;
  max_sale_price?: number | string;
  recommended_price?: number | string;
  [key: string]: unknown;
}

/** The light offer/save (API 4.4.9): only `id` is required; send just the fields that change. */
export interface EmagOfferUpdateInput {
  id: number;
  sale_price?: number | string;
  recommended_price?: number | string;
  min_sale_price?: number | string;
  max_sale_price?: number | string;
  currency_type?: string;
  stock?: { warehouse_id: number; value: number }[];
  handling_time?: { warehouse_id: number; value: number }[];
  vat_id?: number;
  status?: number;
}
