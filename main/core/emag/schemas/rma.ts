// Return requests (rma/read) as eMAG sends them.
import { z } from 'zod';
import { looseInt, looseList, looseText, optional } from './common';

/** request_status codes (README §11). */
export const RMA_STATUS = {
  incomplete: 1,
  new: 2,
  approved: 3,
  refused: 4,
  canceled: 5,
  received: 6,
  finalized: 7,
} as const;

export const emagRmaProductSchema = z.looseObject({
  id: optional(looseInt),
  product_emag_id: optional(looseInt),
  product_id: optional(looseInt),
  quantity: optional(looseInt),
  product_name: optional(looseText),
  return_reason: optional(looseInt),
  observations: optional(looseText),
  diagnostic: optional(looseInt),
  reject_reason: optional(looseInt),
  refund_value: optional(looseText),
});

export const emagRmaSchema = z.looseObject({
  emag_id: looseInt,
  id: optional(looseInt),
  order_id: optional(looseInt),
  type: optional(looseInt),
  customer_name: optional(looseText),
  customer_company: optional(looseText),
  customer_phone: optional(looseText),
  products: optional(looseList(emagRmaProductSchema)),
  request_status: optional(looseInt),
  return_type: optional(looseInt),
  return_reason: optional(looseInt),
  date: optional(looseText),
  awbs: optional(looseList(z.looseObject({ reservation_id: optional(looseInt) }))),
});

export type EmagRma = z.output<typeof emagRmaSchema>;
export type EmagRmaProduct = z.output<typeof emagRmaProductSchema>;

export interface RmaReadFilters {
  itemsPerPage?: number;
  currentPage?: number;
  id?: number;
  emag_id?: number;
  order_id?: number;
  product_id?: number;
  product_emag_id?: number;
  request_status?: number;
  date_start?: string;
  date_end?: string;
  type?: number;
}

export type RmaCountFilters = Omit<RmaReadFilters, 'itemsPerPage' | 'currentPage'>;
