// Return requests (rma/read) as eMAG sends them: only what MagFlow will use is checked.
import { z } from 'zod';
import { blankable, looseInt, looseList, looseText, optional } from './common';

/** request_status codes (README §11): the one table in shared/returns.ts, under the name the eMAG client exports. */
export { RETURN_STATUS as RMA_STATUS } from '../../../../shared/returns';

/** A returned product: what a return view needs; every other key passes through as eMAG sent it. */
export const emagRmaProductSchema = z.looseObject({
  product_emag_id: blankable(looseText),
  /** The seller's offer id; text in live answers. */
  product_id: blankable(looseText),
  product_name: optional(looseText),
  quantity: blankable(looseInt),
  /** The return line's id: rma/save names a line by it (spec: "Any update on return product lines must use this id"). */
  id: blankable(looseInt),
  part_number_key: optional(looseText),
  return_reason: blankable(looseInt),
  observations: optional(looseText),
  /** Text in the spec ("varchar"), a number in some answers. */
  refund_value: blankable(looseText),
});

/**
 * A return request (rma/read). Read like orders: only what MagFlow will use is checked, each in every form eMAG sends
 * (ids as text or numbers, blanks, lists as PHP objects); everything else passes through untouched.
 */
export const emagRmaSchema = z.looseObject({
  emag_id: looseInt,
  /** The order id; text in live answers. */
  order_id: blankable(looseText),
  type: blankable(looseInt),
  customer_name: optional(looseText),
  products: optional(looseList(emagRmaProductSchema)),
  request_status: blankable(looseInt),
  date: optional(looseText),
  return_type: blankable(looseInt),
  return_reason: blankable(looseInt),
  pickup_method: blankable(looseInt),
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
