// Orders as eMAG sends them (order/read): only the fields MagFlow uses are checked, each in every form eMAG sends.
import { z } from 'zod';
import {
  blankable,
  codeOrObject,
  decimal,
  looseFlag,
  looseInt,
  looseList,
  looseText,
  optional,
  phpObject,
} from './common';

/** Order status codes (README §6). */
export const ORDER_STATUS = { canceled: 0, new: 1, inProgress: 2, prepared: 3, finalized: 4, returned: 5 } as const;
export type OrderStatusCode = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

/** Order types: 2 fulfilled by eMAG (FBE), 3 fulfilled by the seller. */
export const ORDER_TYPE = { fulfilledByEmag: 2, fulfilledBySeller: 3 } as const;

export const PAYMENT_MODE = { cashOnDelivery: 1, bankTransfer: 2, onlineCard: 3 } as const;

/**
 * What follows validates only the fields MagFlow reads, each in every form eMAG documents or is known to send (see
 * docs/emag-client.md, "Where eMAG differs from its own documentation"). Every other key passes through untouched:
 * eMAG adds keys in every version, and an unknown key must never reject an order. The client also keeps each order's
 * JSON exactly as eMAG sent it (`rawOf`), which is what MagFlow stores.
 */

/** A recycling deposit on a line (SGR): quantity × sale_price (without VAT) × (1 + vat_rate). */
export const emagRecycleWarrantySchema = z.looseObject({
  quantity: blankable(looseInt),
  sale_price: blankable(decimal),
  vat_rate: blankable(decimal),
  product_name: optional(looseText),
});

export const emagOrderLineSchema = z.looseObject({
  /** eMAG's line id: the key for any update of this line. */
  id: looseInt,
  /** The seller's offer id; text in live answers, a number in the documentation. */
  product_id: blankable(looseText),
  part_number: optional(looseText),
  part_number_key: optional(looseText),
  name: optional(looseText),
  quantity: blankable(looseInt),
  /** Unit price without VAT. */
  sale_price: blankable(decimal),
  currency: optional(looseText),
  /** VAT rate as a fraction, e.g. "0.19". */
  vat: blankable(decimal),
  /** 0 cancelled, 1 active. */
  status: blankable(looseInt),
  recycle_warranties: optional(looseList(emagRecycleWarrantySchema)),
});

const customerShape = {
  name: optional(looseText),
  company: optional(looseText),
  legal_entity: blankable(looseFlag),
  phone_1: optional(looseText),
  billing_name: optional(looseText),
  billing_phone: optional(looseText),
  billing_city: optional(looseText),
  /** Text in the v4.4.9 text and in live answers (also ''); a number in older answers. */
  billing_locality_id: optional(looseText),
  shipping_contact: optional(looseText),
  shipping_phone: optional(looseText),
  shipping_city: optional(looseText),
  shipping_street: optional(looseText),
  shipping_postal_code: optional(looseText),
  shipping_locality_id: optional(looseText),
};
export const emagCustomerSchema = phpObject(customerShape);

export const emagOrderVoucherSchema = z.looseObject({
  voucher_id: optional(looseText),
  voucher_name: optional(looseText),
  /** Negative, without VAT. */
  sale_price: blankable(decimal),
  /** Negative: the voucher's VAT part (sale_price + sale_price_vat is its gross value). */
  sale_price_vat: blankable(decimal),
});

export const emagOrderAttachmentSchema = z.looseObject({
  name: optional(looseText),
  url: optional(looseText),
  type: blankable(looseInt),
});

/**
 * Order-level `details`: documented as an array; live answers send `[]` when empty, `{}`, or an object with the locker
 * (`locker_id`, `locker_name`, ...). A list is read as its first object (none: no locker).
 */
const detailsShape = {
  locker_id: optional(looseText),
  locker_name: optional(looseText),
};
const orderDetailsSchema = z.preprocess((value) => {
  if (value === '') return null;
  if (!Array.isArray(value)) return value;
  return value.find((item) => item !== null && typeof item === 'object' && !Array.isArray(item)) ?? {};
}, z.looseObject(detailsShape).nullish());

export const emagOrderSchema = z.looseObject({
  id: looseInt,
  status: looseInt,
  /** 2 fulfilled by eMAG, 3 by the seller. Mandatory at eMAG since Aug 2025, still optional here. */
  type: blankable(looseInt),
  payment_mode_id: blankable(looseInt),
  payment_status: blankable(looseInt),
  delivery_mode: optional(looseText),
  details: orderDetailsSchema,
  /** Cart submission time, `YYYY-mm-dd HH:ii:ss` platform-local. */
  date: optional(looseText),
  modified: optional(looseText),
  /** When the order was finalized (live answers; not in the v4.4.9 text). */
  finalization_date: optional(looseText),
  /** The order's own currency (current answers); the lines' and the platform's are fallbacks. */
  currency: optional(looseText),
  shipping_tax: blankable(decimal),
  customer: optional(emagCustomerSchema),
  products: optional(looseList(emagOrderLineSchema)),
  vouchers: optional(looseList(emagOrderVoucherSchema)),
  attachments: optional(looseList(emagOrderAttachmentSchema)),
  /** A code (the text's form, also on save) or `{ id, name }` (live read answers). */
  reason_cancellation: codeOrObject,
  /** undefined/null: any courier; a list: one of these; an empty list: no AWB may be issued. Ids may be text. */
  enforced_vendor_courier_accounts: optional(looseList(looseInt)),
  shipping_locality_id: optional(looseText),
});

/**
 * The keys MagFlow reads, per level of an order: any other key may hold anything (the property test in
 * tests/sync/readLiberally.test.ts replaces them with arbitrary JSON and proves the order is still stored).
 */
export const ORDER_KEYS_READ = {
  order: Object.keys(emagOrderSchema.shape),
  customer: Object.keys(customerShape),
  details: Object.keys(detailsShape),
  line: Object.keys(emagOrderLineSchema.shape),
  recycleWarranty: Object.keys(emagRecycleWarrantySchema.shape),
  voucher: Object.keys(emagOrderVoucherSchema.shape),
  attachment: Object.keys(emagOrderAttachmentSchema.shape),
} as const;

export type EmagOrder = z.output<typeof emagOrderSchema>;
export type EmagOrderLine = z.output<typeof emagOrderLineSchema>;
export type EmagCustomer = z.output<typeof emagCustomerSchema>;
export type EmagOrderVoucher = z.output<typeof emagOrderVoucherSchema>;
export type EmagOrderAttachment = z.output<typeof emagOrderAttachmentSchema>;
export type EmagRecycleWarranty = z.output<typeof emagRecycleWarrantySchema>;

/** Filters of order/read (README §6). `...Before` needs its `...After`, at most one month apart. */
export interface OrderReadFilters {
  itemsPerPage?: number;
  currentPage?: number;
  id?: number;
  status?: number | number[];
  payment_mode_id?: number | number[];
  is_complete?: 0 | 1;
  /** eMAG defaults to 3 on read: an FBE account must ask for 2. */
  type?: number;
  createdAfter?: string;
  createdBefore?: string;
  modifiedAfter?: string;
  modifiedBefore?: string;
}

export type OrderCountFilters = Omit<OrderReadFilters, 'itemsPerPage' | 'currentPage'>;

/** An order as sent to order/save: all fields initially read (eMAG's rule), with the changes applied. */
export type EmagOrderSaveInput = { id: unknown; status: unknown } & Record<string, unknown>;

/** An order exactly as eMAG sent it, untouched: what order/save must get back. */
export type RawEmagOrder = { id: unknown; status: unknown } & Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads an order verbatim for writing it back: only `id` and `status` must be usable integers; every other field,
 * whatever its form, is kept exactly as eMAG sent it (a field MagFlow cannot parse never blocks a write).
 */
export const rawEmagOrderSchema = z.custom<RawEmagOrder>(
  (value) => isPlainObject(value) && looseInt.safeParse(value.id).success && looseInt.safeParse(value.status).success,
  { message: 'an order needs an integer id and status' },
);

/** One document for order/attachments/save (README §7). */
export interface EmagAttachmentInput {
  order_id: number;
  /** 2 or 3, required. */
  order_type: number;
  name?: string;
  /** A PDF URL eMAG downloads, 1-1024 chars. */
  url: string;
  /** 1 invoice, 3 warranty, 4 user manual, 8 user guide, 10 AWB, 11 proforma. */
  type?: number;
  /** Required for warranties: the order line `id`. */
  order_product_id?: number;
  force_download?: 0 | 1;
  [key: string]: unknown;
}
