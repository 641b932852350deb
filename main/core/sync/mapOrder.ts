// Maps an eMAG order (as the client parsed it) to the OrderRecord MagFlow stores: pure, no I/O. Money and codes are
// normalised here, once: every form the client accepts (docs/emag-client.md) ends up as one value.
import type { AccountKind, OrderLine, OrderStatus, OrderType, Platform } from '../../../shared/domain';
import { fromEmagDate } from '../clock';
import type { OrderRecord } from '../db';
import { platformCurrencyOn } from '../emag/platforms';
import type { EmagOrder, EmagOrderLine, EmagOrderVoucher, EmagRecycleWarranty } from '../emag/schemas/orders';
import { decimalToE4, decimalToMinor, e4ToMinor } from '../../../shared/money';

/** An eMAG order MagFlow cannot store as it is (it is set aside in "needs attention", never dropped). */
export class OrderMapError extends Error {
  constructor(
    readonly orderId: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'OrderMapError';
  }
}

export interface MapContext {
  accountId: number;
  /** Decides the order type when eMAG leaves it out: main accounts sell type 3, FBE accounts type 2. */
  accountKind: AccountKind;
  /** The platform: its zone reads eMAG's dates, its currency is the last fallback. */
  platform: Platform;
}

const STATUSES: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5]);

export const orderTypeFor = (kind: AccountKind): OrderType => (kind === 'fbe' ? 2 : 3);

/** The first non-blank text among the candidates. */
function firstText(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const text = candidate?.trim();
    if (text) return text;
  }
  return null;
}

const ACTIVE_LINE = 1;

/** quantity × price (1/10,000 units) × (1 + rate) in minor units, rounded half away from zero. */
function grossMinor(quantity: number, price: bigint, rate: bigint): number {
  const gross = BigInt(quantity) * price * (10_000n + rate); // 1e-8 units
  const negative = gross < 0n;
  const abs = negative ? -gross : gross;
  const minor = (abs + 500_000n) / 1_000_000n;
  return Number(negative ? -minor : minor);
}

/**
 * One line's gross amount in minor units: quantity × sale_price × (1 + vat), rounded half away from zero.
 * sale_price (without VAT) and vat (a rate like "0.19") are read as integers of 1/10,000, so the product is exact
 * in units of 1e-8 and only the final rounding to 1/100 loses anything.
 */
export function lineGrossMinor(line: Pick<EmagOrderLine, 'quantity' | 'sale_price' | 'vat'>): number {
  const price = decimalToE4(line.sale_price ?? '0');
  const vat = decimalToE4(line.vat ?? '0');
  if (price === null || vat === null) return 0;
  return grossMinor(line.quantity ?? 0, price, vat);
}

/**
 * A recycling deposit (SGR) the customer pays on top of a line: quantity × sale_price × (1 + vat_rate). The text
 * documents `quantity` as the deposits' own count ("Warranty quantity", e.g. 6 for a six-pack), so it is not
 * multiplied by the line's quantity.
 */
export function recycleMinor(warranty: Pick<EmagRecycleWarranty, 'quantity' | 'sale_price' | 'vat_rate'>): number {
  const price = decimalToE4(warranty.sale_price ?? '0');
  const rate = decimalToE4(warranty.vat_rate ?? '0');
  if (price === null || rate === null) return 0;
  return grossMinor(warranty.quantity ?? 0, price, rate);
}

/** A voucher's gross value in minor units (negative): sale_price (without VAT) plus sale_price_vat (its VAT). */
export function voucherGrossMinor(voucher: Pick<EmagOrderVoucher, 'sale_price' | 'sale_price_vat'>): number {
  const net = decimalToE4(voucher.sale_price ?? '0') ?? 0n;
  const vat = decimalToE4(voucher.sale_price_vat ?? '0') ?? 0n;
  return e4ToMinor(net + vat);
}

const activeLines = (order: Pick<EmagOrder, 'products'>): EmagOrderLine[] =>
  (order.products ?? []).filter((line) => (line.status ?? ACTIVE_LINE) === ACTIVE_LINE);

/**
 * What the customer pays, in minor units: every active line's gross amount and its recycling deposits (each rounded
 * to minor units), the shipping tax (which includes VAT), and the order's vouchers at their gross value (negative).
 * Voucher splits per line and shipping describe how the same vouchers are shared out, so they are not added again.
 */
export function orderTotalMinor(order: Pick<EmagOrder, 'products' | 'shipping_tax' | 'vouchers'>): number {
  const lines = activeLines(order);
  const products = lines.reduce((sum, line) => sum + lineGrossMinor(line), 0);
  const deposits = lines.reduce(
    (sum, line) => sum + (line.recycle_warranties ?? []).reduce((s, w) => s + recycleMinor(w), 0),
    0,
  );
  const vouchers = (order.vouchers ?? []).reduce((sum, voucher) => sum + voucherGrossMinor(voucher), 0);
  return products + deposits + vouchers + (decimalToMinor(order.shipping_tax ?? '0') ?? 0);
}

/** `reason_cancellation` as one code and its name, whether eMAG sent the code or `{ id, name }`. */
export function cancellationReasonOf(order: Pick<EmagOrder, 'reason_cancellation'>): {
  code: number;
  name: string | null;
} | null {
  const reason = order.reason_cancellation;
  if (reason === null || reason === undefined) return null;
  if (typeof reason === 'number') return { code: reason, name: null };
  if (reason.id === null || reason.id === undefined) return null;
  return { code: reason.id, name: firstText(reason.name) };
}

/** The order's currency: its own `currency` first, then its lines', then the platform's on the order's date. */
export function orderCurrency(order: Pick<EmagOrder, 'currency' | 'products' | 'date'>, platform: Platform): string {
  const lineCurrency = firstText(...(order.products ?? []).map((line) => line.currency));
  return firstText(order.currency) ?? lineCurrency ?? platformCurrencyOn(platform, order.date);
}

/**
 * When the order entered its current status, by eMAG's own clock: a finalized order's `finalization_date` (an invoice
 * upload later moves `modified`, not this), else `modified`. Null when eMAG gave neither in a readable form.
 */
export function statusSince(
  order: Pick<EmagOrder, 'status' | 'finalization_date' | 'modified'>,
  platform: Platform,
): string | null {
  const candidates = order.status === 4 ? [order.finalization_date, order.modified] : [order.modified];
  for (const text of candidates) {
    const at = text ? fromEmagDate(text.trim(), platform) : null;
    if (at && !Number.isNaN(at.getTime())) return at.toISOString();
  }
  return null;
}

/**
 * eMAG's shipping deadline as sent (`maximum_date_for_shipment`, platform-local 'YYYY-MM-DD HH:MM:SS'; live answers,
 * not in the v4.4.9 text). Read from the loose object so an odd form never sets the order aside: anything that is not
 * such a date is no deadline.
 */
export function shipByOf(order: EmagOrder, platform: Platform): string | null {
  const value = (order as Record<string, unknown>)['maximum_date_for_shipment'];
  if (typeof value !== 'string') return null;
  const text = value.trim().slice(0, 19);
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(text)) return null;
  return Number.isNaN(fromEmagDate(text, platform).getTime()) ? null : text;
}

/** eMAG lists an invoice among the order's attachments: type 1, or no type (eMAG's default, README §7), with a URL. */
export const hasInvoiceOf = (order: Pick<EmagOrder, 'attachments'>): boolean =>
  (order.attachments ?? []).some((attachment) => (attachment.type ?? 1) === 1 && Boolean(attachment.url?.trim()));

function mapLine(line: EmagOrderLine, currency: string): OrderLine {
  return {
    lineId: line.id,
    productId: firstText(line.product_id),
    partNumber: firstText(line.part_number),
    partNumberKey: firstText(line.part_number_key),
    name: firstText(line.name, line.part_number, line.part_number_key) ?? `#${line.id}`,
    quantity: line.quantity ?? 0,
    salePrice: line.sale_price ?? '0',
    vat: line.vat ?? null,
    currency: firstText(line.currency) ?? currency,
    status: line.status ?? ACTIVE_LINE,
  };
}

/**
 * eMAG order → stored record. `raw` is what eMAG sent for it, stored verbatim (the parsed order when not given).
 * Throws OrderMapError for an order without a usable id, status or any date.
 */
export function mapOrder(order: EmagOrder, context: MapContext, raw: unknown = order): OrderRecord {
  if (!Number.isSafeInteger(order.id) || order.id < 1) {
    throw new OrderMapError(order.id, `An order came with an invalid id ${order.id}`);
  }
  if (!STATUSES.has(order.status)) {
    throw new OrderMapError(order.id, `Order ${order.id} has an unknown status ${order.status}`);
  }
  const created = firstText(order.date, order.modified);
  const modified = firstText(order.modified, order.date);
  if (!created || !modified)
    throw new OrderMapError(order.id, `Order ${order.id} has neither a date nor a modified date`);

  const type: OrderType = order.type === 2 || order.type === 3 ? order.type : orderTypeFor(context.accountKind);
  const currency = orderCurrency(order, context.platform);
  const customer = order.customer ?? {};

  return {
    accountId: context.accountId,
    id: order.id,
    status: order.status as OrderStatus,
    type,
    paymentModeId: order.payment_mode_id ?? null,
    paymentStatus: order.payment_status ?? null,
    totalMinor: orderTotalMinor(order),
    currency,
    // The shipping side names who receives the parcel; billing and the account name are fallbacks.
    customerName: firstText(customer.shipping_contact, customer.billing_name, customer.name, customer.company),
    customerPhone: firstText(customer.shipping_phone, customer.billing_phone, customer.phone_1),
    locality: firstText(customer.shipping_city, customer.billing_city),
    created,
    modified,
    statusSince: statusSince(order, context.platform) ?? undefined,
    shipBy: shipByOf(order, context.platform),
    hasInvoice: hasInvoiceOf(order),
    lines: (order.products ?? []).map((line) => mapLine(line, currency)),
    raw,
  };
}
