// The forms live eMAG answers come in (docs/sandbox.md, "Live forms", with where each is documented or observed): the
// sandbox keeps its records tidy and writes them out this way on every read, unless it runs `plain`. Numbers come as
// text and text as numbers, money as either, lists PHP-style, blanks and nulls where eMAG leaves values out,
// `reason_cancellation` as `{ id, name }`, `details` as [] / {} / a locker object, ids as text, keys eMAG added over
// the versions. Each record's forms come from its own seeded stream, so the same record always reads the same (a
// client that stores eMAG's JSON sees no change where there is none).
import { Rng, mixSeed } from './random';
import type { EmagOfferRecord, EmagOrderProduct, EmagOrderRecord, EmagRmaRecord } from './records';

/** What a read route answers for one record. */
export interface Answers {
  order(record: EmagOrderRecord): unknown;
  offer(record: EmagOfferRecord): unknown;
  rma(record: EmagRmaRecord): unknown;
}

/** Today's tidy shapes: the records as they are. */
export const PLAIN_ANSWERS: Answers = { order: (r) => r, offer: (r) => r, rma: (r) => r };

/** Names eMAG sends with a cancellation code in `{ id, name }` (its own wording, abbreviated). */
const CANCEL_REASON_NAMES: Readonly<Record<number, string>> = {
  1: 'Stoc epuizat',
  2: 'Anulata de client',
  3: 'Clientul nu poate fi contactat',
  15: 'Termen de livrare prea mare',
  19: 'Ordinul de plata nu a fost achitat',
  20: 'Comanda nelivrata, motive curier',
  21: 'Altele',
  22: 'Comanda incompleta - anulare automata',
  23: 'Clientul s-a razgandit',
  24: 'La cererea clientului',
  25: 'Livrare esuata',
  31: 'Partenerul a cerut anularea',
  33: 'Produsul nu mai este in stoc la partener',
  36: 'Clientul a gasit un pret mai bun',
  37: 'Clientul a plasat alta comanda',
  38: 'Clientul nu mai are nevoie de produs',
};

/**
 * The forms one record is written in, drawn from its own stream. Each helper changes only a value of the type it
 * expects and passes anything else through, so a record a test has filled with odd values is served as it is.
 */
class Forms {
  private readonly rng: Rng;

  constructor(...seed: number[]) {
    this.rng = new Rng(mixSeed(...seed));
  }

  chance(p: number): boolean {
    return this.rng.chance(p);
  }

  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  /** An integer, sometimes as text ("3"). */
  int<T>(value: T, p = 0.3): T | string {
    return typeof value === 'number' && this.chance(p) ? String(value) : value;
  }

  /** An id: text in most live answers, a number in the documentation. */
  id<T>(value: T, p = 0.7): T | string {
    return this.int(value, p);
  }

  /** Money written as decimal text ("12.5000") becomes a JSON number sometimes (12.5). */
  money<T>(value: T, p = 0.3): T | number {
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && this.chance(p) ? Number(value) : value;
  }

  /** Money held as a number is written as four-decimal text sometimes ("12.5000"). */
  moneyText<T>(value: T, p = 0.4): T | string {
    return typeof value === 'number' && this.chance(p) ? value.toFixed(4) : value;
  }
}

/** Maps a list, passing anything that is not a list through (a record a test filled with odd values). */
function eachOf<T>(value: readonly T[], map: (item: T) => unknown): unknown {
  return Array.isArray(value) ? value.map((item: T) => (isRecord(item) ? map(item) : item)) : value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Drops keys whose value is `undefined` (they are absent in the answer). */
function present<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

function liveLine(line: EmagOrderProduct, forms: Forms): Record<string, unknown> {
  return {
    ...line,
    product_id: forms.id(line.product_id),
    quantity: forms.int(line.quantity, 0.2),
    initial_qty: forms.int(line.initial_qty),
    storno_qty: forms.int(line.storno_qty),
    sale_price: forms.money(line.sale_price),
    original_price: forms.money(line.original_price),
    vat: forms.money(line.vat, 0.2),
    status: forms.int(line.status, 0.1),
    details: forms.chance(0.5) ? [] : line.details,
    retained_amount: 0,
    reversible_vat_charging: 0,
    product_voucher_split: eachOf(line.product_voucher_split, (split) => ({
      ...split,
      value: forms.money(split.value),
      vat_value: forms.money(split.vat_value),
    })),
    recycle_warranties: eachOf(line.recycle_warranties, (warranty) => {
      const deposit = warranty as Record<string, unknown>;
      return {
        ...deposit,
        quantity: typeof deposit.quantity === 'number' ? forms.int(deposit.quantity) : deposit.quantity,
        sale_price: typeof deposit.sale_price === 'string' ? forms.money(deposit.sale_price, 0.5) : deposit.sale_price,
      };
    }),
  };
}

export function liveOrder(record: EmagOrderRecord, seed: number): Record<string, unknown> {
  const forms = new Forms(seed, record.id, 0x1f0);
  const c = record.customer;
  const locality = <T>(id: T): T | string => (typeof id === 'number' ? forms.id(id, 0.8) : id);
  const postal = <T>(code: T): T | number =>
    typeof code === 'string' && /^[1-9]\d*$/.test(code) && forms.chance(0.2) ? Number(code) : code;
  const blank = (value: unknown): unknown => value ?? (forms.chance(0.5) ? '' : null);
  const customer = isRecord(c)
    ? present({
        ...c,
        code: blank(c.code),
        registration_number: blank(c.registration_number),
        bank: blank(c.bank),
        iban: blank(c.iban),
        legal_entity: forms.int(c.legal_entity, 0.2),
        is_vat_payer: forms.int(c.is_vat_payer, 0.2),
        liable_person: '',
        billing_locality_id: locality(c.billing_locality_id),
        shipping_locality_id: locality(c.shipping_locality_id),
        billing_postal_code: postal(c.billing_postal_code),
        shipping_postal_code: postal(c.shipping_postal_code),
      })
    : c;
  const pickup = !Array.isArray(record.details);
  const reason = record.reason_cancellation;
  const enforced = record.enforced_vendor_courier_accounts;
  return present({
    ...record,
    vendor_name: 'Magazin Demo',
    parent_id: null,
    status: forms.int(record.status, 0.1),
    is_complete: forms.int(record.is_complete),
    payment_mode_id: forms.int(record.payment_mode_id),
    payment_status: forms.int(record.payment_status),
    observation: null,
    details: !pickup
      ? forms.pick([[], {}])
      : isRecord(record.details) && forms.chance(0.3)
        ? { ...record.details, courier_external_office_id: forms.int(183, 0.5) }
        : record.details,
    shipping_tax: forms.money(record.shipping_tax, 0.5),
    cashed_co: record.cashed_co === 0 && forms.chance(0.6) ? null : record.cashed_co,
    cashed_cod: forms.moneyText(record.cashed_cod, 0.3),
    cancellation_request: null,
    has_editable_products: record.status === 2 || record.status === 3 ? 1 : 0,
    refund_status: null,
    late_shipment: 0,
    weekend_delivery: 0,
    proforms: [],
    // Older answers have no order-level currency.
    currency: forms.chance(0.8) ? record.currency : undefined,
    customer,
    products: eachOf(record.products, (line) => liveLine(line, forms)),
    vouchers: eachOf(record.vouchers, (voucher) => ({
      ...voucher,
      voucher_id: forms.id(voucher.voucher_id, 0.3),
      sale_price: forms.money(voucher.sale_price),
      sale_price_vat: forms.money(voucher.sale_price_vat),
      vat: forms.money(voucher.vat),
    })),
    // Live read answers carry the code inside `{ id, name }` (a strict public client that parses them says so).
    reason_cancellation:
      typeof reason !== 'number'
        ? (reason ?? null)
        : forms.chance(0.7)
          ? { id: reason, name: CANCEL_REASON_NAMES[reason] ?? 'Alt motiv' }
          : forms.int(reason),
    enforced_vendor_courier_accounts: Array.isArray(enforced) ? enforced.map((id) => forms.id(id, 0.5)) : enforced,
    billing_locality_id: locality(record.billing_locality_id),
    shipping_locality_id: locality(record.shipping_locality_id),
  });
}

export function liveOffer(record: EmagOfferRecord, seed: number): Record<string, unknown> {
  const forms = new Forms(seed, record.id, 0x0ff);
  const text = <T>(value: T) => forms.moneyText(value);
  const stock = Array.isArray(record.stock)
    ? record.stock.map((entry) => ({
        ...entry,
        warehouse_id: forms.int(entry.warehouse_id, 0.2),
        value: forms.int(entry.value),
      }))
    : record.stock;
  return {
    ...record,
    id: forms.int(record.id, 0.2),
    sale_price: text(record.sale_price),
    recommended_price: text(record.recommended_price),
    min_sale_price: text(record.min_sale_price),
    max_sale_price: text(record.max_sale_price),
    best_offer_sale_price: text(record.best_offer_sale_price),
    vat_id: forms.int(record.vat_id),
    status: forms.int(record.status, 0.2),
    stock,
    general_stock: forms.int(record.general_stock),
    estimated_stock: forms.int(record.estimated_stock),
    offer_validation_status: forms.chance(0.3) ? [record.offer_validation_status] : record.offer_validation_status,
    ean: Array.isArray(record.ean) && record.ean.length === 1 && forms.chance(0.2) ? record.ean[0] : record.ean,
    doc_errors: null,
    vendor_category_id: record.vendor_category_id ?? (forms.chance(0.5) ? '' : null),
  };
}

export function liveRma(record: EmagRmaRecord, seed: number): Record<string, unknown> {
  const forms = new Forms(seed, record.emag_id, 0x4a);
  return {
    ...record,
    emag_id: forms.id(record.emag_id, 0.3),
    // The order id as text, as a strict public client types it.
    order_id: forms.id(record.order_id, 0.8),
    customer_company: record.customer_company ?? (forms.chance(0.5) ? '' : null),
    return_parent_id: null,
    is_club: 0,
    is_fast: 0,
    request_status: forms.int(record.request_status),
    pickup_locality_id: forms.id(record.pickup_locality_id, 0.5),
    products: eachOf(record.products, (product) => ({
      ...product,
      product_id: forms.id(product.product_id),
      quantity: forms.int(product.quantity),
      retained_amount: 0,
    })),
    locker: forms.chance(0.8) ? [] : { locker_id: '', locker_name: '' },
    status_history: [],
    request_history: [],
  };
}

/** The answers of an account: live forms by default, today's tidy shapes when the sandbox runs `plain`. */
export function answersFor(seed: number, accountIndex: number, plain: boolean): Answers {
  if (plain) return PLAIN_ANSWERS;
  const stream = mixSeed(seed, accountIndex, 0x11fe);
  return {
    order: (record) => liveOrder(record, stream),
    offer: (record) => liveOffer(record, stream),
    rma: (record) => liveRma(record, stream),
  };
}
