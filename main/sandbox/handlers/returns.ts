// Return request routes: rma/read and rma/count with the spec's filters.
import { z } from 'zod';
import type { AccountState } from '../accountState';
import { ApiRefusal } from '../envelope';
import { asFilterObject, countResult, intLike, intOrList, parseWith, readPage } from '../payload';
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

export const RETURN_ROUTES: Record<string, RouteSpec> = {
  'rma/read': { method: 'POST', handle: readReturns },
  'rma/count': { method: 'POST', handle: countReturns },
};
