// The eMAG-shaped JSON objects the sandbox stores and serves (snake_case keys exactly as the API sends them).
// Money inside orders is a decimal string with 4 decimals ("123.4500"), as eMAG's own examples show; offer
// prices are JSON numbers. Clients must parse both forms (see docs/sandbox.md).

export interface EmagVoucherSplit {
  voucher_id: number;
  value: string;
  vat_value: string;
  vat: string;
  offered_by: 'emag' | 'seller';
  voucher_name: string;
}

export interface EmagOrderProduct {
  id: number;
  product_id: number;
  mkt_id: number;
  name: string;
  status: 0 | 1;
  part_number: string;
  ext_part_number: string;
  part_number_key: string;
  currency: string;
  vat: string;
  quantity: number;
  initial_qty: number;
  storno_qty: number;
  sale_price: string;
  original_price: string;
  created: string;
  modified: string;
  details: string;
  product_voucher_split: EmagVoucherSplit[];
  recycle_warranties: unknown[];
  serial_numbers: string;
  [extra: string]: unknown;
}

export interface EmagCustomer {
  id: number;
  mkt_id: number;
  name: string;
  email: string;
  company: string;
  gender: 'M' | 'F' | '';
  code: string | null;
  registration_number: string | null;
  bank: string | null;
  iban: string | null;
  fax: string | null;
  legal_entity: 0 | 1;
  is_vat_payer: 0 | 1;
  phone_1: string;
  phone_2: string;
  phone_3: string;
  billing_name: string;
  billing_phone: string;
  billing_country: string;
  billing_suburb: string;
  billing_city: string;
  billing_locality_id: number;
  billing_street: string;
  billing_postal_code: string;
  shipping_country: string;
  shipping_suburb: string;
  shipping_city: string;
  /** '' or missing on some live orders (a gap eMAG leaves). */
  shipping_locality_id?: number | '';
  /** Missing on some live orders. */
  shipping_street?: string;
  shipping_postal_code: string;
  shipping_contact: string;
  shipping_phone: string;
  created: string;
  modified: string;
  [extra: string]: unknown;
}

export interface EmagOrderVoucher {
  voucher_id: number;
  voucher_name: string;
  sale_price: string;
  sale_price_vat: string;
  vat: string;
  offered_by: 'emag' | 'seller';
  issue_date: string;
  status: number;
  created: string;
  modified: string;
  [extra: string]: unknown;
}

export interface EmagOrderAttachment {
  order_id: number;
  order_type: number;
  order_product_id: number | null;
  name: string;
  url: string;
  type: number;
  force_download: number;
  created: string;
  [extra: string]: unknown;
}

/** Locker data; eMAG (a PHP backend) sends an empty `[]` instead of `{}` when there is none. */
export type EmagOrderDetails = { locker_id?: string; locker_name?: string; locker_delivery_eligible?: 0 | 1 } | [];

export interface EmagOrderRecord {
  id: number;
  status: number;
  type: number;
  is_complete: 0 | 1;
  payment_mode_id: number;
  payment_mode: string;
  detailed_payment_method: string;
  payment_status: 0 | 1;
  delivery_mode: 'courier' | 'pickup';
  details: EmagOrderDetails;
  date: string;
  modified: string;
  shipping_tax: string;
  shipping_tax_voucher_split: EmagVoucherSplit[];
  cashed_co: number;
  cashed_cod: number;
  refunded_amount: string;
  currency: string;
  customer: EmagCustomer;
  products: EmagOrderProduct[];
  vouchers: EmagOrderVoucher[];
  attachments: EmagOrderAttachment[];
  reason_cancellation: number | null;
  enforced_vendor_courier_accounts: number[] | null;
  billing_locality_id: number;
  shipping_locality_id: number | '';
  courier_external_office_id: string | null;
  is_storno: boolean;
  emag_club: 0 | 1;
  [extra: string]: unknown;
}

export interface EmagStockEntry {
  warehouse_id: number;
  value: number;
}

export interface EmagValidationStatus {
  value: number;
  description: string;
  errors: unknown[] | null;
}

export interface EmagOfferRecord {
  id: number;
  part_number: string;
  part_number_key: string;
  name: string;
  brand: string;
  category_id: number;
  vendor_category_id: number | null;
  description: string;
  url: string;
  warranty: number;
  ean: string[];
  images: { url: string; display_type: number }[];
  characteristics: { id: number; value: string }[];
  family: { id: number; name: string } | null;
  sale_price: number;
  recommended_price: number;
  min_sale_price: number;
  max_sale_price: number;
  best_offer_sale_price: number;
  best_offer_recommended_price: number;
  currency: string;
  vat_id: number;
  status: number;
  stock: EmagStockEntry[];
  general_stock: number;
  estimated_stock: number;
  handling_time: EmagStockEntry[];
  number_of_offers: number;
  buy_button_rank: number;
  ownership: 1 | 2;
  validation_status: EmagValidationStatus[];
  translation_validation_status: EmagValidationStatus[];
  offer_validation_status: { value: number; description: string };
  genius_eligibility: 0 | 1;
  genius_eligibility_type: number;
  genius_computed: number;
  manufacturer: boolean;
  eu_representative: boolean;
  [extra: string]: unknown;
}

export interface EmagCourierAccount {
  account_id: number;
  account_display_name: string;
  courier_account_type: number;
  courier_name: string;
  courier_account_properties: number[];
  created: string;
  status: 0 | 1;
  pickup_country_code: string;
}

export interface EmagAwbRecord {
  emag_id: number;
  reservation_id: number;
  order_id: number | null;
  rma_id: number | null;
  type: number;
  weight: number;
  cod: number;
  awb: { emag_id: number; awb_number: string; awb_barcode: string }[];
  status: { code: string; name: string; description: string };
  courier: { courier_account_id: number; courier_name: string };
  sender: Record<string, unknown>;
  receiver: Record<string, unknown>;
  /** The easybox/locker the parcel goes to, when the AWB named one. */
  locker_id?: string;
  created: string;
}

export interface EmagRmaProduct {
  id: number;
  product_emag_id: number;
  product_id: number;
  part_number_key: string;
  product_name: string;
  quantity: number;
  return_reason: number;
  observations: string | null;
  diagnostic: number | null;
  reject_reason: number | null;
  refund_value: string;
}

export interface EmagRmaRecord {
  emag_id: number;
  id: number | null;
  order_id: number;
  type: number;
  is_full_fbe: 0 | 1;
  invoice_number: string | null;
  customer_name: string;
  customer_company: string | null;
  customer_phone: string;
  products: EmagRmaProduct[];
  awbs: { reservation_id: number }[];
  pickup_country: string;
  pickup_suburb: string;
  pickup_city: string;
  pickup_address: string;
  pickup_zipcode: string;
  pickup_locality_id: number;
  pickup_method: number;
  return_reason: number;
  return_type: number;
  observations: string | null;
  date: string;
  request_status: number;
}

export interface EmagCategoryRecord {
  id: number;
  name: string;
  is_allowed: 0 | 1;
  parent_id: number | null;
  is_ean_mandatory: 0 | 1;
  is_warranty_mandatory: 0 | 1;
}

export interface EmagVatRate {
  vat_id: number;
  vat_rate: number;
  is_default: 0 | 1;
}
