// Offers as eMAG sends them (product_offer/read) and what the offer save routes accept.
import { z } from 'zod';
import {
  blankable,
  decimal,
  looseInt,
  looseList,
  looseText,
  oneOrMany,
  optional,
  valueDescription,
  warehouseValue,
} from './common';

/** Stock comes as a per-warehouse list on read, but as a plain number (or numeric text) in places. */
const perWarehouse = z.union([looseInt, looseList(warehouseValue)]);

/** A validation status: `{ value, description }`, a list of those, or the bare value. */
const validationStatus = oneOrMany(
  z.preprocess(
    (value) => (typeof value === 'number' || typeof value === 'string' ? { value } : value),
    valueDescription,
  ),
);

/**
 * An offer as product_offer/read sends it. Only the fields MagFlow shows are checked (each in every form eMAG sends);
 * every other key passes through and the client keeps the offer's JSON as sent (`rawOf`).
 */
export const emagOfferSchema = z.looseObject({
  /** The seller's offer id (the key for saves and offer_stock); text in some answers. */
  id: looseInt,
  part_number: optional(looseText),
  part_number_key: optional(looseText),
  name: optional(looseText),
  brand: optional(looseText),
  sale_price: blankable(decimal),
  currency: optional(looseText),
  /** 0 inactive, 1 active, 2 end of life. */
  status: blankable(looseInt),
  stock: blankable(perWarehouse),
  general_stock: blankable(looseInt),
  validation_status: blankable(validationStatus),
  offer_validation_status: blankable(validationStatus),
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
