// Routes every event main pushes to the stores that care. Aggregates (dashboard, visible list pages) are re-read
// once per burst of events, never polled.
import type { MagflowEvent } from '../../../shared/events';
import { useBulk } from './bulk';
import { useBulkInvoices } from './bulkInvoices';
import { useDashboard } from './dashboard';
import { useHealth } from './health';
import { useNavigation } from './navigation';
import { useNotifications } from './notifications';
import { useOffers } from './offers';
import { useOrderDetail } from './orderDetail';
import { patchOrderStatus, useLiveOrders, useOrders } from './orders';
import { useAccountHealth, useReturnDetail, useReturns } from './returns';
import { useSync } from './sync';
import { useToday } from './today';
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
  // The today queue follows orders and actions (issue 17 §1): re-read once per burst, only once it has been read.
  const refreshToday = () => soon('today', () => useToday.getState().queue && void useToday.getState().load());
  const reloadDetailIf = (accountId: number, orderId: number) => {
    const key = useOrderDetail.getState().key;
    if (key?.accountId === accountId && key.orderId === orderId) void useOrderDetail.getState().reload();
  };

  function handle(event: MagflowEvent): void {
    if (
      event.type === 'order_new' ||
      event.type === 'orders_imported' ||
      event.type === 'order_update' ||
      event.type === 'outbox_changed' ||
      (event.type === 'sync_finished' && event.run.job !== 'offers')
    )
      refreshToday();
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
        if (event.run.job === 'returns' || event.run.job === 'order-changes') {
          soon('accountHealth', () => useAccountHealth.getState().views && void useAccountHealth.getState().load());
        }
        break;
      case 'health_changed':
        useHealth.getState().setReport(event.health);
        break;
      case 'outbox_changed':
        useOrderDetail.getState().applyOutbox(event.action);
        useBulkInvoices.getState().applyOutbox(event.action);
        useBulk.getState().applyOutbox(event.action);
        // An offer edit queued, sent, confirmed or refused: the offers list shows its state.
        if (event.action.kind === 'offer') refreshOffers();
        if (event.action.kind === 'return') soon('returnDetail', () => void useReturnDetail.getState().reload());
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
      // Issue 18: returns and the account-health watch.
      case 'return_new':
      case 'returns_written':
        soon('returns', () => useReturns.getState().loaded && void useReturns.getState().refresh());
        soon('returnDetail', () => void useReturnDetail.getState().reload());
        break;
      case 'account_health_alert':
        soon('accountHealth', () => useAccountHealth.getState().views && void useAccountHealth.getState().load());
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
