// Low stock per offer: the seller's own thresholds (NULL: the global one) and which offers are under theirs with the
// notification given, so a crossing notifies once and a restock arms it again.
import type { Db } from '../open';

export interface LowStockCrossing {
  accountId: number;
  offerId: number;
  name: string;
  stock: number;
  threshold: number;
}

export function offerLowStockRepository(db: Db) {
  const thresholdOf = db.prepare<[number, number], { threshold: number | null }>(
    'SELECT threshold FROM offer_low_stock WHERE account_id = ? AND offer_id = ?',
  );
  const setThreshold = db.prepare(
    `INSERT INTO offer_low_stock (account_id, offer_id, threshold) VALUES (?, ?, ?)
     ON CONFLICT (account_id, offer_id) DO UPDATE SET threshold = excluded.threshold, alerted = 0`,
  );
  const setAlerted = db.prepare(
    `INSERT INTO offer_low_stock (account_id, offer_id, alerted) VALUES (?, ?, ?)
     ON CONFLICT (account_id, offer_id) DO UPDATE SET alerted = excluded.alerted`,
  );
  // Every stored offer of the account with its threshold (own or global) and alert state.
  const states = db.prepare<
    [number, number],
    { offer_id: number; name: string; stock: number | null; threshold: number; alerted: number }
  >(
    `SELECT o.id AS offer_id, o.name, o.stock, coalesce(l.threshold, ?) AS threshold, coalesce(l.alerted, 0) AS alerted
     FROM offers o LEFT JOIN offer_low_stock l ON l.account_id = o.account_id AND l.offer_id = o.id
     WHERE o.account_id = ?`,
  );

  const checkAll = db.transaction((accountId: number, globalThreshold: number): LowStockCrossing[] => {
    const crossings: LowStockCrossing[] = [];
    for (const row of states.all(globalThreshold, accountId)) {
      const under = row.stock !== null && row.threshold > 0 && row.stock < row.threshold;
      if (under && row.alerted === 0) {
        setAlerted.run(accountId, row.offer_id, 1);
        crossings.push({
          accountId,
          offerId: row.offer_id,
          name: row.name,
          stock: row.stock!,
          threshold: row.threshold,
        });
      } else if (!under && row.alerted === 1) {
        setAlerted.run(accountId, row.offer_id, 0);
      }
    }
    return crossings;
  });

  return {
    /** The offer's own threshold, or null when it follows the global one. */
    threshold: (accountId: number, offerId: number): number | null =>
      thresholdOf.get(accountId, offerId)?.threshold ?? null,

    /** Sets (or, with null, clears) the offer's own threshold; the next check decides afresh. */
    setThreshold(accountId: number, offerId: number, threshold: number | null): void {
      setThreshold.run(accountId, offerId, threshold);
    },

    /**
     * Compares every offer of the account with its threshold: returns the offers that went under it since the last
     * check (each once per crossing) and re-arms those back at or above it. A threshold of 0 never alerts.
     */
    check: (accountId: number, globalThreshold: number): LowStockCrossing[] =>
      checkAll.immediate(accountId, globalThreshold),

    /** Offers (of the given ids) that are under their threshold now, for the list's marker. */
    underThreshold(accountId: number, offerIds: readonly number[], globalThreshold: number): Set<number> {
      if (offerIds.length === 0) return new Set();
      const rows = db
        .prepare<unknown[], { id: number }>(
          `SELECT o.id FROM offers o LEFT JOIN offer_low_stock l ON l.account_id = o.account_id AND l.offer_id = o.id
           WHERE o.account_id = ? AND o.id IN (${offerIds.map(() => '?').join(', ')})
             AND o.stock IS NOT NULL AND coalesce(l.threshold, ?) > 0 AND o.stock < coalesce(l.threshold, ?)`,
        )
        .all(accountId, ...offerIds, globalThreshold, globalThreshold);
      return new Set(rows.map((row) => row.id));
    },
  };
}

export type OfferLowStockRepository = ReturnType<typeof offerLowStockRepository>;
