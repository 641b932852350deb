// Why an outbox action (acknowledge, status change, AWB, invoice, return status, offer edit) did not go through, in
// a language-neutral form the window translates: eMAG's or the connection's failure as a cause (shared/causes.ts)
// with eMAG's own words, and MagFlow's own refusals as a code with its values. The English `lastError` stays for
// the logs and the CLI.
import type { FailureCause } from './causes';

export const ACTION_ERROR_CODES = [
  /** The action names no order (a damaged row). */
  'action.no_order',
  /** An order eMAG fulfils (FBE, type 2) is never acknowledged by the seller. Params: orderId (when known). */
  'action.fbe_never_acknowledged',
  /** An order eMAG fulfils cannot change status from MagFlow. Params: orderId. */
  'action.fbe_not_editable',
  /** eMAG ships an FBE order itself: no AWB from the seller. Params: orderId. */
  'action.fbe_no_awb',
  /** The status asked for is not one of eMAG's order statuses. Params: status. */
  'action.status_unknown',
  /** eMAG's order/read does not return the order any more. Params: orderId. */
  'action.order_unknown_at_emag',
  /** An AWB request's answer was lost and the order was already finalized: the seller checks in eMAG. Params: orderId. */
  'action.awb_unconfirmed_finalized',
  /** The AWB request has no sender (pickup) address. */
  'action.awb_no_sender',
  /** eMAG's list of allowed courier accounts for the order is empty. Params: orderId. */
  'action.awb_no_courier',
  /** eMAG requires one of some courier accounts for the order. Params: orderId, couriers ("1, 2"), count. */
  'action.awb_courier_required',
  /** The invoice action has no link. */
  'action.invoice_no_url',
  /** The invoice link expires too soon for eMAG to download it. Params: expiresAt (ISO instant). */
  'action.invoice_link_expiring',
  /** The return action names no return. */
  'action.return_no_id',
  /** The return action asks for a status eMAG does not have. Params: status. */
  'action.return_status_unknown',
  /** eMAG sent the return in a shape MagFlow cannot read. Params: returnId, detail (English, technical). */
  'action.return_unreadable',
  /** eMAG's rma/read does not return the return. Params: returnId. */
  'action.return_unknown_at_emag',
  /** eMAG's rules do not allow this status change from the return's current status. Params: returnId, from, to. */
  'action.return_change_not_allowed',
  /** The offer action lacks its offer, field or value (a damaged row). */
  'action.offer_payload_invalid',
  /** The offer has stock in several warehouses; MagFlow sets one total. Params: offerId, count. */
  'action.offer_many_warehouses',
  /** eMAG's warehouse manages the stock of an FBE offer. Params: offerId. */
  'action.offer_fbe_stock',
  /** Not a failure: MagFlow stopped while sending; the next attempt checks eMAG before sending again. */
  'action.in_flight',
  /** The request may have reached eMAG (its answer was lost): the next attempt checks eMAG first. */
  'action.unconfirmed',
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export const isActionErrorCode = (value: unknown): value is ActionErrorCode =>
  typeof value === 'string' && (ACTION_ERROR_CODES as readonly string[]).includes(value);

export type ActionErrorParams = Record<string, string | number>;

/**
 * A stored failure. `cause` and `code` may both be set (a timeout whose request may have reached eMAG: cause
 * `timeout`, code `action.unconfirmed`); at least one is.
 */
export interface ActionFailure {
  /** eMAG's or the connection's failure in the seller's terms; null for MagFlow's own refusal. */
  cause: FailureCause | null;
  /** eMAG's own words, when it gave any. */
  reason: string | null;
  /** MagFlow's own refusal or note, translated by the window with `params`. */
  code: ActionErrorCode | null;
  params: ActionErrorParams;
}
