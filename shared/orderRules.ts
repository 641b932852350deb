// eMAG's order rules the window and main both need: which status changes the seller may ask for, and when.
import type { OrderStatus, OrderType } from './domain';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Out of finalized (back to prepared, or canceled) and out of canceled (reactivated) are allowed for 48 hours: "only
 * in the first 48 hours since finalization" and "if more than 48 hours have passed since cancelation" (v4.4.9,
 * "Order status matrix" and "Updating orders").
 */
export const REVERSAL_WINDOW_MS = 48 * HOUR;

/**
 * The customer's return time (RT). The text allows finalized -> returned "in RT + 5 days max", RT being "return time
 * allowed to customers", without a number; eMAG gives customers 30 days to return a product, marketplace products
 * included, so RT is taken as 30 days (the sandbox applies the same window).
 */
export const RETURN_TIME_DAYS = 30;
/** Finalized -> returned: RT + 5 days from finalization (the matrix's "Yes in RT* + 5 days max"). */
export const RETURN_WINDOW_MS = (RETURN_TIME_DAYS + 5) * DAY;

/**
 * Statuses the seller may move an order to through `order/save`, per eMAG's transition matrix. New → in progress
 * happens only by acknowledging, so it is not offered here. The time-limited moves count from `since`: when the order
 * entered its current status by eMAG's clock (finalization: `finalization_date`; cancellation: when eMAG's order first
 * showed it canceled), never from `modified`, which later edits such as an invoice upload move.
 */
export function allowedStatusChanges(
  order: { status: OrderStatus; type: OrderType; since: Date },
  now: Date,
): OrderStatus[] {
  if (order.type === 2) return []; // fulfilled by eMAG: the seller cannot edit it
  const elapsed = now.getTime() - order.since.getTime();
  const within = (ms: number): boolean => !Number.isNaN(elapsed) && elapsed <= ms;
  switch (order.status) {
    case 2:
      return [3, 4, 0];
    case 3:
      return [4, 0];
    case 4:
      return [
        ...(within(REVERSAL_WINDOW_MS) ? ([3, 0] as const) : []),
        ...(within(RETURN_WINDOW_MS) ? [5 as const] : []),
      ];
    case 0:
      return within(REVERSAL_WINDOW_MS) ? [2, 3, 4] : [];
    default:
      return [];
  }
}

/** Only seller-fulfilled orders (type 3) in status new can be acknowledged. */
export const canAcknowledge = (order: { status: OrderStatus; type: OrderType }): boolean =>
  order.type === 3 && order.status === 1;

/**
 * The one rule for "acknowledged", used by the orders list, the detail, the CSV and the dashboard (docs/ui.md,
 * "Acknowledgement"):
 * - `not-needed`: fulfilled by eMAG (type 2: "cannot be acknowledged", README §6), or canceled before anyone
 *   acknowledged it (customers may cancel an unacknowledged order): the seller has nothing to do;
 * - `acknowledged`: MagFlow acknowledged it, or eMAG shows it past "new" (acknowledge is the only way out of "new");
 * - `waiting`: a seller order still "new": the seller must acknowledge it.
 */
export type Acknowledgement = 'acknowledged' | 'waiting' | 'not-needed';

export function acknowledgementOf(order: {
  status: OrderStatus;
  type: OrderType;
  acknowledgedAt: string | null;
}): Acknowledgement {
  if (order.type === 2) return 'not-needed';
  if (order.acknowledgedAt !== null) return 'acknowledged';
  if (order.status === 1) return 'waiting';
  if (order.status === 0) return 'not-needed';
  return 'acknowledged';
}

/** The same rule as SQL over the orders table, for counts (the dashboard's "waiting for you"). */
export const WAITING_FOR_ACK_SQL = 'type = 3 AND status = 1 AND acknowledged_at IS NULL';

/** An order counts as acknowledged under {@link acknowledgementOf}. */
export const isAcknowledged = (order: {
  status: OrderStatus;
  type: OrderType;
  acknowledgedAt: string | null;
}): boolean => acknowledgementOf(order) === 'acknowledged';
