// The typed events main pushes to the window on its one event channel.
import type { AppNotification, OrderStatus, OutboxAction, SyncRun, JobName } from './domain';
import type { UpdateStatusView } from './updates';
import type { HealthReport } from './views';
import type { HealthFigureKey } from './accountHealth';

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
    | { screen: 'dashboard' | 'orders' | 'notifications' | 'offers' | 'returns' | 'today' };
}

/** Issue 18: a return request MagFlow had not seen (after the account's first returns run). */
export interface ReturnNewEvent {
  type: 'return_new';
  accountId: number;
  account: string;
  emagId: number;
  orderId: number | null;
  customerName: string | null;
  firstProduct: string | null;
}

/** Issue 18: returns were stored or changed (the Returns screen reloads). */
export interface ReturnsWrittenEvent {
  type: 'returns_written';
  accountId: number;
  created: number;
  updated: number;
}

/** Issue 18: an account-health figure crossed its threshold (once per crossing). */
export interface AccountHealthAlertEvent {
  type: 'account_health_alert';
  accountId: number;
  account: string;
  figure: HealthFigureKey;
  value: number;
  threshold: number;
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
  | NavigateEvent
  | ReturnNewEvent
  | ReturnsWrittenEvent
  | AccountHealthAlertEvent;

export type MagflowEventType = MagflowEvent['type'];
export type EventOf<T extends MagflowEventType> = Extract<MagflowEvent, { type: T }>;
