// The "today" queue (issue 17 §1): what waits on the seller now, shared by main (which builds it), the window and the
// CLI (which show it). Deadlines are eMAG's `maximum_date_for_shipment`; times in the queue are instants (ISO).
import type { ActionFailure } from './actionFailures';
import type { OrderStatus } from './domain';

/** The queue's groups, in the order they are shown. */
export const TODAY_BUCKETS = ['acknowledge', 'prepare', 'ship', 'invoice', 'failed'] as const;
/**
 * acknowledge: new orders the seller acknowledges by hand (auto-acknowledge off); prepare: orders in progress (and new
 * ones auto-acknowledge is about to move there); ship: prepared orders to hand to the courier before their deadline;
 * invoice: finalized orders without an invoice; failed: actions eMAG refused or that gave up.
 */
export type TodayBucket = (typeof TODAY_BUCKETS)[number];

export interface TodayItem {
  bucket: TodayBucket;
  accountId: number;
  account: string;
  /** The order it links to; null for a failed action that belongs to no order. */
  orderId: number | null;
  status: OrderStatus | null;
  customerName: string | null;
  totalMinor: number | null;
  currency: string | null;
  /** eMAG's shipping deadline as an instant (ISO); null when eMAG gave none or the item has none (invoice, failed). */
  deadlineAt: string | null;
  /** The deadline has passed (at the queue's `generatedAt`). */
  overdue: boolean;
  /** The deadline falls within the seller's lead time (Settings → notifications). */
  dueSoon: boolean;
  /**
   * Failed actions: the outbox row, its kind and eMAG's (or MagFlow's) reason: `failure` language-neutral for the
   * window, `error` in English for the CLI (and the window's fallback for rows older than `failure`).
   */
  action: { id: number; kind: string; error: string | null; failure?: ActionFailure | null } | null;
}

export type TodayCounts = Record<TodayBucket, number> & {
  /** Orders past their shipping deadline (any bucket). */
  overdue: number;
  /** Orders whose deadline is within the lead time. */
  dueSoon: number;
  /** Every item of the queue. */
  total: number;
};

export interface TodayQueue {
  generatedAt: string;
  /** Auto-acknowledge on: new orders are acknowledged by MagFlow and counted under "prepare". */
  autoAcknowledge: boolean;
  /** The lead time (minutes) that makes a deadline "soon". */
  leadMinutes: number;
  counts: TodayCounts;
  items: TodayItem[];
}

export const emptyTodayCounts = (): TodayCounts => ({
  acknowledge: 0,
  prepare: 0,
  ship: 0,
  invoice: 0,
  failed: 0,
  overdue: 0,
  dueSoon: 0,
  total: 0,
});

/** The time left to a deadline, whole minutes, as days/hours/minutes (past it: `overdue` and the time since). */
export function countdown(
  deadlineAt: string,
  now: Date,
): { overdue: boolean; days: number; hours: number; minutes: number } {
  const ms = new Date(deadlineAt).getTime() - now.getTime();
  const total = Math.floor(Math.abs(ms) / 60_000);
  return {
    overdue: ms < 0,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}
