// The account-health figures, computed from stored orders and returns: pure, no I/O. Each formula is written out in
// docs/health.md with the eMAG rule it follows. Times are platform-local wall times ('YYYY-MM-DD HH:MM:SS', as eMAG
// sends them), compared as wall-clock instants: a daylight-saving hour at a window's edge is not corrected.
import {
  HEALTH_FIGURES,
  HEALTH_FIGURE_UNIT,
  isBreached,
  percentOf,
  type HealthFigure,
  type HealthFigureKey,
} from '../../../shared/accountHealth';

const DAY = 86_400_000;

/** An order as the watch reads it (orders + order_raw). */
export interface HealthOrder {
  id: number;
  status: number;
  /** eMAG `date`. */
  createdAt: string;
  /** eMAG `maximum_date_for_shipment`; null when eMAG sent none. */
  deadline: string | null;
  /** When it was handed to the courier: `finalization_date` (eMAG finalizes an order when its first AWB is issued). */
  shippedAt: string | null;
  /** Has an attachment of type 1 (invoice). */
  hasInvoice: boolean;
  /** `reason_cancellation` as a code; null when none. */
  cancelReason: number | null;
}

/**
 * Cancellation reasons that put the cancellation on the seller (spec v4.4.9, order `reason_cancellation` list):
 * 1 out of stock, 26 late shipment, 28 canceled by SuperAdmin on the seller's request, 30 no VAT invoice,
 * 31 the partner requested the cancellation, 33 no longer in the partner's stock, 41 and 42 the same for instalments.
 * Customer, courier and payment reasons (2, 3, 15-25, 27, 29, 32, 34-40, 43) are not the seller's.
 */
export const SELLER_CANCEL_REASONS: ReadonlySet<number> = new Set([1, 26, 28, 30, 31, 33, 41, 42]);

const OPEN = new Set([1, 2, 3]);

/** Platform-local wall time as a number (ms), for comparisons and day arithmetic. */
export const wallMs = (text: string): number => Date.parse(`${text.replace(' ', 'T')}Z`);
export const wallText = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export interface FigureInputs {
  orders: readonly HealthOrder[];
  /** Orders with a return request (canceled and incomplete requests left out). */
  returnedOrderIds: ReadonlySet<number>;
  /** The end of the window (platform-local). */
  end: string;
  windowDays: number;
}

export type FigureCounts = Record<HealthFigureKey, { numerator: number; denominator: number }>;

/** Numerators and denominators of every figure for the window (end - windowDays, end]. */
export function countFigures({ orders, returnedOrderIds, end, windowDays }: FigureInputs): FigureCounts {
  const endMs = wallMs(end);
  const startMs = endMs - windowDays * DAY;
  const inWindow = (text: string | null): boolean => {
    if (text === null) return false;
    const at = wallMs(text);
    return at > startMs && at <= endMs;
  };
  const counts = Object.fromEntries(
    HEALTH_FIGURES.map((key) => [key, { numerator: 0, denominator: 0 }]),
  ) as FigureCounts;
  for (const order of orders) {
    const deadline = order.deadline === null ? null : wallMs(order.deadline);
    const shipped = order.shippedAt === null ? null : wallMs(order.shippedAt);
    const shippedByEnd = shipped !== null && shipped <= endMs;
    // Late shipment: every order whose deadline fell in the window and that was not canceled; late when it was
    // handed over after the deadline, or not at all by the window's end.
    if (order.status !== 0 && deadline !== null && inWindow(order.deadline)) {
      counts.lateShipmentRate.denominator++;
      if (!shippedByEnd || shipped! > deadline) counts.lateShipmentRate.numerator++;
    }
    // Overdue and at risk: open orders only (their state now; counts, no denominator).
    if (OPEN.has(order.status) && deadline !== null) {
      if (deadline < endMs) counts.overdue.numerator++;
      else if (deadline <= endMs + DAY) counts.atRisk.numerator++;
    }
    // Invoices and returns: the orders shipped (finalized or since returned) in the window.
    if ((order.status === 4 || order.status === 5) && inWindow(order.shippedAt)) {
      counts.invoiceRate.denominator++;
      if (order.hasInvoice) counts.invoiceRate.numerator++;
      counts.returnsRate.denominator++;
      if (order.status === 5 || returnedOrderIds.has(order.id)) counts.returnsRate.numerator++;
    }
    // Seller cancellations: among the orders placed in the window.
    if (inWindow(order.createdAt)) {
      counts.sellerCancelRate.denominator++;
      if (order.status === 0 && order.cancelReason !== null && SELLER_CANCEL_REASONS.has(order.cancelReason)) {
        counts.sellerCancelRate.numerator++;
      }
    }
  }
  return counts;
}

/** The figures with their values and thresholds. */
export function figuresOf(counts: FigureCounts, thresholds: Record<HealthFigureKey, number>): HealthFigure[] {
  return HEALTH_FIGURES.map((key) => {
    const { numerator, denominator } = counts[key];
    const value = HEALTH_FIGURE_UNIT[key] === 'count' ? numerator : percentOf(numerator, denominator);
    const threshold = thresholds[key];
    return { key, value, numerator, denominator, threshold, breached: isBreached(key, value, threshold) };
  });
}

/** The value of each figure at the end of each of the last `weeks` weeks (oldest first), each over its own window. */
export function trendOf(
  inputs: Omit<FigureInputs, 'end'> & { now: string },
  weeks: number,
): { ends: string[]; series: Record<HealthFigureKey, (number | null)[]> } {
  const nowMs = wallMs(inputs.now);
  const ends = Array.from({ length: weeks }, (_, i) => wallText(nowMs - (weeks - 1 - i) * 7 * DAY));
  const series = Object.fromEntries(HEALTH_FIGURES.map((key) => [key, [] as (number | null)[]])) as Record<
    HealthFigureKey,
    (number | null)[]
  >;
  for (const end of ends) {
    const counts = countFigures({ ...inputs, end });
    for (const key of HEALTH_FIGURES) {
      const { numerator, denominator } = counts[key];
      series[key].push(HEALTH_FIGURE_UNIT[key] === 'count' ? numerator : percentOf(numerator, denominator));
    }
  }
  return { ends, series };
}
