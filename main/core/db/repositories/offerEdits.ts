// The outbox's offer actions (kind 'offer'), read per offer: the latest edit of each field, the ones eMAG accepted
// but whose value the offers data does not show yet, and their confirmation once it does.
import type { OfferEditField, OfferEditState, OfferEditStatus } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';
import { failureOfRow } from './outbox';

/** What an offer action carries (written by core/offers/offerEdits.ts, sent by the send-actions job). */
export interface OfferEditPayload {
  offerId: number;
  field: OfferEditField;
  /** eMAG's form: a price without VAT ("49.99") or a stock quantity ("12"). */
  value: string;
  /** A VAT rate to set with the price (vat/read's id), when the seller changed it. */
  vatId?: number;
}

interface Row {
  id: number;
  state: string;
  payload: string;
  last_error: string | null;
  error_cause: string | null;
  error_reason: string | null;
  error_code: string | null;
  error_params: string | null;
  result: string | null;
  created_at: string;
  updated_at: string;
}

const stateOf = (row: Row): OfferEditState => {
  if (row.state === 'sent') {
    const result = row.result ? (JSON.parse(row.result) as Record<string, unknown> | null) : null;
    return result?.confirmedAt ? 'confirmed' : 'sent';
  }
  return row.state === 'failed' ? 'failed' : 'pending';
};

export function offerEditsRepository(db: Db, clock: Clock) {
  const forOffer = db.prepare<[number, number], Row>(
    `SELECT id, state, payload, last_error, error_cause, error_reason, error_code, error_params, result, created_at,
       updated_at FROM outbox
     WHERE account_id = ? AND kind = 'offer' AND state != 'cancelled' AND json_extract(payload, '$.offerId') = ?
     ORDER BY id DESC`,
  );
  const pendingOf = db.prepare<[number, number, string], { id: number }>(
    `SELECT id FROM outbox WHERE account_id = ? AND kind = 'offer' AND state = 'pending'
       AND json_extract(payload, '$.offerId') = ? AND json_extract(payload, '$.field') = ?`,
  );
  const unconfirmed = db.prepare<[number], Row & { result: string }>(
    `SELECT id, state, payload, last_error, error_cause, error_reason, error_code, error_params, result, created_at,
       updated_at FROM outbox
     WHERE account_id = ? AND kind = 'offer' AND state = 'sent' AND json_extract(result, '$.confirmedAt') IS NULL
     ORDER BY id`,
  );
  const setResult = db.prepare('UPDATE outbox SET result = ?, updated_at = ? WHERE id = ?');

  return {
    /** The latest edit of each field of an offer (price, stock), newest first. */
    latest(accountId: number, offerId: number): OfferEditStatus[] {
      const seen = new Set<OfferEditField>();
      const edits: OfferEditStatus[] = [];
      for (const row of forOffer.all(accountId, offerId)) {
        const payload = JSON.parse(row.payload) as OfferEditPayload;
        if (seen.has(payload.field)) continue;
        seen.add(payload.field);
        edits.push({
          actionId: row.id,
          field: payload.field,
          value: payload.value,
          state: stateOf(row),
          error: row.state === 'sent' ? null : row.last_error,
          failure: row.state === 'sent' ? null : failureOfRow(row),
          at: row.updated_at,
        });
      }
      return edits;
    },

    /** Ids of the pending (not yet sent) actions of the same field of an offer: a newer value replaces them. */
    pendingIds: (accountId: number, offerId: number, field: OfferEditField): number[] =>
      pendingOf.all(accountId, offerId, field).map((row) => row.id),

    /** Sent edits whose value eMAG's offer data has not shown yet. */
    unconfirmed(accountId: number): { id: number; payload: OfferEditPayload; result: Record<string, unknown> }[] {
      return unconfirmed.all(accountId).map((row) => ({
        id: row.id,
        payload: JSON.parse(row.payload) as OfferEditPayload,
        result: (JSON.parse(row.result) as Record<string, unknown> | null) ?? {},
      }));
    },

    /** Records that eMAG's offer data shows the edit's value. */
    confirm(id: number, result: Record<string, unknown>): void {
      const now = clock.now().toISOString();
      setResult.run(JSON.stringify({ ...result, confirmedAt: now }), now, id);
    },
  };
}

export type OfferEditsRepository = ReturnType<typeof offerEditsRepository>;
