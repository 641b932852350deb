// Checks call arguments before anything is sent, so misuse is a clear `config` error instead of a wasted request.
import { configError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE_NUMBER = 65_535;
/** eMAG's bulk-save limit per request. */
export const MAX_ENTITIES_PER_SAVE = 50;

export function requireId(value: number, what: string, route: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 4_294_967_295) {
    throw configError(`${what} must be a positive integer (got ${String(value)})`, route);
  }
  return value;
}

export function checkPaging(filters: { itemsPerPage?: unknown; currentPage?: unknown }, route: string): void {
  const { itemsPerPage, currentPage } = filters;
  if (
    itemsPerPage !== undefined &&
    !(Number.isInteger(itemsPerPage) && (itemsPerPage as number) >= 1 && (itemsPerPage as number) <= MAX_PAGE_SIZE)
  ) {
    throw configError(`itemsPerPage must be an integer from 1 to ${MAX_PAGE_SIZE}`, route);
  }
  if (
    currentPage !== undefined &&
    !(Number.isInteger(currentPage) && (currentPage as number) >= 1 && (currentPage as number) <= MAX_PAGE_NUMBER)
  ) {
    throw configError(`currentPage must be an integer from 1 to ${MAX_PAGE_NUMBER}`, route);
  }
}

export function checkBatch<T>(entities: T | readonly T[], what: string, route: string): T[] {
  const list = Array.isArray(entities) ? [...(entities as readonly T[])] : [entities as T];
  if (list.length === 0) throw configError(`Nothing to save: the ${what} list is empty`, route);
  if (list.length > MAX_ENTITIES_PER_SAVE) {
    throw configError(
      `eMAG accepts at most ${MAX_ENTITIES_PER_SAVE} ${what} per request (got ${list.length}); send them in batches`,
      route,
    );
  }
  return list;
}

const EMAG_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** eMAG dates ('YYYY-mm-dd HH:ii:ss', platform-local) as comparable numbers; both ends share a zone, so UTC math works. */
function emagDateValue(text: string, field: string, route: string): { ms: number; parts: number[] } {
  const match = EMAG_DATE.exec(text);
  if (!match) throw configError(`${field} must look like 'YYYY-mm-dd HH:ii:ss' (got '${text}')`, route);
  const parts = match.slice(1).map((part) => Number(part ?? 0));
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
  return { ms: Date.UTC(y, mo - 1, d, h, mi, s), parts: [y, mo, d, h, mi, s] };
}

/** A `...Before` filter needs its `...After`, must not precede it, and may be at most one calendar month later. */
export function checkDateWindow(
  after: string | undefined,
  before: string | undefined,
  name: string,
  route: string,
): void {
  if (after !== undefined) emagDateValue(after, `${name}After`, route);
  if (before === undefined) return;
  if (after === undefined) throw configError(`${name}Before can only be used together with ${name}After`, route);
  const from = emagDateValue(after, `${name}After`, route);
  const to = emagDateValue(before, `${name}Before`, route);
  if (to.ms < from.ms) throw configError(`${name}Before is earlier than ${name}After`, route);
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = from.parts;
  const daysInTargetMonth = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const oneMonthLater = Date.UTC(y, mo, Math.min(d, daysInTargetMonth), h, mi, s);
  if (to.ms > oneMonthLater) {
    throw configError(`${name}After and ${name}Before may be at most one month apart (eMAG's rule)`, route);
  }
}
