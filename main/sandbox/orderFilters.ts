// Validates order/read and order/count filters like eMAG: single-or-list values, date windows where a `...Before`
// needs its `...After` and the two may be at most one calendar month apart (in the account's platform zone), the
// read-only default type 3; and, stricter than eMAG is known to be, no filter key eMAG does not document, so a
// misspelt filter (which eMAG would quietly ignore, reading everything) fails a test here.
import { z } from 'zod';
import { ApiRefusal } from './envelope';
import type { OrderQuery } from './orderStore';
import { intLike, intOrList, parseWith } from './payload';
import type { EmagTime } from './platformTime';

const EMAG_DATE_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const emagDate = z.string().regex(EMAG_DATE_TEXT, 'expected a date as YYYY-mm-dd HH:ii:ss');

/** Every key order/read and order/count take (the paging keys are checked by readPage). */
const filterSchema = z.strictObject({
  currentPage: z.unknown().optional(),
  itemsPerPage: z.unknown().optional(),
  id: intLike.pipe(z.number().min(1).max(4294967295)).optional(),
  status: intOrList.optional(),
  type: intOrList.optional(),
  payment_mode_id: intOrList.optional(),
  is_complete: intLike.pipe(z.union([z.literal(0), z.literal(1)])).optional(),
  createdAfter: emagDate.optional(),
  createdBefore: emagDate.optional(),
  modifiedAfter: emagDate.optional(),
  modifiedBefore: emagDate.optional(),
});

function dateWindow(
  time: EmagTime,
  name: 'created' | 'modified',
  afterText: string | undefined,
  beforeText: string | undefined,
): { after?: number; before?: number } {
  const read = (text: string | undefined, key: string): number | undefined => {
    if (text === undefined) return undefined;
    const ms = time.parse(text);
    if (ms === null) throw new ApiRefusal(`${key}: expected a date as YYYY-mm-dd HH:ii:ss (got '${text}')`);
    return ms;
  };
  const after = read(afterText, `${name}After`);
  const before = read(beforeText, `${name}Before`);
  if (before !== undefined && after === undefined) {
    throw new ApiRefusal(`${name}Before can only be used together with ${name}After`);
  }
  if (after !== undefined && before !== undefined) {
    if (before < after) throw new ApiRefusal(`${name}Before must not be earlier than ${name}After`);
    if (before > time.addOneMonth(after)) {
      throw new ApiRefusal(`${name}After and ${name}Before must be at most one month apart`);
    }
  }
  return { after, before };
}

/**
 * Builds the order query from request filters, dates read in the account's zone. `defaultType` is 3 on order/read (an
 * FBE account must ask for type 2 explicitly) and undefined on order/count.
 */
export function parseOrderFilters(
  filters: Record<string, unknown>,
  defaultType: number | undefined,
  time: EmagTime,
): OrderQuery {
  const f = parseWith(filterSchema, filters);
  const created = dateWindow(time, 'created', f.createdAfter, f.createdBefore);
  const modified = dateWindow(time, 'modified', f.modifiedAfter, f.modifiedBefore);
  const query: OrderQuery = {};
  if (f.id !== undefined) query.id = f.id;
  if (f.status) query.statuses = f.status;
  if (f.type) query.types = f.type;
  else if (defaultType !== undefined) query.types = new Set([defaultType]);
  if (f.payment_mode_id) query.paymentModes = f.payment_mode_id;
  if (f.is_complete !== undefined) query.isComplete = f.is_complete;
  if (created.after !== undefined) query.createdAfter = created.after;
  if (created.before !== undefined) query.createdBefore = created.before;
  if (modified.after !== undefined) query.modifiedAfter = modified.after;
  if (modified.before !== undefined) query.modifiedBefore = modified.before;
  return query;
}
