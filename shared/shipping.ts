// #17 AWB: what the window, the CLI and main exchange about localities and labels, and the AWB rules both sides use.
import type { LabelFormat } from './settings';

/** An eMAG locality as the search lists it (locality/read: emag_id, name, region2 = county, zipcode). */
export interface LocalityOption {
  id: number;
  name: string;
  county: string;
  zipcode: string;
}

/** A label saved under the data folder (labels/). */
export interface AwbLabelFile {
  path: string;
  format: LabelFormat;
  /** Pages in the file (a merged file has one or more per order). */
  pages: number;
  /** Whether the system's PDF viewer was asked to open it (false in the CLI and the browser bridge). */
  opened: boolean;
}

/** The merged labels of several orders: the one file, and each order's outcome. */
export interface MergedAwbLabels extends AwbLabelFile {
  orders: { accountId: number; orderId: number; ok: boolean; error?: string }[];
}

/**
 * Cash to collect on delivery, in minor units: the order's total as the customer pays it (vouchers already taken
 * off, shipping and recycling deposits included) for cash-on-delivery orders (payment_mode_id 1), else nothing.
 */
export const codMinorFor = (order: { paymentModeId: number | null; totalMinor: number }): number =>
  order.paymentModeId === 1 ? Math.max(0, order.totalMinor) : 0;

/** How a locality reads in a list: "Florești (Cluj)". */
export const localityLabel = (locality: { name: string; county: string }): string =>
  locality.county && locality.county !== locality.name ? `${locality.name} (${locality.county})` : locality.name;
