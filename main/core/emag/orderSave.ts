// What order/save gets: eMAG's order object exactly as it was read, with only the changed fields replaced.
import { looseInt } from './schemas/common';
import type { EmagOrderSaveInput } from './schemas/orders';

/**
 * Live eMAG reads `reason_cancellation` as an object `{id, name}`, while the text types the saved field as the integer
 * code: the one field sent back in another form than read (its code, unchanged).
 */
export function reasonCode(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const id = looseInt.safeParse((value as { id?: unknown }).id);
  return id.success ? id.data : value;
}

/** The order/save entity: every field as read, the changes on top. */
export function saveBodyOf(order: EmagOrderSaveInput, changes: Record<string, unknown> = {}): EmagOrderSaveInput {
  const body: EmagOrderSaveInput = { ...order, ...changes };
  if ('reason_cancellation' in body) body.reason_cancellation = reasonCode(body.reason_cancellation);
  return body;
}
