// What the window asks main for before React's first render, so the answer travels while the page renders.
import { hasApi } from '../api/client';
import { useNavigation } from './navigation';
import { ORDERS_PAGE_SIZE, useOrders } from './orders';

/**
 * On #/orders, starts reading the first orders page now: the seller waits for those rows, and React's first render
 * and effects take tens of milliseconds. The table's first ask then finds that page under way and sends nothing.
 */
export function startOpeningScreenLoads(): void {
  if (!hasApi()) return;
  if (useNavigation.getState().route.screen === 'orders') useOrders.getState().ensureRange(0, ORDERS_PAGE_SIZE - 1);
}
