// Lenient building blocks for eMAG's loose JSON: numbers as strings, null for absent, PHP objects where lists belong.
import { z } from 'zod';

const NUMERIC = /^\s*[-+]?\d+(\.\d+)?\s*$/;

const numberFromText = (value: unknown): unknown =>
  typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;

/** A number that may arrive as a numeric string ("12", "12.5"). */
export const looseNumber = z.preprocess(numberFromText, z.number().finite());

/** An integer that may arrive as a numeric string. */
export const looseInt = z.preprocess(numberFromText, z.number().int());

/** Text that may arrive as a number (phone numbers, office ids). */
export const looseText = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());

/** 0/1 flags that may arrive as booleans or strings. */
export const looseFlag = z.preprocess(
  (value) => (typeof value === 'boolean' ? Number(value) : numberFromText(value)),
  z.number().int(),
);

/** Strips trailing zeros so "12.50", 12.5 and "12.5" all become "12.5". */
function canonicalDecimal(text: string): string {
  const trimmed = text.trim().replace(/^\+/, '');
  if (!trimmed.includes('.')) return trimmed.replace(/^(-?)0+(?=\d)/, '$1');
  return trimmed
    .replace(/0+$/, '')
    .replace(/\.$/, '')
    .replace(/^(-?)0+(?=\d)/, '$1');
}

/**
 * Money and rates as exact decimal strings ("12.1234"): eMAG sends up to 4 decimals, sometimes as numbers,
 * sometimes as text. Strings keep them exact; sum them in integer minor units, never as floats.
 */
export const decimal = z.preprocess(
  (value) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      const text = String(value);
      return canonicalDecimal(/e/i.test(text) ? value.toFixed(10) : text);
    }
    return typeof value === 'string' && NUMERIC.test(value) ? canonicalDecimal(value) : value;
  },
  z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number'),
);

/**
 * A field that may be missing or null. Null is kept (not turned into undefined) so that an order read and sent back
 * through order/save carries exactly the fields eMAG sent.
 */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** eMAG (a PHP backend) leaves some values out as '' instead of null: read a blank text as null. */
const blankAsNull = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? null : value);

/** A value that may be missing, null or '' (all three mean "not given"); '' is read as null. */
export const blankable = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema.nullish());

/**
 * A code eMAG sends either bare (`2`, `"2"`) or as an object carrying it (`{ "id": 2, "name": "..." }`), as live
 * `reason_cancellation` answers do. The mapper turns both into one code.
 */
export const codeOrObject = blankable(
  z.union([looseInt, z.looseObject({ id: blankable(looseInt), name: optional(looseText) })]),
);

/** A list that PHP may have serialised as an object keyed by index, `{}` when empty, or null or '' when there is none. */
export const looseList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === null || value === undefined || value === '') return [];
    if (typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      // {"0": a, "1": b} is a list; any other object is one item sent without its list.
      return keys.every((key) => /^\d+$/.test(key)) ? Object.values(value) : [value];
    }
    return value;
  }, z.array(item));

/** An object that PHP serialises as `[]` when it is empty (an empty associative array). */
export const phpObject = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.preprocess((value) => (Array.isArray(value) && value.length === 0 ? {} : value), z.looseObject(shape));

/** A list, or a single item where eMAG answered with one object instead of a list of one. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(item));

/** `{ value, description }` pairs (validation statuses). */
export const valueDescription = z.looseObject({
  value: optional(looseInt),
  description: optional(looseText),
});

/** `{ warehouse_id, value }` pairs (stock, handling time per warehouse). */
export const warehouseValue = z.looseObject({
  warehouse_id: optional(looseInt),
  value: optional(looseInt),
});

/** Totals from a count route. eMAG's shape is undocumented; in practice `{ noOfItems, noOfPages, itemsPerPage }`. */
export const emagCountSchema = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'string' ? { noOfItems: value } : value),
  z.looseObject({
    noOfItems: looseInt,
    noOfPages: optional(looseInt),
    itemsPerPage: optional(looseInt),
  }),
);
export type EmagCount = z.output<typeof emagCountSchema>;

/** What a save route answers: eMAG's messages (warnings can come with success) and its raw results. */
export interface EmagSaveResult {
  messages: string[];
  results: unknown;
}
