// The account-health watch: figures MagFlow computes from the orders and returns it has stored, per account, to
// warn before eMAG does. eMAG's own figures in the seller center are authoritative; these are early estimates.
// Formulas: docs/health.md.

export const HEALTH_FIGURES = [
  'lateShipmentRate',
  'overdue',
  'atRisk',
  'invoiceRate',
  'sellerCancelRate',
  'returnsRate',
] as const;
export type HealthFigureKey = (typeof HEALTH_FIGURES)[number];

/** Rates are bad when above their threshold, except the invoice rate, which is bad below it. */
export const HEALTH_FIGURE_DIRECTION: Readonly<Record<HealthFigureKey, 'max' | 'min'>> = {
  lateShipmentRate: 'max',
  overdue: 'max',
  atRisk: 'max',
  invoiceRate: 'min',
  sellerCancelRate: 'max',
  returnsRate: 'max',
};

/** Counts are whole orders; rates are percentages. */
export const HEALTH_FIGURE_UNIT: Readonly<Record<HealthFigureKey, 'count' | 'percent'>> = {
  lateShipmentRate: 'percent',
  overdue: 'count',
  atRisk: 'count',
  invoiceRate: 'percent',
  sellerCancelRate: 'percent',
  returnsRate: 'percent',
};

export interface HealthFigure {
  key: HealthFigureKey;
  /** A percentage (2 decimals) or a count; null when there is nothing to measure (no orders in the window). */
  value: number | null;
  numerator: number;
  denominator: number;
  threshold: number;
  /** Past its threshold now. */
  breached: boolean;
}

export interface AccountHealthView {
  accountId: number;
  account: string;
  /** The rolling window the rates cover, in days. */
  windowDays: number;
  /** The platform-local time the figures were computed for ('YYYY-MM-DD HH:MM:SS'). */
  asOf: string;
  figures: HealthFigure[];
  /** The rates at the end of each of the last weeks (oldest first), each over its own rolling window. */
  trend: { ends: string[]; series: Record<HealthFigureKey, (number | null)[]> };
}

/** A percentage with two decimals from whole counts; null for 0 / 0. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 10_000) / denominator) / 100;
}

export function isBreached(key: HealthFigureKey, value: number | null, threshold: number): boolean {
  if (value === null) return false;
  return HEALTH_FIGURE_DIRECTION[key] === 'max' ? value > threshold : value < threshold;
}
