// CSV of an orders view: one row per order, quoting left to csv-stringify.
import { stringify } from 'csv-stringify/sync';
import type { OrderLine, OrderSummary } from '../../../shared/domain';
import { isAcknowledged } from '../../../shared/orderRules';
import { minorToDecimal } from '../../../shared/money';

export const ORDER_CSV_COLUMNS = [
  'account',
  'order_id',
  'created',
  'modified',
  'status',
  'type',
  'payment_mode_id',
  'total',
  'currency',
  'customer',
  'phone',
  'locality',
  'acknowledged',
  'products',
] as const;

export function ordersToCsv(orders: readonly (OrderSummary & { lines?: OrderLine[] })[]): string {
  const rows = orders.map((o) => [
    o.account,
    o.id,
    o.created,
    o.modified,
    o.status,
    o.type,
    o.paymentModeId ?? '',
    minorToDecimal(o.totalMinor),
    o.currency,
    o.customer.name ?? '',
    o.customer.phone ?? '',
    o.customer.locality ?? '',
    isAcknowledged(o) ? 'yes' : 'no',
    (o.lines ?? []).map((l) => `${l.quantity} x ${l.name}`).join('; '),
  ]);
  return stringify([[...ORDER_CSV_COLUMNS], ...rows]);
}
