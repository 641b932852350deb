// Reference data that rarely changes: categories, VAT rates, handling times.
import { z } from 'zod';
import { decimal, looseFlag, looseInt, looseList, looseText, optional } from './common';

export const emagCategorySchema = z.looseObject({
  id: looseInt,
  name: optional(looseText),
  /** Whether the seller may list in it (0/1). */
  is_allowed: optional(looseFlag),
  parent_id: optional(looseInt),
  is_ean_mandatory: optional(looseFlag),
  is_warranty_mandatory: optional(looseFlag),
  characteristics: optional(looseList(z.looseObject({ id: optional(looseInt), name: optional(looseText) }))),
  family_types: optional(looseList(z.looseObject({ id: optional(looseInt), name: optional(looseText) }))),
});

export type EmagCategory = z.output<typeof emagCategorySchema>;

export interface CategoryReadFilters {
  itemsPerPage?: number;
  currentPage?: number;
  /** With an id eMAG returns that category's characteristics and family types. */
  id?: number;
  [key: string]: unknown;
}

export const emagVatRateSchema = z.looseObject({
  vat_id: looseInt,
  /** A fraction, e.g. "0.19". */
  vat_rate: optional(decimal),
  is_default: optional(looseFlag),
});

export type EmagVatRate = z.output<typeof emagVatRateSchema>;

/** handling_time/read: the allowed values (days). eMAG answers `{ id }` objects; a bare number is accepted too. */
export const emagHandlingTimeSchema = z.preprocess(
  (value) => (typeof value === 'number' || typeof value === 'string' ? { id: value } : value),
  z.looseObject({ id: looseInt }),
);

export type EmagHandlingTime = z.output<typeof emagHandlingTimeSchema>;
