// The rows behind the "today" queue (issue 17 §1): open seller-fulfilled orders with their shipping deadline,
// finalized orders without an invoice, and actions that failed. The rules that turn them into a queue are in
// main/core/orders/today.ts; this file only reads.
import type { ActionFailure } from '../../../../shared/actionFailures';
import type { Platform } from '../../../../shared/domain';
import type { Db } from '../open';
import { failureOfRow } from './outbox';

export interface TodayOrderRow {
  accountId: number;
  account: string;
  platform: Platform;
  orderId: number;
  status: number;
  customerName: string | null;
  totalMinor: number;
  currency: string;
  created: string;
  /** eMAG's `maximum_date_for_shipment`, platform-local text, or null. */
  shipBy: string | null;
}

export interface TodayFailedRow {
  actionId: number;
  kind: string;
  error: string | null;
  /** Why it failed, language-neutral (null for rows older than it): see failureOfRow. */
  failure: ActionFailure | null;
  accountId: number;
  account: string;
  orderId: number | null;
  status: number | null;
  customerName: string | null;
  totalMinor: number | null;
  currency: string | null;
}

type FailedSqlRow = Omit<TodayFailedRow, 'failure'> & {
  error_cause: string | null;
  error_reason: string | null;
  error_code: string | null;
  error_params: string | null;
};

const ORDER_COLUMNS = `o.account_id AS accountId, a.name AS account, a.platform AS platform, o.id AS orderId,
  o.status AS status, o.customer_name AS customerName, o.total_minor AS totalMinor, o.currency AS currency,
  o.created_at AS created, o.ship_by AS shipBy`;

export function todayRepository(db: Db) {
  // Type 3 only: eMAG ships its own (FBE, type 2) orders, so they have no deadline for the seller.
  const openOrders = db.prepare<[], TodayOrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders o JOIN accounts a ON a.id = o.account_id
     WHERE o.status IN (1, 2, 3) AND o.type = 3 AND a.enabled = 1
     ORDER BY o.created_at, o.id`,
  );
  // FBE orders too: an invoice is the one thing the seller attaches to them. An invoice action pending or sent counts
  // as attached (eMAG's copy of the order catches up when the drain re-reads it).
  const withoutInvoice = db.prepare<[string], TodayOrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders o JOIN accounts a ON a.id = o.account_id
     WHERE o.status = 4 AND o.has_invoice = 0 AND a.enabled = 1 AND o.modified_at >= ?
       AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.account_id = o.account_id AND x.order_id = o.id
                         AND x.kind = 'invoice' AND x.state IN ('pending', 'sent'))
     ORDER BY o.modified_at, o.id`,
  );
  // A failed action stays listed until the seller retries it or a later action of the same kind for the same order
  // is pending or went through.
  const failedActions = db.prepare<[], FailedSqlRow>(
    `SELECT x.id AS actionId, x.kind AS kind, x.last_error AS error, x.error_cause, x.error_reason, x.error_code,
       x.error_params, x.account_id AS accountId, a.name AS account,
       x.order_id AS orderId, o.status AS status, o.customer_name AS customerName, o.total_minor AS totalMinor,
       o.currency AS currency
     FROM outbox x JOIN accounts a ON a.id = x.account_id
       LEFT JOIN orders o ON o.account_id = x.account_id AND o.id = x.order_id
     WHERE x.state = 'failed' AND a.enabled = 1
       AND NOT EXISTS (SELECT 1 FROM outbox y WHERE y.account_id = x.account_id AND y.order_id IS x.order_id
                         AND y.kind = x.kind AND y.id > x.id AND y.state IN ('pending', 'sent'))
     ORDER BY x.updated_at DESC, x.id DESC`,
  );

  const newOrders = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM orders WHERE account_id = ? AND status = 1 AND type = ?',
  );

  const storedOrders = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM orders WHERE account_id = ?');

  return {
    /** How many orders of the account are stored at all: grows with every import (the quick check's memo). */
    storedOrdersCount: (accountId: number): number => storedOrders.get(accountId)?.n ?? 0,
    /** How many of the account's orders of this type are stored as new (status 1): the quick check compares. */
    newOrdersCount: (accountId: number, type: number): number => newOrders.get(accountId, type)?.n ?? 0,
    /** Statuses 1–3 of seller-fulfilled orders, oldest first. */
    openOrders: (): TodayOrderRow[] => openOrders.all(),
    /** Finalized orders modified since `sinceEmag` (eMAG's local 'YYYY-MM-DD HH:MM:SS') that have no invoice. */
    withoutInvoice: (sinceEmag: string): TodayOrderRow[] => withoutInvoice.all(sinceEmag),
    failedActions: (): TodayFailedRow[] =>
      failedActions.all().map(({ error_cause, error_reason, error_code, error_params, ...row }) => ({
        ...row,
        failure: failureOfRow({ error_cause, error_reason, error_code, error_params }),
      })),
  };
}
