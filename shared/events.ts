// The typed events main pushes to the window on its one event channel.
import type { AppNotification, OrderStatus, OutboxAction, SyncRun, JobName } from './domain';
import type { UpdateStatusView } from './updates';
import type { HealthReport } from './views';

export interface OrderNewEvent {
  type: 'order_new';
  accountId: number;
  account: string;
  orderId: number;
  totalMinor: number;
  currency: string;
  customerName: string | null;
  firstProduct: string | null;
}

export interface OrdersImportedEvent {
  type: 'orders_imported';
  accountId: number;
  account: string;
  count: number;
}

export interface OrderUpdateEvent {
  type: 'order_update';
  accountId: number;
  orderId: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
}

export interface AwbGeneratedEvent {
  type: 'awb_generated';
  accountId: number;
  orderId: number;
  awbNumber: string | null;
}

export interface InvoiceGeneratedEvent {
  type: 'invoice_generated';
  accountId: number;
  orderId: number;
  url: string;
}

export interface SyncProgressEvent {
  type: 'sync_progress';
  job: JobName;
  accountId: number | null;
  done: number;
  total: number | null;
}

export interface SyncFinishedEvent {
  type: 'sync_finished';
  run: SyncRun;
}

export interface HealthChangedEvent {
  type: 'health_changed';
  health: HealthReport;
}

export interface OutboxChangedEvent {
  type: 'outbox_changed';
  action: OutboxAction;
}

export interface NotificationAddedEvent {
  type: 'notification_added';
  notification: AppNotification;
}

/** The desktop app's own updater changed state (checking, progress, downloaded, error...). */
export interface UpdateStatusEvent {
  type: 'update_status';
  status: UpdateStatusView;
}

/** Sent by the shell when the seller clicks an OS notification: open this order. */
export interface NavigateEvent {
  type: 'navigate';
  to:
    | { screen: 'order'; accountId: number; orderId: number }
    | { screen: 'dashboard' | 'orders' | 'notifications' | 'today' };
}

export type MagflowEvent =
  | OrderNewEvent
  | OrdersImportedEvent
  | OrderUpdateEvent
  | AwbGeneratedEvent
  | InvoiceGeneratedEvent
  | SyncProgressEvent
  | SyncFinishedEvent
  | HealthChangedEvent
  | OutboxChangedEvent
  | NotificationAddedEvent
  | UpdateStatusEvent
  | NavigateEvent;

export type MagflowEventType = MagflowEvent['type'];
export type EventOf<T extends MagflowEventType> = Extract<MagflowEvent, { type: T }>;
