// Return requests (eMAG RMA): their statuses, the status changes a seller may send, and the window's views of them.
// Status codes and the change matrix: eMAG Marketplace API v4.4.9, "Return requests" (README §11).
import { z } from 'zod';
import type { OutboxAction } from './domain';

/** request_status codes. */
export const RETURN_STATUS_CODES = [1, 2, 3, 4, 5, 6, 7] as const;
export type ReturnStatus = (typeof RETURN_STATUS_CODES)[number];
export const RETURN_STATUS = {
  incomplete: 1,
  new: 2,
  approved: 3,
  refused: 4,
  canceled: 5,
  received: 6,
  finalized: 7,
} as const;

/** Still moving: the returns job re-reads these every run (a closed return no longer changes). */
export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = [1, 2, 3, 6];

/**
 * The spec's "Status change permissions" matrix, without the keep-the-same-status cells: from 2 new to 3 approved
 * or 5 canceled; from 3 to 5 or 6 received; from 6 to 4 refused or 7 finalized. 1, 4, 5, 7 move nowhere.
 */
export const RETURN_STATUS_CHANGES: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  1: [],
  2: [3, 5],
  3: [5, 6],
  4: [],
  5: [],
  6: [4, 7],
  7: [],
};

export const isReturnStatus = (value: unknown): value is ReturnStatus =>
  typeof value === 'number' && (RETURN_STATUS_CODES as readonly number[]).includes(value);

export const allowedReturnChanges = (status: number): readonly ReturnStatus[] =>
  isReturnStatus(status) ? RETURN_STATUS_CHANGES[status] : [];

export interface ReturnProduct {
  lineId: number | null;
  productId: string | null;
  productEmagId: string | null;
  partNumberKey: string | null;
  name: string | null;
  quantity: number | null;
  returnReason: number | null;
  observations: string | null;
  refundValue: string | null;
}

/**
 * What eMAG says of a return, as MagFlow keeps it: the job's record and the window's views share these fields.
 * `date` is eMAG's, platform-local 'YYYY-MM-DD HH:MM:SS'.
 */
export interface ReturnFields {
  accountId: number;
  emagId: number;
  orderId: number | null;
  type: number | null;
  status: number;
  customerName: string | null;
  returnType: number | null;
  returnReason: number | null;
  pickupMethod: number | null;
  date: string;
}

/** One return in the list. */
export interface ReturnSummary extends ReturnFields {
  account: string;
  products: number;
  firstProduct: string | null;
  updatedAt: string;
}

export interface ReturnDetail extends ReturnSummary {
  lines: ReturnProduct[];
  /** Status changes MagFlow saw, oldest first (`at`: UTC ISO of when it was read). */
  history: { status: number; at: string }[];
  /** Status changes the seller may ask for now. */
  allowedStatuses: ReturnStatus[];
  actions: OutboxAction[];
  raw: string;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ReturnsQuerySchema = z
  .object({
    accountIds: z.array(id).max(50).optional(),
    statuses: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    orderId: id.optional(),
    search: z.string().max(200).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ReturnsQuery = z.input<typeof ReturnsQuerySchema>;
export type ReturnsQueryParsed = z.output<typeof ReturnsQuerySchema>;

export const ReturnKeySchema = z.object({ accountId: id, emagId: id }).strict();
export const ReturnStatusChangeSchema = z
  .object({ accountId: id, emagId: id, status: z.number().int().min(1).max(7) })
  .strict();
