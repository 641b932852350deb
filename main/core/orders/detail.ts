// Builds the order detail the window shows from what is stored (eMAG's order as sent, read with the client's own
// schema and normalised by the sync's mapper), plus eMAG's rules for what the seller may do next.
import { enforcedCouriersOf } from '../../../shared/awb';
import type { OrderDetail, OrderVoucher, OutboxAction, Platform } from '../../../shared/domain';
import { allowedStatusChanges, canAcknowledge } from '../../../shared/orderRules';
import type { StoredOrder } from '../db';
import { codeOrObject } from '../emag/schemas/common';
import { emagOrderVoucherSchema } from '../emag/schemas/orders';
import { cancellationReasonOf, voucherGrossMinor } from '../sync/mapOrder';
import { decimalToMinor } from '../../../shared/money';
import { statusSinceOf } from './statusSince';

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
/** A list as eMAG sends it: a JSON list, or PHP's object keyed by index. */
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
const asRecords = (value: unknown): Record<string, unknown>[] =>
  asList(value).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));

/** The order's vouchers at their gross value (what the customer sees taken off), each read defensively. */
function vouchersOf(raw: Record<string, unknown>): OrderVoucher[] {
  return asRecords(raw.vouchers).flatMap((entry) => {
    const voucher = emagOrderVoucherSchema.safeParse(entry);
    if (!voucher.success) return [];
    return [
      {
        voucherId: voucher.data.voucher_id?.trim() || null,
        name: voucher.data.voucher_name?.trim() || null,
        grossMinor: voucherGrossMinor(voucher.data),
      },
    ];
  });
}

export function toOrderDetail(
  order: StoredOrder,
  actions: OutboxAction[],
  now: Date,
  platform: Platform = 'emag-ro',
): OrderDetail {
  const { key: _key, raw, lines, statusHistory, ...summary } = order;
  const ackQueued = actions.some((a) => a.kind === 'acknowledge' && (a.state === 'pending' || a.state === 'sent'));
  const since = statusSinceOf(order, platform);
  const reason = codeOrObject.safeParse(raw.reason_cancellation);
  return {
    ...summary,
    lines,
    customerDetails: asRecord(raw.customer),
    vouchers: vouchersOf(raw),
    cancellationReason:
      order.status === 0 && reason.success ? cancellationReasonOf({ reason_cancellation: reason.data }) : null,
    attachments: asRecords(raw.attachments),
    shippingTaxMinor: decimalToMinor(raw.shipping_tax) ?? 0,
    deliveryMode: typeof raw.delivery_mode === 'string' ? raw.delivery_mode : null,
    statusHistory,
    actions,
    allowedStatuses: since ? allowedStatusChanges({ status: order.status, type: order.type, since }, now) : [],
    canAcknowledge: canAcknowledge(order) && order.acknowledgedAt === null && !ackQueued,
    enforcedCourierAccounts: enforcedCouriersOf(raw),
  };
}
