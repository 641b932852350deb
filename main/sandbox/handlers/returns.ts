// Return request routes: rma/read and rma/count with the spec's filters, and rma/save for status changes.
import { z } from 'zod';
import type { AccountState } from '../accountState';
import { ApiRefusal } from '../envelope';
import { asEntityList, asFilterObject, countResult, intLike, intOrList, parseWith, readPage } from '../payload';
import type { EmagRmaRecord } from '../records';
import type { HandlerContext, RouteSpec } from './context';

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, 'expected YYYY-mm-dd[ HH:ii:ss]');

/** The documented filters of rma/read and count; any other key is refused (eMAG would ignore a typo). */
const rmaFilterSchema = z.strictObject({
  currentPage: z.unknown().optional(),
  itemsPerPage: z.unknown().optional(),
  id: intLike.optional(),
  emag_id: intLike.optional(),
  order_id: intLike.optional(),
  product_id: intLike.optional(),
  product_emag_id: intLike.optional(),
  request_status: intOrList.optional(),
  type: intLike.optional(),
  date_start: dateText.optional(),
  date_end: dateText.optional(),
});

function matchingReturns(account: AccountState, filters: Record<string, unknown>, nowMs: number): EmagRmaRecord[] {
  const f = parseWith(rmaFilterSchema, filters);
  const toMs = (text: string, endOfDay: boolean): number => {
    const ms = account.time.parse(text.length === 10 ? `${text} ${endOfDay ? '23:59:59' : '00:00:00'}` : text);
    if (ms === null) throw new ApiRefusal(`'${text}' is not a real date (YYYY-mm-dd[ HH:ii:ss])`);
    return ms;
  };
  const start = f.date_start === undefined ? undefined : toMs(f.date_start, false);
  const end = f.date_end === undefined ? undefined : toMs(f.date_end, true);
  if (start !== undefined && end !== undefined && end < start) throw new ApiRefusal('date_end is before date_start');
  return account.rmas(nowMs).filter((r) => {
    const at = account.time.parse(r.date) ?? 0;
    return (
      (f.id === undefined || r.id === f.id) &&
      (f.emag_id === undefined || r.emag_id === f.emag_id) &&
      (f.order_id === undefined || r.order_id === f.order_id) &&
      (f.product_id === undefined || r.products.some((p) => p.product_id === f.product_id)) &&
      (f.product_emag_id === undefined || r.products.some((p) => p.product_emag_id === f.product_emag_id)) &&
      (f.request_status === undefined || f.request_status.has(r.request_status)) &&
      (f.type === undefined || r.type === f.type) &&
      (start === undefined || at >= start) &&
      (end === undefined || at <= end)
    );
  });
}

function readReturns({ account, payload, nowMs }: HandlerContext): unknown[] {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  const first = (page.currentPage - 1) * page.itemsPerPage;
  return matchingReturns(account, filters, nowMs)
    .slice(first, first + page.itemsPerPage)
    .map((rma) => account.answer.rma(rma));
}

function countReturns({ account, payload, nowMs }: HandlerContext): ReturnType<typeof countResult> {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  return countResult(matchingReturns(account, filters, nowMs).length, page.itemsPerPage);
}

/**
 * The spec's "Status change permissions" matrix (row: the current status; keeping a status is allowed). Status 1
 * (incomplete) is left out "by design": no seller moves a return into or out of it.
 */
export const RMA_STATUS_CHANGES: Readonly<Record<number, readonly number[]>> = {
  2: [2, 3, 5],
  3: [3, 5, 6],
  4: [4],
  5: [5],
  6: [4, 6, 7],
  7: [7],
};

/**
 * What rma/save needs of each return: the spec marks these keys required on "read and save/update"; a product line
 * is named by its `id` ("Any update on return product lines must use this id"). Stricter than a typo-tolerant eMAG:
 * a save that leaves out what it read is refused, so MagFlow must send the request back whole.
 */
const rmaSaveSchema = z.looseObject({
  emag_id: intLike,
  order_id: intLike,
  type: intLike,
  customer_name: z.string(),
  customer_phone: z.string(),
  products: z.array(z.looseObject({ id: intLike, quantity: intLike })).min(1),
  pickup_country: z.string(),
  pickup_city: z.string(),
  pickup_address: z.string(),
  pickup_locality_id: intLike,
  pickup_method: intLike,
  return_type: intLike,
  return_reason: intLike,
  date: z.string(),
  request_status: intLike,
});

function saveReturns({ account, payload, nowMs }: HandlerContext): unknown[] {
  const entities = asEntityList(payload);
  // Checked whole before anything changes: one bad return refuses the request.
  const changes = entities.map((entity, i) => {
    const body = parseWith(rmaSaveSchema, entity);
    const rma = account.rma(nowMs, body.emag_id);
    if (!rma) throw new ApiRefusal(`Return ${i}: emag_id ${body.emag_id} is not one of your return requests`);
    if (body.order_id !== rma.order_id) throw new ApiRefusal(`Return ${rma.emag_id}: order_id does not match`);
    const known = new Set(rma.products.map((p) => p.id));
    for (const product of body.products) {
      if (!known.has(product.id)) throw new ApiRefusal(`Return ${rma.emag_id}: product line ${product.id} is unknown`);
    }
    const allowed = RMA_STATUS_CHANGES[rma.request_status] ?? [];
    if (!allowed.includes(body.request_status)) {
      throw new ApiRefusal(
        `Return ${rma.emag_id}: the status cannot change from ${rma.request_status} to ${body.request_status}`,
      );
    }
    return { rma, status: body.request_status };
  });
  for (const { rma, status } of changes) rma.request_status = status;
  return [];
}

export const RETURN_ROUTES: Record<string, RouteSpec> = {
  'rma/read': { method: 'POST', handle: readReturns },
  'rma/count': { method: 'POST', handle: countReturns },
  'rma/save': { method: 'POST', handle: saveReturns },
};
