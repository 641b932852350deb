// eMAG's order rules the window and main both need: which status changes the seller may ask for.
import type { OrderStatus, OrderType } from './domain';

const HOURS_48 = 48 * 3_600_000;

/**
 * Statuses the seller may move an order to through `order/save`, per eMAG's transition matrix.
 * New → in progress happens only by acknowledging, so it is not offered here. Time-limited moves
 * (out of finalized or canceled within 48 h) use `modifiedAt` as the moment the order entered its status.
 * Returned (5) is reached through a return, not a status change, so it is never offered.
 */
export function allowedStatusChanges(
  order: { status: OrderStatus; type: OrderType; modifiedAt: Date },
  now: Date,
): OrderStatus[] {
  if (order.type === 2) return []; // fulfilled by eMAG: the seller cannot edit it
  const within48h = now.getTime() - order.modifiedAt.getTime() <= HOURS_48;
  switch (order.status) {
    case 2:
      return [3, 4, 0];
    case 3:
      return [4, 0];
    case 4:
      return within48h ? [3, 0] : [];
    case 0:
      return within48h ? [2, 3, 4] : [];
    default:
      return [];
  }
}

/** Only seller-fulfilled orders (type 3) in status new can be acknowledged. */
export const canAcknowledge = (order: { status: OrderStatus; type: OrderType }): boolean =>
  order.type === 3 && order.status === 1;

/** An order counts as acknowledged once MagFlow acknowledged it or eMAG shows it past "new". */
export const isAcknowledged = (order: { status: OrderStatus; acknowledgedAt: string | null }): boolean =>
  order.acknowledgedAt !== null || (order.status !== 1 && order.status !== 0);
