// Reads a page of eMAG records one by one: the envelope and the results list are checked as a whole, each item on
// its own, so one record in a form MagFlow cannot read is set aside (with eMAG's JSON and the reason) while the rest
// of the page is used. Each parsed item keeps eMAG's JSON exactly as sent (`rawOf`), which is what MagFlow stores.
import { z } from 'zod';
import { looseList } from './schemas/common';

/** A record of a page that could not be read, kept whole so it can be shown, stored and retried. */
export interface SetAsideItem {
  /** eMAG's id of the record as text ('' when it has none MagFlow can read). */
  emagId: string;
  /** The record exactly as eMAG sent it. */
  raw: unknown;
  /** Why it could not be read (the fields and what was wrong with them). */
  reason: string;
}

/** One page: the records read, the ones set aside, and how many eMAG sent (for "was this page full?"). */
export interface TolerantPage<T> {
  items: T[];
  setAside: SetAsideItem[];
  /** items + setAside: the page's length as eMAG sent it. */
  size: number;
}

const raws = new WeakMap<object, unknown>();

/** eMAG's JSON of a record the client parsed (the record itself when it was not read through a page). */
export function rawOf(item: object): unknown {
  return raws.has(item) ? raws.get(item) : item;
}

/** Short text for zod issues: `customer.name: expected string, received object; ...`. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const first = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit} more)` : '';
  return `${first.join('; ')}${more}`;
}

/** The item's id as text, when it has one MagFlow can read. */
function idText(item: unknown, idKey: string): string {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return '';
  const id = (item as Record<string, unknown>)[idKey];
  return typeof id === 'number' || (typeof id === 'string' && id.trim() !== '') ? String(id).trim() : '';
}

/**
 * The schema of a whole read answer: `results` must be there (an answer without it is malformed, not an empty page:
 * taken as empty it would let a sync move its watermark past records it never saw) and must be a list (PHP's `{}`
 * and a lone object count as lists); its items are checked one by one afterwards.
 */
export const resultsListSchema = z
  .any()
  .refine((value) => value !== undefined, { message: 'the answer has no results' })
  .pipe(looseList(z.unknown()));

/** Parses each item with `schema`; the ones that fail are set aside with eMAG's JSON and the reason. */
export function parseEach<T extends object>(
  schema: z.ZodType<T>,
  list: readonly unknown[],
  idKey: string,
  what: string,
): TolerantPage<T> {
  const items: T[] = [];
  const setAside: SetAsideItem[] = [];
  for (const raw of list) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      raws.set(parsed.data, raw);
      items.push(parsed.data);
    } else {
      const emagId = idText(raw, idKey);
      setAside.push({
        emagId,
        raw,
        reason: `eMAG sent ${what} ${emagId || 'without an id'} in a form MagFlow cannot read: ${describeIssues(parsed.error)}`,
      });
    }
  }
  return { items, setAside, size: list.length };
}
