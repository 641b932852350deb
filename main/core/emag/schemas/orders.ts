// Orders as eMAG sends them (order/read): only the ids are required, every other field is optional and loosely typed.
import { z } from 'zod';
import { decimal, looseFlag, looseInt, looseList, looseText, optional, phpObject } from './common';

/** Order status codes (README §6). */
export const ORDER_STATUS = { canceled: 0, new: 1, inProgress: 2, prepared: 3, finalized: 4, returned: 5 } as const;
export type OrderStatusCode = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

/** Order types: 2 fulfilled by eMAG (FBE), 3 fulfilled by the seller. */
export const ORDER_TYPE = { fulfilledByEmag: 2, fulfilledBySeller: 3 } as const;

export const PAYMENT_MODE = { cashOnDelivery: 1, bankTransfer: 2, onlineCard: 3 } as const;

const voucherSplitSchema = z.looseObject({
  voucher_id: optional(looseInt),
  value: optional(decimal),
  vat_value: optional(decimal),
  vat: optional(decimal),
  offered_by: optional(looseText),
  voucher_name: optional(looseText),
});

export const emagOrderLineSchema = z.looseObject({
  /** eMAG's line id: the key for any update of this line. */
  id: looseInt,
  /** The seller's offer id. */
  product_id: optional(looseInt),
  part_number: optional(looseText),
  ext_part_number: optional(looseText),
  part_number_key: optional(looseText),
  name: optional(looseText),
  quantity: optional(looseInt),
  initial_qty: optional(looseInt),
  storno_qty: optional(looseInt),
  /** Unit price without VAT. */
  sale_price: optional(decimal),
  original_price: optional(decimal),
  currency: optional(looseText),
  /** VAT rate as a fraction, e.g. "0.19". */
  vat: optional(decimal),
  /** 0 cancelled, 1 active. */
  status: optional(looseInt),
  created: optional(looseText),
  modified: optional(looseText),
  details: optional(z.unknown()),
  product_voucher_split: optional(looseList(voucherSplitSchema)),
  recycle_warranties: optional(z.unknown()),
  serial_numbers: optional(z.unknown()),
});

export const emagCustomerSchema = phpObject({
  id: optional(looseInt),
  name: optional(looseText),
  /** A hash, not a real address. */
  email: optional(looseText),
  company: optional(looseText),
  gender: optional(looseText),
  code: optional(looseText),
  registration_number: optional(looseText),
  bank: optional(looseText),
  iban: optional(looseText),
  legal_entity: optional(looseFlag),
  is_vat_payer: optional(looseFlag),
  phone_1: optional(looseText),
  phone_2: optional(looseText),
  phone_3: optional(looseText),
  billing_name: optional(looseText),
  billing_phone: optional(looseText),
  billing_country: optional(looseText),
  billing_suburb: optional(looseText),
  billing_city: optional(looseText),
  billing_locality_id: optional(looseInt),
  billing_street: optional(looseText),
  billing_postal_code: optional(looseText),
  shipping_locality_id: optional(looseInt),
  shipping_contact: optional(looseText),
  shipping_phone: optional(looseText),
  shipping_country: optional(looseText),
  shipping_suburb: optional(looseText),
  shipping_city: optional(looseText),
  shipping_street: optional(looseText),
  shipping_postal_code: optional(looseText),
  created: optional(looseText),
  modified: optional(looseText),
});

export const emagOrderVoucherSchema = z.looseObject({
  voucher_id: optional(looseInt),
  voucher_name: optional(looseText),
  /** Negative, without VAT. */
  sale_price: optional(decimal),
  sale_price_vat: optional(decimal),
  vat: optional(decimal),
  offered_by: optional(looseText),
  issue_date: optional(looseText),
  status: optional(looseInt),
  created: optional(looseText),
  modified: optional(looseText),
});

export const emagOrderAttachmentSchema = z.looseObject({
  name: optional(looseText),
  url: optional(looseText),
  type: optional(looseInt),
  force_download: optional(looseFlag),
});

export const emagOrderSchema = z.looseObject({
  id: looseInt,
  status: looseInt,
  /** 2 fulfilled by eMAG, 3 by the seller. Mandatory at eMAG since Aug 2025, still optional here. */
  type: optional(looseInt),
  is_complete: optional(looseFlag),
  payment_mode: optional(looseText),
  payment_mode_id: optional(looseInt),
  detailed_payment_method: optional(looseText),
  payment_status: optional(looseInt),
  cashed_co: optional(decimal),
  cashed_cod: optional(decimal),
  delivery_mode: optional(looseText),
  details: optional(
    phpObject({
      locker_id: optional(looseText),
      locker_name: optional(looseText),
    }),
  ),
  locker_delivery_eligible: optional(looseFlag),
  /** Cart submission time, `YYYY-mm-dd HH:ii:ss` platform-local. */
  date: optional(looseText),
  modified: optional(looseText),
  shipping_tax: optional(decimal),
  shipping_tax_voucher_split: optional(looseList(voucherSplitSchema)),
  customer: optional(emagCustomerSchema),
  products: optional(looseList(emagOrderLineSchema)),
  vouchers: optional(looseList(emagOrderVoucherSchema)),
  attachments: optional(looseList(emagOrderAttachmentSchema)),
  reason_cancellation: optional(looseInt),
  /** undefined/null: any courier; a list: one of these; an empty list: no AWB may be issued. */
  enforced_vendor_courier_accounts: optional(looseList(looseInt)),
  is_storno: optional(z.union([z.boolean(), looseFlag])),
  billing_locality_id: optional(looseInt),
  shipping_locality_id: optional(looseInt),
  courier_external_office_id: optional(looseText),
});

export type EmagOrder = z.output<typeof emagOrderSchema>;
export type EmagOrderLine = z.output<typeof emagOrderLineSchema>;
export type EmagCustomer = z.output<typeof emagCustomerSchema>;
export type EmagOrderVoucher = z.output<typeof emagOrderVoucherSchema>;
export type EmagOrderAttachment = z.output<typeof emagOrderAttachmentSchema>;

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
