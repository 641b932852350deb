// Maps an eMAG order (as the client parsed it) to the OrderRecord MagFlow stores: pure, no I/O.
import type { AccountKind, OrderLine, OrderStatus, OrderType } from '../../../shared/domain';
import type { OrderRecord } from '../db';
import type { EmagOrder, EmagOrderLine } from '../emag/schemas/orders';
import { decimalToE4, decimalToMinor } from '../orders/money';

/** An eMAG order MagFlow cannot store as it is (it keeps the order out and counts it as failed). */
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
  /** The platform's currency, used when no line names one. */
  currency: string;
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

/**
 * One line's gross amount in minor units: quantity × sale_price × (1 + vat), rounded half away from zero.
 * sale_price (without VAT) and vat (a rate like "0.19") are read as integers of 1/10,000, so the product is exact
 * in units of 1e-8 and only the final rounding to 1/100 loses anything.
 */
export function lineGrossMinor(line: Pick<EmagOrderLine, 'quantity' | 'sale_price' | 'vat'>): number {
  const price = decimalToE4(line.sale_price ?? '0');
  const vat = decimalToE4(line.vat ?? '0');
  if (price === null || vat === null) return 0;
  const gross = BigInt(line.quantity ?? 0) * price * (10_000n + vat); // 1e-8 units
  const negative = gross < 0n;
  const abs = negative ? -gross : gross;
  const minor = (abs + 500_000n) / 1_000_000n;
  return Number(negative ? -minor : minor);
}

/**
 * The order total in minor units: every active line's gross amount (each rounded to minor units) plus the
 * shipping tax. Vouchers are not subtracted here; the order detail shows them from the raw order.
 */
export function orderTotalMinor(order: Pick<EmagOrder, 'products' | 'shipping_tax'>): number {
  const lines = (order.products ?? []).filter((line) => (line.status ?? ACTIVE_LINE) === ACTIVE_LINE);
  const products = lines.reduce((sum, line) => sum + lineGrossMinor(line), 0);
  return products + (decimalToMinor(order.shipping_tax ?? '0') ?? 0);
}

function mapLine(line: EmagOrderLine, currency: string): OrderLine {
  return {
    lineId: line.id,
    productId: line.product_id === null || line.product_id === undefined ? null : String(line.product_id),
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

/** eMAG order → stored record. Throws OrderMapError for an order without a usable status or any date. */
export function mapOrder(order: EmagOrder, context: MapContext): OrderRecord {
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
  const products = order.products ?? [];
  const currency = firstText(...products.map((line) => line.currency)) ?? context.currency;
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
    lines: products.map((line) => mapLine(line, currency)),
    raw: order,
  };
}
