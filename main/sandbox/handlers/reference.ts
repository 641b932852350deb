// Reference data routes: category/read|count (with characteristics for one id), vat/read, handling_time/read.
import { z } from 'zod';
import { HANDLING_TIMES, OTHER_CATEGORIES, PRODUCT_FAMILIES, VAT_RATES } from '../catalogue';
import { ApiRefusal } from '../envelope';
import { asFilterObject, countResult, intLike, parseWith, readPage } from '../payload';
import type { EmagCategoryRecord } from '../records';
import type { HandlerContext, RouteSpec } from './context';

const PARENT_OF: Readonly<Record<number, number>> = {
  506: 12,
  1147: 12,
  2090: 12,
  1323: 12,
  2740: 14,
  2245: 14,
  3260: 21,
  3271: 21,
  4170: 18,
  4211: 18,
  5020: 14,
  6110: 25,
  7015: 29,
};

/** The categories the sandbox's products live in (allowed) plus a few the seller may not list in. */
const CATEGORIES: EmagCategoryRecord[] = [
  ...PRODUCT_FAMILIES.map((f) => ({
    id: f.categoryId,
    name: f.categoryName,
    is_allowed: 1 as const,
    parent_id: PARENT_OF[f.categoryId] ?? null,
    is_ean_mandatory: 1 as const,
    is_warranty_mandatory: f.warrantyMonths > 0 ? (1 as const) : (0 as const),
  })),
  ...OTHER_CATEGORIES.map((c) => ({
    id: c.id,
    name: c.name,
    is_allowed: 0 as const,
    parent_id: c.parent_id,
    is_ean_mandatory: 0 as const,
    is_warranty_mandatory: 0 as const,
  })),
].sort((a, b) => a.id - b.id);

const categoryFilterSchema = z.object({ id: intLike.optional() });

function categoryDetails(category: EmagCategoryRecord): Record<string, unknown> {
  return {
    ...category,
    characteristics: [
      {
        id: 5401,
        name: 'Culoare',
        type_id: 11,
        display_order: 1,
        is_mandatory: 1,
        is_filter: 1,
        allow_new_value: 0,
        values: ['Negru', 'Alb', 'Gri', 'Albastru', 'Roșu'],
        tags: [],
      },
      {
        id: 6506,
        name: 'Mărime',
        type_id: 60,
        display_order: 2,
        is_mandatory: 0,
        is_filter: 1,
        allow_new_value: 1,
        values: ['S', 'M', 'L', 'XL'],
        tags: ['original', 'converted'],
      },
      {
        id: 7760,
        name: 'Garanție',
        type_id: 2,
        display_order: 3,
        is_mandatory: 0,
        is_filter: 0,
        allow_new_value: 1,
        values: ['12 luni', '24 luni'],
        tags: [],
      },
    ],
    family_types: [
      {
        id: 95,
        name: 'Culoare',
        characteristics: [
          { characteristic_id: 5401, characteristic_family_type_id: 1, is_foldable: 1, display_order: 1 },
        ],
      },
    ],
  };
}

function readCategories({ payload }: HandlerContext): unknown[] {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  const { id } = parseWith(categoryFilterSchema, filters);
  if (id !== undefined) {
    const category = CATEGORIES.find((c) => c.id === id);
    if (!category) throw new ApiRefusal(`Category ${id} was not found`);
    return [categoryDetails(category)];
  }
  const start = (page.currentPage - 1) * page.itemsPerPage;
  return CATEGORIES.slice(start, start + page.itemsPerPage);
}

function countCategories({ payload }: HandlerContext): ReturnType<typeof countResult> {
  const page = readPage(asFilterObject(payload));
  return countResult(CATEGORIES.length, page.itemsPerPage);
}

export const REFERENCE_ROUTES: Record<string, RouteSpec> = {
  'category/read': { method: 'POST', handle: readCategories },
  'category/count': { method: 'POST', handle: countCategories },
  'vat/read': { method: 'POST', handle: () => VAT_RATES.map((v) => ({ ...v })) },
  'handling_time/read': { method: 'POST', handle: () => HANDLING_TIMES.map((value) => ({ id: value, value })) },
};
