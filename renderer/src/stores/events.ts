// Routes every event main pushes to the stores that care. Aggregates (dashboard, visible list pages) are re-read
// once per burst of events, never polled.
import type { MagflowEvent } from '../../../shared/events';
import { useBulkInvoices } from './bulkInvoices';
import { useDashboard } from './dashboard';
import { useHealth } from './health';
import { useNavigation } from './navigation';
import { useNotifications } from './notifications';
import { useOffers } from './offers';
import { useOrderDetail } from './orderDetail';
import { patchOrderStatus, useLiveOrders, useOrders } from './orders';
import { useSync } from './sync';
import { useUpdates } from './updates';

export interface EventWiringOptions {
  /** How long to gather a burst of events before re-reading aggregates. */
  debounceMs?: number;
}

export function connectEvents(
  subscribe: (listener: (event: MagflowEvent) => void) => () => void,
  options: EventWiringOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 400;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function soon(name: string, run: () => void): void {
    if (timers.has(name)) return;
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        run();
      }, debounceMs),
    );
  }

  const refreshDashboard = () =>
    soon('dashboard', () => useDashboard.getState().view && void useDashboard.getState().load());
  // Health follows every run (main derives it from the latest runs): the banner and nav mark stay true.
  const refreshHealth = () =>
    soon(
      'health',
      () =>
        void useHealth
          .getState()
          .load()
          .catch(() => undefined),
    );
  const refreshOrders = () => soon('orders', () => useOrders.getState().loaded && void useOrders.getState().refresh());
  const refreshOffers = () => soon('offers', () => useOffers.getState().loaded && void useOffers.getState().refresh());
  const reloadDetailIf = (accountId: number, orderId: number) => {
    const key = useOrderDetail.getState().key;
    if (key?.accountId === accountId && key.orderId === orderId) void useOrderDetail.getState().reload();
  };

  function handle(event: MagflowEvent): void {
    switch (event.type) {
      case 'order_new':
        useLiveOrders.getState().markFresh(event.accountId, event.orderId);
        refreshOrders();
        refreshDashboard();
        break;
      case 'orders_imported':
        refreshOrders();
        refreshDashboard();
        break;
      case 'order_update':
        patchOrderStatus(event.accountId, event.orderId, event.toStatus);
        reloadDetailIf(event.accountId, event.orderId);
        refreshDashboard();
        break;
      case 'awb_generated':
      case 'invoice_generated':
        reloadDetailIf(event.accountId, event.orderId);
        break;
      case 'sync_progress':
        useSync.getState().applyProgress(event);
        break;
      case 'sync_finished':
        useSync.getState().applyFinished(event.run);
        refreshDashboard();
        refreshHealth();
        if (event.run.job === 'offers') refreshOffers();
        if (event.run.job === 'order-changes') refreshOrders();
        break;
      case 'health_changed':
        useHealth.getState().setReport(event.health);
        break;
      case 'outbox_changed':
        useOrderDetail.getState().applyOutbox(event.action);
        useBulkInvoices.getState().applyOutbox(event.action);
        break;
      case 'notification_added':
        useNotifications.getState().add(event.notification);
        break;
      case 'update_status':
        useUpdates.getState().apply(event.status);
        break;
      case 'navigate':
        useNavigation.getState().navigate(event.to);
        break;
    }
  }

  const unsubscribe = subscribe(handle);
  return () => {
    unsubscribe();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}
