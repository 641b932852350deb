// Bulk work on orders selected in the list (issue 17 §2): what each action will do to each order, decided by eMAG's
// rules before anything is queued, so the one confirmation can say exactly what will happen and what is skipped why.
import { SELLER_CANCELLATION_REASONS, type CancellationReason } from './cancellationReasons';
import type { OrderStatus, OrderType } from './domain';
import { allowedStatusChanges, canAcknowledge } from './orderRules';

/** A sane ceiling for one request: 500 orders is a busy week for most sellers, and one confirmation can list them. */
export const BULK_MAX_ORDERS = 500;

export const BULK_ACTIONS = ['acknowledge', 'status', 'awb', 'export'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The cancellation reasons a seller may choose (shared/cancellationReasons.ts: eMAG's list without its own codes). */
export const CANCEL_REASONS = SELLER_CANCELLATION_REASONS;
export type CancelReason = CancellationReason;

/** Why an order is left out of a bulk action. */
export type BulkSkipReason =
  | 'not_found'
  | 'fbe'
  | 'not_new'
  | 'already_acknowledged'
  | 'same_status'
  | 'transition_not_allowed'
  | 'awb_status'
  | 'awb_no_courier'
  | 'no_sender';

/** One order's fate: in a preview `will_queue`/`skipped`; after the request `queued`/`skipped`/`failed`. */
export interface BulkOutcome {
  accountId: number;
  orderId: number;
  outcome: 'will_queue' | 'queued' | 'skipped' | 'failed' | 'exported';
  reason?: BulkSkipReason;
  /** Why queuing failed (e.g. the receiver's address misses a field eMAG requires), in main's words. */
  message?: string;
  /** The outbox action, once queued: its `outbox_changed` events say when it is sent or fails. */
  actionId?: number;
}

export interface BulkResult {
  action: BulkAction;
  preview: boolean;
  outcomes: BulkOutcome[];
  /** Export only: the CSV of the selected orders, made by the same code as the list's export. */
  csv?: { filename: string; csv: string; rows: number };
}

/** What the plan needs to know of an order. */
export interface PlannedOrder {
  status: OrderStatus;
  type: OrderType;
  acknowledgedAt: string | null;
  /** When the order entered its status by eMAG's clock; null when unknown (time-limited moves are then refused). */
  since: Date | null;
  /** eMAG's enforced_vendor_courier_accounts: null any courier, [] none from MagFlow. */
  enforcedCouriers: number[] | null;
}

export interface PlanOptions {
  /** The target status of a status change. */
  status?: OrderStatus;
  /** Accounts with a pickup address for AWBs (an AWB without a sender is refused by eMAG). */
  hasSender?: (accountId: number) => boolean;
}

/** Whether the action applies to the order: null when it does, else why it is skipped. */
export function skipReason(
  action: BulkAction,
  accountId: number,
  order: PlannedOrder,
  options: PlanOptions,
  now: Date,
): BulkSkipReason | null {
  if (action === 'export') return null;
  if (order.type === 2) return 'fbe'; // eMAG fulfils FBE orders: the seller neither acknowledges, edits nor ships them
  switch (action) {
    case 'acknowledge':
      if (order.acknowledgedAt !== null) return 'already_acknowledged';
      return canAcknowledge(order) ? null : 'not_new';
    case 'status': {
      const target = options.status;
      if (target === undefined) return 'transition_not_allowed';
      if (order.status === target) return 'same_status';
      const allowed = order.since
        ? allowedStatusChanges({ status: order.status, type: order.type, since: order.since }, now)
        : [];
      return allowed.includes(target) ? null : 'transition_not_allowed';
    }
    case 'awb':
      if (order.status !== 2 && order.status !== 3 && order.status !== 4) return 'awb_status';
      if (order.enforcedCouriers !== null && order.enforcedCouriers.length === 0) return 'awb_no_courier';
      if (!(options.hasSender?.(accountId) ?? false)) return 'no_sender';
      return null;
  }
}

/** Counts of a preview or a result, for the confirmation's summary. */
export function countOutcomes(outcomes: readonly BulkOutcome[]): Record<BulkOutcome['outcome'], number> {
  const counts = { will_queue: 0, queued: 0, skipped: 0, failed: 0, exported: 0 };
  for (const o of outcomes) counts[o.outcome] += 1;
  return counts;
}

/** Skipped orders grouped by reason, most frequent first: "3 × FBE, 2 × not new". */
export function skipsByReason(outcomes: readonly BulkOutcome[]): { reason: BulkSkipReason; count: number }[] {
  const counts = new Map<BulkSkipReason, number>();
  for (const o of outcomes)
    if (o.outcome === 'skipped' && o.reason) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
