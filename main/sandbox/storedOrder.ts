// The compact form of an order the sandbox keeps for filtering; the full eMAG record is built only when needed.
import type { EmagOrderRecord } from './records';

export interface StoredOrder {
  id: number;
  type: number;
  status: number;
  paymentModeId: number;
  isComplete: 0 | 1;
  createdMs: number;
  modifiedMs: number;
  /** When the order reached status 4 (for the 48 h and return-window rules). */
  finalizedMs: number | null;
  /** When the order was cancelled (for the 48 h reactivation rule). */
  cancelledMs: number | null;
  /** Position in the account's generation sequence: seeds the record's details. */
  genIndex: number;
  /** The full record once materialised; after that it is the source of truth for every field but the above. */
  record: EmagOrderRecord | null;
}
