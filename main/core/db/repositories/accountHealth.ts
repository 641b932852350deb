// What the account-health watch reads (issue 18): per account, the orders of a period with the few raw fields the
// figures need (maximum_date_for_shipment, finalization_date, attachments, reason_cancellation), read from the raw
// order as eMAG sent it; and the crossing state of each figure, so a crossing is notified once.
import type { Db } from '../open';

export interface HealthOrderRow {
  id: number;
  status: number;
  created_at: string;
  deadline: string | null;
  finalized: string | null;
  modified_at: string;
  has_invoice: number;
  /** As stored: a code, a code as text, or the JSON text of `{id, name}`. */
  cancel_reason: string | number | null;
}

export function accountHealthRepository(db: Db) {
  const orders = db.prepare<[number, string], HealthOrderRow>(
    `SELECT o.id, o.status, o.created_at, o.modified_at,
        json_extract(r.raw, '$.maximum_date_for_shipment') AS deadline,
        json_extract(r.raw, '$.finalization_date') AS finalized,
        json_extract(r.raw, '$.reason_cancellation') AS cancel_reason,
        EXISTS (SELECT 1 FROM json_each(r.raw, '$.attachments') j
                WHERE json_type(j.value) = 'object' AND CAST(json_extract(j.value, '$.type') AS INTEGER) = 1
               ) AS has_invoice
     FROM orders o JOIN order_raw r ON r.order_key = o.key
     WHERE o.account_id = ? AND (o.created_at >= ? OR o.status IN (1, 2, 3))`,
  );
  return {
    /** Orders placed since `since` (platform-local), plus every open one whatever its age. */
    orders: (accountId: number, since: string): HealthOrderRow[] => orders.all(accountId, since),
  };
}

export type AccountHealthRepository = ReturnType<typeof accountHealthRepository>;
