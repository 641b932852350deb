// Domain types shared by main, preload and renderer: what MagFlow knows about accounts, orders, offers and syncs.
import type { ActionFailure } from './actionFailures';
import type { FailureCause } from './causes';

export const PLATFORMS = ['emag-ro', 'emag-bg', 'emag-hu', 'fd-ro', 'fd-bg'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ACCOUNT_KINDS = ['main', 'fbe'] as const;
/** main: orders fulfilled by the seller (eMAG order type 3); fbe: fulfilled by eMAG (type 2). */
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** eMAG order status codes. */
export const OrderStatus = {
  Canceled: 0,
  New: 1,
  InProgress: 2,
  Prepared: 3,
  Finalized: 4,
  Returned: 5,
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
export const ORDER_STATUSES: readonly OrderStatus[] = [0, 1, 2, 3, 4, 5];

/** eMAG order type: 2 fulfilled by eMAG, 3 fulfilled by the seller. */
export type OrderType = 2 | 3;

/** eMAG payment modes: 1 cash on delivery, 2 bank transfer, 3 online card. */
export type PaymentModeId = 1 | 2 | 3;

export interface Account {
  id: number;
  name: string;
  platform: Platform;
  kind: AccountKind;
  username: string;
  /** Overrides the platform's API base URL (the sandbox, or a proxy). */
  apiUrl: string | null;
  enabled: boolean;
  isDemo: boolean;
  createdAt: string;
}

export interface OrderCustomerSummary {
  name: string | null;
  phone: string | null;
  locality: string | null;
}

/** One row of the orders list. Money is in minor units (bani, stotinki, fillér) of `currency`. */
export interface OrderSummary {
  accountId: number;
  account: string;
  id: number;
  status: OrderStatus;
  type: OrderType;
  paymentModeId: number | null;
  paymentStatus: number | null;
  totalMinor: number;
  currency: string;
  customer: OrderCustomerSummary;
  /** eMAG platform-local time, 'YYYY-MM-DD HH:MM:SS'. */
  created: string;
  modified: string;
  acknowledgedAt: string | null;
  firstSeenAt: string;
}

export interface OrderLine {
  lineId: number;
  productId: string | null;
  partNumber: string | null;
  partNumberKey: string | null;
  name: string;
  quantity: number;
  /** Unit price without VAT, as eMAG sends it (a decimal string with up to 4 decimals). */
  salePrice: string;
  vat: string | null;
  currency: string;
  status: number;
}

/** 'offer': a price or stock edit of one offer (shared/offerEdits.ts); 'return': a return's status change (rma/save). */
export type OutboxKind = 'acknowledge' | 'status' | 'awb' | 'invoice' | 'offer' | 'return';
export type OutboxState = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxAction {
  id: number;
  accountId: number;
  orderId: number | null;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  /** English, for the logs and the CLI; the window shows `failure` (falls back to this for rows older than it). */
  lastError: string | null;
  /** Why the last attempt did not go through, language-neutral (shared/actionFailures.ts); null when none recorded. */
  failure?: ActionFailure | null;
  createdAt: string;
  sentAt: string | null;
  /** What eMAG answered once sent (e.g. `{ awbNumber }` for an AWB); null before. */
  result?: Record<string, unknown> | null;
}

/** A voucher on an order: what it takes off the total, VAT included (negative, in the order's minor units). */
export interface OrderVoucher {
  voucherId: string | null;
  name: string | null;
  grossMinor: number;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLine[];
  /** eMAG's customer object as received (every field optional). */
  customerDetails: Record<string, unknown>;
  vouchers: OrderVoucher[];
  /** Why a canceled order was canceled: eMAG's code and, when eMAG sent it, its name. */
  cancellationReason: { code: number; name: string | null } | null;
  attachments: Record<string, unknown>[];
  shippingTaxMinor: number;
  deliveryMode: string | null;
  statusHistory: { status: OrderStatus; at: string }[];
  actions: OutboxAction[];
  /** Statuses the seller may move this order to now (eMAG's transition matrix). */
  allowedStatuses: OrderStatus[];
  /**
   * eMAG's `enforced_vendor_courier_accounts`: null when any courier account may carry the AWB, else the allowed
   * account ids; an empty list means eMAG takes no AWB from MagFlow for this order.
   */
  enforcedCourierAccounts: number[] | null;
  canAcknowledge: boolean;
}

export type OfferEditField = 'price' | 'stock';
/** pending: queued; sent: eMAG accepted it; confirmed: eMAG's offer data shows the value; failed: refused. */
export type OfferEditState = 'pending' | 'sent' | 'confirmed' | 'failed';

/** The latest edit of one field of an offer, as the offers screen shows it. */
export interface OfferEditStatus {
  actionId: number;
  field: OfferEditField;
  /** The value asked for: a price without VAT ("49.99") or a stock quantity ("12"). */
  value: string;
  state: OfferEditState;
  error: string | null;
  /** The same failure, language-neutral (shared/actionFailures.ts); null for older rows (the window shows `error`). */
  failure?: ActionFailure | null;
  at: string;
}

export interface Offer {
  accountId: number;
  account: string;
  id: number;
  partNumber: string | null;
  partNumberKey: string | null;
  name: string;
  brand: string | null;
  salePrice: string | null;
  currency: string | null;
  stock: number | null;
  status: number | null;
  validationStatus: number | null;
  validationText: string | null;
  updatedAt: string;
  /** Offer editing (shared/offerEdits.ts): the latest price and stock edits and whether stock is under its threshold. */
  edits?: OfferEditStatus[];
  lowStock?: boolean;
}

/**
 * Every sync job, in the order the window, the CLI and the health check list them. What each one is (scope, interval,
 * place in "sync now", what it runs) is main/core/sync/jobs/registry.ts; shared/ keeps only the names the IPC contract needs.
 */
export const JOB_NAMES = [
  'new-orders',
  'order-changes',
  'send-actions',
  'offers',
  'maintenance',
  'health',
  'returns',
] as const;
export type JobName = (typeof JOB_NAMES)[number];
export type RunStatus = 'running' | 'completed' | 'failed' | 'timed_out' | 'cancelled';
export type RunMode = 'scheduled' | 'manual' | 'catch-up' | 'startup';

export interface SyncRun {
  id: number;
  job: JobName;
  accountId: number | null;
  account: string | null;
  mode: RunMode;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  pages: number;
  requests: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Records set aside for the seller's attention (the run still completed). */
  warnings: number;
  error: string | null;
  errorKind: string | null;
  /** Why it failed, in the seller's terms (shared/causes.ts); null for a run that did not fail. */
  cause: FailureCause | null;
  /** eMAG's own words about the failure, when it gave any. */
  reason: string | null;
}

export const NEEDS_ATTENTION_KINDS = ['order', 'offer', 'return'] as const;
export type NeedsAttentionKind = (typeof NEEDS_ATTENTION_KINDS)[number];

/**
 * A record eMAG sent that MagFlow could not read or store: set aside (its page was stored without it), shown to the
 * seller, retried on every run, and removed once it maps.
 */
export interface NeedsAttentionItem {
  id: number;
  accountId: number;
  account: string;
  kind: NeedsAttentionKind;
  /** eMAG's id of the record, as text; null when it has none MagFlow can read. */
  emagId: string | null;
  reason: string;
  firstSeenAt: string;
  lastSeenAt: string;
  timesSeen: number;
  /** The record as eMAG sent it (JSON text). */
  raw: string;
}

export type NotificationKind =
  | 'order_new'
  | 'orders_imported'
  | 'order_update'
  | 'awb'
  | 'invoice'
  | 'sync_failure'
  // Offer editing, returns and the account-health watch (issue 18).
  | 'low_stock'
  | 'return_new'
  | 'account_health';

export interface AppNotification {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  accountId: number | null;
  orderId: number | null;
  read: boolean;
  createdAt: string;
}

export interface CourierAccount {
  accountId: number;
  courierAccountId: number;
  displayName: string;
  courierName: string;
  type: number | null;
  active: boolean;
}
