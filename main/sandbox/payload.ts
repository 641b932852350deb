// Reads the request payload in the one form MagFlow decided eMAG takes (docs/emag-client.md, "Write decisions"): a
// JSON body (Content-Type: application/json) that is the filter object of a read or the entity list of a save. The
// spec's `data` key (as an object, as a JSON string, or form-encoded) is refused: public clients that talk to live
// eMAG send the plain body, and one reports that read filters wrapped in `data` are silently ignored.
import { z } from 'zod';
import { ApiRefusal } from './envelope';

/** eMAG refuses requests with more than 4000 elements ("Maximum input vars of 4000 exceeded"). */
export const MAX_INPUT_VARS = 4000;

function countLeaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countLeaves(v), 0);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0);
  }
  return 1;
}

const isJsonType = (contentType: string | undefined): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\b/i.test((contentType ?? '').trim());

/** Parses the raw body into the payload; throws ApiRefusal for bodies eMAG would reject or silently misread. */
export function readPayload(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody.trim() === '') return {};
  if (!isJsonType(contentType)) {
    throw new ApiRefusal(
      `The request body must be JSON sent as Content-Type: application/json (got ${contentType ?? 'no Content-Type'}); ` +
        'form-encoded data=... is not accepted',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody) as unknown;
  } catch {
    throw new ApiRefusal('Invalid JSON in request body');
  }
  if (payload === null || typeof payload !== 'object') {
    throw new ApiRefusal('The request payload must be a JSON object or a list of objects');
  }
  if (!Array.isArray(payload) && Object.prototype.hasOwnProperty.call(payload, 'data')) {
    throw new ApiRefusal(
      'Send the filters or entities as the JSON body itself, not wrapped in a `data` key (wrapped filters are not read)',
    );
  }
  if (countLeaves(payload) > MAX_INPUT_VARS) throw new ApiRefusal('Maximum input vars of 4000 exceeded');
  return payload;
}

/** The payload as one filter object (read/count routes). */
export function asFilterObject(payload: unknown): Record<string, unknown> {
  if (Array.isArray(payload)) {
    if (payload.length === 0) return {};
    throw new ApiRefusal('Filters must be a JSON object, not a list');
  }
  return payload as Record<string, unknown>;
}

/** The payload as a list of entities (save routes accept one object or a list; at most 50). */
export function asEntityList(payload: unknown, maxEntities = 50): Record<string, unknown>[] {
  const list = Array.isArray(payload) ? payload : [payload];
  if (list.length === 0) throw new ApiRefusal('Nothing to save: the list is empty');
  if (list.length > maxEntities)
    throw new ApiRefusal(`At most ${maxEntities} entities per request (got ${list.length})`);
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ApiRefusal(`Entity ${i} must be a JSON object`);
    }
  });
  return list as Record<string, unknown>[];
}

/** An integer sent as a number or a numeric string (PHP clients send strings). */
export const intLike = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** A decimal sent as a number or a numeric string ('12.50'), as PHP clients do. */
export const decimalLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const intOrList = z.union([intLike, z.array(intLike)]).transform((v) => new Set(Array.isArray(v) ? v : [v]));

/** Turns zod issues into eMAG-style messages: `field: reason` (zod's reason already says "Invalid input"). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiRefusal(...describeIssues(result.error));
  return result.data;
}

export interface Page {
  currentPage: number;
  itemsPerPage: number;
}

const pageSchema = z.object({
  currentPage: intLike.pipe(z.number().min(1).max(65535)).optional(),
  itemsPerPage: intLike.pipe(z.number().min(1).max(100, 'itemsPerPage must be at most 100')).optional(),
});

/** currentPage (default 1, max 65535) and itemsPerPage (default 100, max 100). */
export function readPage(filters: Record<string, unknown>): Page {
  const page = parseWith(pageSchema, filters);
  return { currentPage: page.currentPage ?? 1, itemsPerPage: page.itemsPerPage ?? 100 };
}

/** eMAG count answer: totals with noOfItems as a string, as the live API sends it. */
export function countResult(
  total: number,
  itemsPerPage: number,
): { noOfItems: string; noOfPages: number; itemsPerPage: number } {
  return { noOfItems: String(total), noOfPages: Math.ceil(total / itemsPerPage), itemsPerPage };
}
