// Offer routes: product_offer/read|count|save, the light offer/save, and the offer_stock/{id} PATCH.
import { z } from 'zod';
import type { AccountState } from '../accountState';
import { formatEmagDate } from '../bucharestTime';
import { VAT_RATES } from '../catalogue';
import { ApiRefusal } from '../envelope';
import { makePartNumberKey, offerValidation, validationStatus } from '../generateOffers';
import { round4 } from '../money';
import { asEntityList, asFilterObject, countResult, intLike, parseWith, readPage } from '../payload';
import { Rng, mixSeed } from '../random';
import type { EmagOfferRecord, EmagStockEntry } from '../records';
import type { HandlerContext, RouteSpec } from './context';

/** The documented filters of product_offer/read and count; any other key is refused (eMAG would ignore a typo). */
const offerFilterSchema = z.strictObject({
  currentPage: z.unknown().optional(),
  itemsPerPage: z.unknown().optional(),
  id: intLike.optional(),
  status: intLike.optional(),
  part_number: z.union([z.string(), z.number()]).transform(String).optional(),
  part_number_key: z.string().optional(),
  general_stock: intLike.optional(),
  estimated_stock: intLike.optional(),
  offer_validation_status: intLike.optional(),
  validation_status: intLike.optional(),
  translation_validation_status: intLike.optional(),
});

function matchingOffers(account: AccountState, filters: Record<string, unknown>): EmagOfferRecord[] {
  const f = parseWith(offerFilterSchema, filters);
  return account.offers.filter(
    (o) =>
      (f.id === undefined || o.id === f.id) &&
      (f.status === undefined || o.status === f.status) &&
      (f.part_number === undefined || o.part_number === f.part_number) &&
      (f.part_number_key === undefined || o.part_number_key === f.part_number_key) &&
      (f.general_stock === undefined || (o.general_stock >= 0 && o.general_stock <= f.general_stock)) &&
      (f.estimated_stock === undefined || (o.estimated_stock >= 0 && o.estimated_stock <= f.estimated_stock)) &&
      (f.offer_validation_status === undefined || o.offer_validation_status.value === f.offer_validation_status) &&
      (f.validation_status === undefined || o.validation_status[0]?.value === f.validation_status),
  );
}

function readOffers({ account, payload }: HandlerContext): unknown[] {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  const start = (page.currentPage - 1) * page.itemsPerPage;
  return matchingOffers(account, filters)
    .slice(start, start + page.itemsPerPage)
    .map((offer) => account.answer.offer(offer));
}

function countOffers({ account, payload }: HandlerContext): ReturnType<typeof countResult> {
  const filters = asFilterObject(payload);
  const page = readPage(filters);
  return countResult(matchingOffers(account, filters).length, page.itemsPerPage);
}

/** A price as the text sets it: above 0, at most four decimals, a number or a numeric string. */
const decimal = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal number')])
  .refine((value) => /^\d+(\.\d{1,4})?$/.test(String(value)), 'at most 4 decimals')
  .transform(Number)
  .pipe(z.number().gt(0, 'must be greater than 0'));
/** Stock and handling time: the documented list of {warehouse_id, value}; a plain number is refused. */
const perWarehouse = (max: number) =>
  z
    .array(
      z
        .object({ warehouse_id: intLike.pipe(z.number().min(1)), value: intLike.pipe(z.number().min(0).max(max)) })
        .loose(),
      {
        error: 'expected a list of {warehouse_id, value}',
      },
    )
    .min(1)
    .transform((list): EmagStockEntry[] => list.map((e) => ({ warehouse_id: e.warehouse_id, value: e.value })));
/** Only sent when the offer's currency differs from the platform's: EUR or PLN. */
const currencyType = z.enum(['EUR', 'PLN'], { error: 'currency_type must be EUR or PLN' });
const vatId = intLike.refine((v) => VAT_RATES.some((r) => r.vat_id === v), 'unknown vat_id (see vat/read)');

const offerFields = {
  id: intLike.pipe(z.number().min(1).max(16_777_215)),
  status: intLike.pipe(z.union([z.literal(0), z.literal(1), z.literal(2)])),
  sale_price: decimal,
  recommended_price: decimal,
  min_sale_price: decimal,
  max_sale_price: decimal,
  vat_id: vatId,
  handling_time: perWarehouse(255),
  stock: perWarehouse(65_535),
  currency_type: currencyType.optional(),
};

/** product_offer/save on an existing offer: the spec's mandatory update keys. */
const offerUpdateSchema = z
  .object({
    ...offerFields,
    recommended_price: offerFields.recommended_price.optional(),
    min_sale_price: offerFields.min_sale_price.optional(),
    max_sale_price: offerFields.max_sale_price.optional(),
  })
  .loose();

/** product_offer/save creating an offer: the documentation and the full offer. */
const offerCreateSchema = z
  .object({
    ...offerFields,
    recommended_price: offerFields.recommended_price.optional(),
    category_id: intLike.pipe(z.number().min(1).max(65535)),
    name: z.string().min(1).max(255),
    part_number: z.string().min(1).max(25),
    brand: z.string().min(1).max(255),
    part_number_key: z.string().optional(),
    ean: z.array(z.string()).optional(),
    description: z.string().optional(),
    warranty: intLike.optional(),
  })
  .loose();

/** offer/save (light API): only the id is required. */
const lightOfferSchema = z
  .object({
    id: offerFields.id,
    status: offerFields.status.optional(),
    sale_price: decimal.optional(),
    recommended_price: decimal.optional(),
    min_sale_price: decimal.optional(),
    max_sale_price: decimal.optional(),
    vat_id: vatId.optional(),
    handling_time: offerFields.handling_time.optional(),
    stock: offerFields.stock.optional(),
    currency_type: offerFields.currency_type,
  })
  .loose();

type OfferPatch = Partial<z.infer<typeof lightOfferSchema>>;

function checkPriceRange(id: number, price: number | undefined, min: number, max: number): void {
  if (price !== undefined && (price < min || price > max)) {
    throw new ApiRefusal(`Offer ${id}: sale_price ${price} is outside [min_sale_price ${min}, max_sale_price ${max}]`);
  }
}

function applyPatch(offer: EmagOfferRecord, patch: OfferPatch): void {
  if (patch.status !== undefined) offer.status = patch.status;
  if (patch.sale_price !== undefined) offer.sale_price = round4(patch.sale_price);
  if (patch.recommended_price !== undefined) offer.recommended_price = round4(patch.recommended_price);
  if (patch.min_sale_price !== undefined) offer.min_sale_price = round4(patch.min_sale_price);
  if (patch.max_sale_price !== undefined) offer.max_sale_price = round4(patch.max_sale_price);
  if (patch.vat_id !== undefined) offer.vat_id = patch.vat_id;
  if (patch.handling_time !== undefined) offer.handling_time = patch.handling_time;
  if (patch.stock !== undefined) setStock(offer, patch.stock);
}

function setStock(offer: EmagOfferRecord, stock: EmagStockEntry[]): void {
  offer.stock = stock;
  const total = stock.reduce((n, e) => n + e.value, 0);
  offer.general_stock = total;
  offer.estimated_stock = total;
}

/** Validates every entity first so a refused one leaves the whole batch unapplied. */
function saveOffers(account: AccountState, payload: unknown, light: boolean, nowMs: number): unknown[] {
  const entities = asEntityList(payload);
  const actions = entities.map((entity, i) => {
    const rawId = (entity as { id?: unknown }).id;
    const existing =
      typeof rawId === 'number' || typeof rawId === 'string' ? account.offersById.get(Number(rawId)) : undefined;
    if (light || existing) {
      if (!existing) throw new ApiRefusal(`Offer ${String(rawId)} does not exist (offer/save only updates offers)`);
      const patch = light ? parseWith(lightOfferSchema, entity) : parseWith(offerUpdateSchema, entity);
      checkPriceRange(
        existing.id,
        patch.sale_price,
        patch.min_sale_price ?? existing.min_sale_price,
        patch.max_sale_price ?? existing.max_sale_price,
      );
      return () => applyPatch(existing, patch);
    }
    const created = parseWith(offerCreateSchema, entity);
    checkPriceRange(created.id, created.sale_price, created.min_sale_price, created.max_sale_price);
    if (account.offers.some((o) => o.part_number === created.part_number)) {
      throw new ApiRefusal(`Entity ${i}: part_number ${created.part_number} is already used by another product`);
    }
    return () => account.offers.push(newOffer(account, created, nowMs));
  });
  for (const apply of actions) apply();
  return [];
}

function newOffer(account: AccountState, c: z.infer<typeof offerCreateSchema>, nowMs: number): EmagOfferRecord {
  const rng = new Rng(mixSeed(account.seed, account.index, c.id, 0x0ffe));
  const total = c.stock.reduce((n, e) => n + e.value, 0);
  const offer: EmagOfferRecord = {
    id: c.id,
    part_number: c.part_number,
    part_number_key: c.part_number_key ?? makePartNumberKey(rng),
    name: c.name,
    brand: c.brand,
    category_id: c.category_id,
    vendor_category_id: null,
    description: c.description ?? '',
    url: '',
    warranty: c.warranty ?? 24,
    ean: c.ean ?? [],
    images: [],
    characteristics: [],
    family: null,
    sale_price: round4(c.sale_price),
    recommended_price: round4(c.recommended_price ?? c.sale_price),
    min_sale_price: round4(c.min_sale_price),
    max_sale_price: round4(c.max_sale_price),
    best_offer_sale_price: round4(c.sale_price),
    best_offer_recommended_price: round4(c.recommended_price ?? c.sale_price),
    currency: 'RON',
    vat_id: c.vat_id,
    status: c.status,
    stock: c.stock,
    general_stock: total,
    estimated_stock: total,
    handling_time: c.handling_time,
    number_of_offers: 1,
    buy_button_rank: 1,
    ownership: 1,
    // A new product waits for eMAG's documentation check (attached to a PNK: approved at once).
    validation_status: validationStatus(c.part_number_key ? 9 : 1),
    translation_validation_status: validationStatus(c.part_number_key ? 9 : 1),
    offer_validation_status: offerValidation(1),
    genius_eligibility: 0,
    genius_eligibility_type: 1,
    genius_computed: 0,
    manufacturer: false,
    eu_representative: false,
    created: formatEmagDate(nowMs),
  };
  account.offersById.set(offer.id, offer);
  return offer;
}

const stockPatchSchema = z.object({ stock: perWarehouse(65_535) }).loose();

function patchStock({ account, param, payload }: HandlerContext): unknown[] {
  const id = Number(param);
  const offer = Number.isInteger(id) ? account.offersById.get(id) : undefined;
  if (!offer) throw new ApiRefusal(`Offer ${String(param)} was not found`);
  const { stock } = parseWith(stockPatchSchema, asFilterObject(payload));
  setStock(offer, stock);
  return [];
}

export const OFFER_ROUTES: Record<string, RouteSpec> = {
  'product_offer/read': { method: 'POST', handle: readOffers },
  'product_offer/count': { method: 'POST', handle: countOffers },
  'product_offer/save': {
    method: 'POST',
    handle: ({ account, payload, nowMs }) => saveOffers(account, payload, false, nowMs),
  },
  'offer/save': { method: 'POST', handle: ({ account, payload, nowMs }) => saveOffers(account, payload, true, nowMs) },
  offer_stock: { method: 'PATCH', handle: patchStock },
};
