// The "today" queue's rules (issue 17 §1): which stored order or action waits on the seller, in which group, and how
// its shipping deadline stands. Pure: the rows come from the today repository, the time and settings from the caller.
import type { OrderStatus } from '../../../shared/domain';
import type { Settings } from '../../../shared/settings';
import { emptyTodayCounts, type TodayBucket, type TodayItem, type TodayQueue } from '../../../shared/today';
import { fromEmagDate, toEmagDate, type Clock } from '../clock';
import type { Repositories } from '../db';
import type { TodayFailedRow, TodayOrderRow } from '../db/repositories/today';

/**
 * Finalized orders are checked for an invoice this far back. eMAG's account health counts the invoice attachment rate
 * over recent orders; an order finalized before that is history, not today's work.
 */
export const INVOICE_LOOKBACK_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * eMAG's `maximum_date_for_shipment` as an instant. eMAG writes it in the platform's local time (Europe/Bucharest
 * for eMAG Romania, summer time included), like every eMAG date (clock.ts). Null when there is none or it is unreadable.
 */
export function shipDeadline(shipBy: string | null, platform: TodayOrderRow['platform']): Date | null {
  if (!shipBy) return null;
  const at = fromEmagDate(shipBy, platform);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Where a deadline stands at `now`: past it, or within the lead time of it. */
export function deadlineState(
  deadline: Date | null,
  now: Date,
  leadMinutes: number,
): { overdue: boolean; dueSoon: boolean } {
  if (!deadline) return { overdue: false, dueSoon: false };
  const left = deadline.getTime() - now.getTime();
  return { overdue: left < 0, dueSoon: left >= 0 && left <= leadMinutes * 60_000 };
}

/**
 * The group of an open seller-fulfilled order. A new order waits for the seller's acknowledgement only when
 * auto-acknowledge is off; otherwise MagFlow acknowledges it within moments and the seller's next step is preparing it.
 */
export function openOrderBucket(status: number, autoAcknowledge: boolean): TodayBucket | null {
  if (status === 1) return autoAcknowledge ? 'prepare' : 'acknowledge';
  if (status === 2) return 'prepare';
  if (status === 3) return 'ship';
  return null;
}

const BUCKET_RANK: Record<TodayBucket, number> = { acknowledge: 0, prepare: 1, ship: 2, invoice: 3, failed: 4 };

/** Inside a group: the nearest deadline first (overdue at the top), orders without one after, then by age. */
function compareItems(a: TodayItem & { created: string }, b: TodayItem & { created: string }): number {
  if (a.bucket !== b.bucket) return BUCKET_RANK[a.bucket] - BUCKET_RANK[b.bucket];
  if (a.deadlineAt !== b.deadlineAt) {
    if (a.deadlineAt === null) return 1;
    if (b.deadlineAt === null) return -1;
    return a.deadlineAt < b.deadlineAt ? -1 : 1;
  }
  return a.created < b.created ? -1 : a.created > b.created ? 1 : 0;
}

export interface TodayInput {
  open: readonly TodayOrderRow[];
  withoutInvoice: readonly TodayOrderRow[];
  failed: readonly TodayFailedRow[];
  now: Date;
  settings: Pick<Settings, 'autoAcknowledge' | 'notifications'>;
}

/** The queue from its rows. */
export function buildTodayQueue(input: TodayInput): TodayQueue {
  const { now, settings } = input;
  const leadMinutes = settings.notifications.shipDeadlineLeadMin;
  const items: (TodayItem & { created: string })[] = [];
  const orderItem = (row: TodayOrderRow, bucket: TodayBucket, withDeadline: boolean) => {
    const deadline = withDeadline ? shipDeadline(row.shipBy, row.platform) : null;
    items.push({
      bucket,
      accountId: row.accountId,
      account: row.account,
      orderId: row.orderId,
      status: row.status as OrderStatus,
      customerName: row.customerName,
      totalMinor: row.totalMinor,
      currency: row.currency,
      deadlineAt: deadline?.toISOString() ?? null,
      ...deadlineState(deadline, now, leadMinutes),
      action: null,
      created: row.created,
    });
  };
  for (const row of input.open) {
    const bucket = openOrderBucket(row.status, settings.autoAcknowledge);
    if (bucket) orderItem(row, bucket, true);
  }
  for (const row of input.withoutInvoice) orderItem(row, 'invoice', false);
  for (const row of input.failed) {
    items.push({
      bucket: 'failed',
      accountId: row.accountId,
      account: row.account,
      orderId: row.orderId,
      status: row.status as OrderStatus | null,
      customerName: row.customerName,
      totalMinor: row.totalMinor,
      currency: row.currency,
      deadlineAt: null,
      overdue: false,
      dueSoon: false,
      action: { id: row.actionId, kind: row.kind, error: row.error, failure: row.failure },
      created: '',
    });
  }
  items.sort(compareItems);
  const counts = emptyTodayCounts();
  for (const item of items) {
    counts[item.bucket] += 1;
    if (item.overdue) counts.overdue += 1;
    if (item.dueSoon) counts.dueSoon += 1;
  }
  counts.total = items.length;
  return {
    generatedAt: now.toISOString(),
    autoAcknowledge: settings.autoAcknowledge,
    leadMinutes,
    counts,
    items: items.map(({ created: _created, ...item }) => item),
  };
}

/** Reads the rows and builds the queue. The invoice look-back is cut in eMAG Romania's local time (a day either way). */
export function readTodayQueue(
  repos: Pick<Repositories, 'today' | 'settings'>,
  clock: Clock,
  filter: { accountId?: number | undefined } = {},
): TodayQueue {
  const now = clock.now();
  const since = toEmagDate(new Date(now.getTime() - INVOICE_LOOKBACK_DAYS * DAY_MS));
  const mine = <R extends { accountId: number }>(rows: R[]): R[] =>
    filter.accountId === undefined ? rows : rows.filter((row) => row.accountId === filter.accountId);
  return buildTodayQueue({
    open: mine(repos.today.openOrders()),
    withoutInvoice: mine(repos.today.withoutInvoice(since)),
    failed: mine(repos.today.failedActions()),
    now,
    settings: repos.settings.get(),
  });
}
