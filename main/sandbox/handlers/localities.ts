// locality/read and locality/count: eMAG's localities by id, name, county (region2), country and modification date.
// The sandbox knows the Romanian localities its orders use; other countries have none (an empty page, like a
// country eMAG has no localities for).
import { z } from 'zod';
import { LOCALITIES, type Locality } from '../catalogue';
import { asFilterObject, countResult, intLike, parseWith, readPage } from '../payload';
import type { HandlerContext, RouteSpec } from './context';

export interface EmagLocalityRecord {
  emag_id: number;
  name: string;
  name_latin: string;
  region1: string;
  region1_latin: string;
  region2: string;
  region2_latin: string;
  geoid: number;
  modified: string;
  zipcode: string;
  country_code: string;
  iso2: string;
}

/** Letters without diacritics, lower case: how a seller types "iasi" for Iași. */
export const latinOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ș|ş/gi, 's')
    .replace(/ț|ţ/gi, 't');

const fold = (text: string): string => latinOf(text).toLowerCase().trim();

/**
 * Localities no generated order uses (the generator picks from LOCALITIES, so adding there would change every
 * seeded order): villages and sectors a seller's pickup address or a search may name.
 */
const MORE_LOCALITIES: readonly Locality[] = [
  { id: 8812, city: 'București, Sector 2', county: 'București', postalPrefix: '02' },
  { id: 8814, city: 'București, Sector 4', county: 'București', postalPrefix: '04' },
  { id: 8815, city: 'București, Sector 5', county: 'București', postalPrefix: '05' },
  { id: 5571, city: 'Buftea', county: 'Ilfov', postalPrefix: '07' },
  { id: 5580, city: 'Bragadiru', county: 'Ilfov', postalPrefix: '07' },
  { id: 4531, city: 'Florești', county: 'Cluj', postalPrefix: '40' },
  { id: 7745, city: 'Florești', county: 'Prahova', postalPrefix: '10' },
  { id: 6344, city: 'Miroslava', county: 'Iași', postalPrefix: '70' },
  { id: 9152, city: 'Dumbrăvița', county: 'Timiș', postalPrefix: '30' },
  { id: 2715, city: 'Ghimbav', county: 'Brașov', postalPrefix: '50' },
  { id: 1301, city: 'Bucium', county: 'Alba', postalPrefix: '51' },
];

export const LOCALITY_RECORDS: readonly EmagLocalityRecord[] = [...LOCALITIES, ...MORE_LOCALITIES].map((l) => ({
  emag_id: l.id,
  name: l.city,
  name_latin: latinOf(l.city),
  region1: 'România',
  region1_latin: 'Romania',
  region2: l.county,
  region2_latin: latinOf(l.county),
  geoid: 100_000 + l.id,
  modified: '2025-06-01 10:00:00',
  zipcode: `${l.postalPrefix}0000`,
  country_code: 'RO',
  iso2: `RO-${latinOf(l.county).slice(0, 2).toUpperCase()}`,
}));

/** The ids awb/save accepts: "Must be a valid locality in the eMAG database" (spec, AWB sender/receiver). */
export const knownLocality = (id: number): boolean => LOCALITY_RECORDS.some((l) => l.emag_id === id);

const text60 = z.string().max(60, 'must be at most 60 characters');
const filterSchema = z.object({
  emag_id: intLike.optional(),
  name: text60.optional(),
  region2: text60.optional(),
  country_code: text60.optional(),
  modified: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "modified must use the 'Y-m-d H:i:s' format")
    .optional(),
});

/**
 * The filters as eMAG applies them. A name matches from its start, without regard to case or diacritics, in its own
 * or its latin spelling; without a country filter eMAG answers with the platform's own country (RO here).
 */
function matching(filters: Record<string, unknown>): EmagLocalityRecord[] {
  const f = parseWith(filterSchema, filters);
  const country = (f.country_code ?? 'RO').toUpperCase();
  const name = f.name === undefined ? '' : fold(f.name);
  const county = f.region2 === undefined ? '' : fold(f.region2);
  return LOCALITY_RECORDS.filter(
    (l) =>
      l.country_code === country &&
      (f.emag_id === undefined || l.emag_id === f.emag_id) &&
      (name === '' || fold(l.name).startsWith(name)) &&
      (county === '' || fold(l.region2) === county) &&
      (f.modified === undefined || l.modified > f.modified),
  ).sort((a, b) => a.name.localeCompare(b.name, 'ro'));
}

function readLocalities({ payload }: HandlerContext): EmagLocalityRecord[] {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  const start = (page.currentPage - 1) * page.itemsPerPage;
  return matching(filters).slice(start, start + page.itemsPerPage);
}

function countLocalities({ payload }: HandlerContext) {
  const filters = asFilterObject(payload);
  return countResult(matching(filters).length, readPage(filters).itemsPerPage);
}

export const LOCALITY_ROUTES: Record<string, RouteSpec> = {
  'locality/read': { method: 'POST', handle: readLocalities },
  'locality/count': { method: 'POST', handle: countLocalities },
};
