// Builds the order detail the window shows from what is stored, plus eMAG's rules for what the seller may do next.
import { enforcedCouriersOf } from '../../../shared/awb';
import type { OrderDetail, OutboxAction } from '../../../shared/domain';
import { allowedStatusChanges, canAcknowledge } from '../../../shared/orderRules';
import { fromEmagDate } from '../clock';
import type { StoredOrder } from '../db';
import { decimalToMinor } from './money';

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asRecords = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];

export function toOrderDetail(order: StoredOrder, actions: OutboxAction[], now: Date): OrderDetail {
  const { key: _key, raw, lines, statusHistory, ...summary } = order;
  const ackQueued = actions.some((a) => a.kind === 'acknowledge' && (a.state === 'pending' || a.state === 'sent'));
  const modifiedAt = fromEmagDate(order.modified);
  return {
    ...summary,
    lines,
    customerDetails: asRecord(raw.customer),
    vouchers: asRecords(raw.vouchers),
    attachments: asRecords(raw.attachments),
    shippingTaxMinor: decimalToMinor(raw.shipping_tax) ?? 0,
    deliveryMode: typeof raw.delivery_mode === 'string' ? raw.delivery_mode : null,
    statusHistory,
    actions,
    allowedStatuses: Number.isNaN(modifiedAt.getTime())
      ? []
      : allowedStatusChanges({ status: order.status, type: order.type, modifiedAt }, now),
    canAcknowledge: canAcknowledge(order) && order.acknowledgedAt === null && !ackQueued,
    enforcedCourierAccounts: enforcedCouriersOf(raw),
  };
}
