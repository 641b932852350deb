// eMAG's order status rules: the transition matrix (with its 48-hour and return-window limits) and acknowledgement.
// The 48-hour and return windows are MagFlow's own rules (shared/orderRules.ts): one definition for both sides.
import { RETURN_WINDOW_MS, REVERSAL_WINDOW_MS } from '../../shared/orderRules';
import { ApiRefusal } from './envelope';
import type { StoredOrder } from './storedOrder';

export const OrderStatus = { Canceled: 0, New: 1, InProgress: 2, Prepared: 3, Finalized: 4, Returned: 5 } as const;

const STATUS_NAMES = ['canceled', 'new', 'in progress', 'prepared', 'finalized', 'returned'];
export const statusName = (s: number): string => STATUS_NAMES[s] ?? `unknown (${s})`;

/** Why eMAG would refuse moving `order` to `to` now, or null when the matrix allows it. */
export function transitionRefusal(order: StoredOrder, to: number, nowMs: number): string | null {
  const from = order.status;
  const refuse = (why = ''): string =>
    `Order ${order.id}: status cannot change from ${from} (${statusName(from)}) to ${to} (${statusName(to)})${why}`;
  if (!Number.isInteger(to) || to < 0 || to > 5) return `Order ${order.id}: unknown status ${to}`;
  switch (from) {
    case OrderStatus.New:
      if (to === OrderStatus.InProgress)
        return refuse('; a new order moves to in progress only through order/acknowledge');
      return refuse('; acknowledge the order first');
    case OrderStatus.InProgress:
      return to === OrderStatus.New || to === OrderStatus.Returned ? refuse() : null;
    case OrderStatus.Prepared:
      return to === OrderStatus.Prepared || to === OrderStatus.Finalized || to === OrderStatus.Canceled
        ? null
        : refuse();
    case OrderStatus.Finalized: {
      const since = nowMs - (order.finalizedMs ?? order.modifiedMs);
      if (to === OrderStatus.Finalized) return null;
      if (to === OrderStatus.Prepared || to === OrderStatus.Canceled) {
        return since <= REVERSAL_WINDOW_MS ? null : refuse('; only within 48 hours of finalization');
      }
      if (to === OrderStatus.Returned) {
        return since <= RETURN_WINDOW_MS ? null : refuse('; the return window (return time + 5 days) has passed');
      }
      return refuse();
    }
    case OrderStatus.Canceled: {
      if (to === OrderStatus.Canceled) return null;
      if (to === OrderStatus.InProgress || to === OrderStatus.Prepared || to === OrderStatus.Finalized) {
        const since = nowMs - (order.cancelledMs ?? order.modifiedMs);
        return since <= REVERSAL_WINDOW_MS
          ? null
          : refuse('; a canceled order can be reactivated only within 48 hours');
      }
      return refuse();
    }
    case OrderStatus.Returned:
      return refuse('; a returned order is closed');
    default:
      return refuse();
  }
}

/**
 * Decides an acknowledgement: true when the order moves 1 -> 2, false when it was already acknowledged
 * (a successful no-op, so a retried acknowledge is harmless). Refuses FBE orders and canceled ones.
 */
export function acknowledgeDecision(order: StoredOrder): boolean {
  if (order.type !== 3) {
    throw new ApiRefusal(`Order ${order.id} is fulfilled by eMAG (type ${order.type}) and cannot be acknowledged`);
  }
  if (order.status === OrderStatus.New) return true;
  if (order.status === OrderStatus.Canceled) {
    throw new ApiRefusal(`Order ${order.id} was canceled (status 0) and cannot be acknowledged`);
  }
  return false;
}
