// Maps an eMAG return request (as the client parsed it) to the record MagFlow stores: pure, no I/O. A request that
// cannot be stored as it is (no status MagFlow knows, no readable date) is set aside for the seller, never dropped.
import { isReturnStatus, type ReturnProduct } from '../../../shared/returns';
import type { ReturnRecord } from '../db';
import type { EmagRma } from '../emag';

export class ReturnMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReturnMapError';
  }
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The order id as a number: live answers send it as text; a blank or odd one leaves the return without its order. */
function orderIdOf(value: string | null | undefined): number | null {
  const id = Number(text(value));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function mapReturn(rma: EmagRma, accountId: number, raw: unknown = rma): ReturnRecord {
  if (!Number.isSafeInteger(rma.emag_id) || rma.emag_id < 1) {
    throw new ReturnMapError(`A return request came with an invalid emag_id ${rma.emag_id}`);
  }
  const status = rma.request_status;
  if (!isReturnStatus(status)) {
    throw new ReturnMapError(`Return ${rma.emag_id}: request_status ${String(status)} is not one eMAG documents (1-7)`);
  }
  const date = text(rma.date);
  if (!date || !DATE.test(date)) {
    throw new ReturnMapError(`Return ${rma.emag_id}: date '${String(rma.date)}' is not YYYY-MM-DD HH:MM:SS`);
  }
  const lines: ReturnProduct[] = (rma.products ?? []).map((product) => ({
    lineId: product.id ?? null,
    productId: text(product.product_id),
    productEmagId: text(product.product_emag_id),
    partNumberKey: text(product.part_number_key),
    name: text(product.product_name),
    quantity: product.quantity ?? null,
    returnReason: product.return_reason ?? null,
    observations: text(product.observations),
    refundValue: text(product.refund_value),
  }));
  return {
    accountId,
    emagId: rma.emag_id,
    orderId: orderIdOf(rma.order_id),
    type: rma.type ?? null,
    status,
    customerName: text(rma.customer_name),
    returnType: rma.return_type ?? null,
    returnReason: rma.return_reason ?? null,
    pickupMethod: rma.pickup_method ?? null,
    date,
    lines,
    raw,
  };
}
