import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmagOfferRecord, EmagRmaRecord, Sandbox } from '../../main/sandbox';
import { MAIN, call, results, start } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  ({ sandbox } = await start({ offersPerAccount: 150, ordersPerAccount: 600 }));
});
afterAll(() => sandbox.close());

const offers = (): EmagOfferRecord[] => sandbox.offers(MAIN.username);
const countOf = async (route: string, filters: Record<string, unknown> = {}): Promise<number> =>
  Number((await results<{ noOfItems: string }>(sandbox, route, filters)).noOfItems);

describe('product_offer/read and count', () => {
  it('pages through every offer, and count matches the pages', async () => {
    const page1 = await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { currentPage: 1 });
    const page2 = await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { currentPage: 2 });
    expect(page1).toHaveLength(100);
    expect(page2).toHaveLength(50);
    expect([...page1, ...page2].map((o) => o.id)).toEqual(offers().map((o) => o.id));
    expect(await countOf('product_offer/count')).toBe(150);
    expect((await call(sandbox, 'product_offer/read', { itemsPerPage: 500 })).json.isError).toBe(true);
  });

  it('filters by id, status, part_number, part_number_key and stock', async () => {
    const sample = offers()[17] as EmagOfferRecord;
    expect(await results(sandbox, 'product_offer/read', { id: sample.id })).toEqual([sample]);
    expect(await results(sandbox, 'product_offer/read', { part_number: sample.part_number })).toEqual([sample]);
    expect(await results(sandbox, 'product_offer/read', { part_number_key: sample.part_number_key })).toEqual([sample]);
    for (const status of [0, 1, 2]) {
      expect(await countOf('product_offer/count', { status })).toBe(offers().filter((o) => o.status === status).length);
    }
    const lowStock = offers().filter((o) => o.general_stock <= 5).length;
    expect(lowStock).toBeGreaterThan(0);
    expect(await countOf('product_offer/count', { general_stock: 5 })).toBe(lowStock);
    const approved = offers().filter((o) => o.validation_status[0]?.value === 9).length;
    expect(await countOf('product_offer/count', { validation_status: 9 })).toBe(approved);
  });

  it('carries realistic Romanian offers: RON prices, stock per warehouse, validation statuses', () => {
    for (const offer of offers()) {
      expect(offer.currency).toBe('RON');
      expect(offer.sale_price).toBeGreaterThan(0);
      expect(offer.min_sale_price).toBeLessThanOrEqual(offer.sale_price);
      expect(offer.max_sale_price).toBeGreaterThanOrEqual(offer.sale_price);
      expect(offer.stock[0]?.value).toBe(offer.general_stock);
      expect(offer.part_number_key).toMatch(/^[A-Z0-9]{9}$/);
    }
    expect(offers().some((o) => /[ăâîșț]/i.test(o.name))).toBe(true);
  });
});

describe('offer writes', () => {
  /** An update with the keys the text makes mandatory, in their documented forms. */
  const updateOf = (offer: EmagOfferRecord) => ({
    id: offer.id,
    status: 1,
    sale_price: offer.sale_price,
    vat_id: offer.vat_id,
    handling_time: [{ warehouse_id: 1, value: 1 }],
    stock: [{ warehouse_id: 1, value: 5 }],
  });

  it('updates an offer with product_offer/save when the mandatory keys are sent', async () => {
    const offer = offers()[3] as EmagOfferRecord;
    const update = {
      id: offer.id,
      status: 1,
      sale_price: offer.min_sale_price + 1,
      vat_id: offer.vat_id,
      handling_time: [{ warehouse_id: 1, value: 2 }],
      stock: [{ warehouse_id: 1, value: 42 }],
    };
    expect((await call(sandbox, 'product_offer/save', [update])).json.isError).toBe(false);
    const [after] = await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { id: offer.id });
    expect(after).toMatchObject({
      sale_price: offer.min_sale_price + 1,
      general_stock: 42,
      handling_time: [{ warehouse_id: 1, value: 2 }],
    });
  });

  it('refuses an update missing mandatory keys, a price outside min/max, an unknown VAT id, and over 50 entities', async () => {
    const offer = offers()[4] as EmagOfferRecord;
    const base = updateOf(offer);
    const cases = [
      [{ id: offer.id, stock: [{ warehouse_id: 1, value: 5 }] }],
      [{ ...base, sale_price: offer.max_sale_price + 100 }],
      [{ ...base, vat_id: 99 }],
      Array.from({ length: 51 }, () => base),
    ];
    for (const body of cases) expect((await call(sandbox, 'product_offer/save', body)).json.isError).toBe(true);
    expect((await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { id: offer.id }))[0]).toEqual(offer);
  });

  it('creates a new offer awaiting validation', async () => {
    const created = {
      id: 777_001,
      category_id: 506,
      name: 'Telefon mobil Demo X1, 128GB, Negru',
      part_number: 'DEMO-X1-128',
      brand: 'Demo',
      sale_price: 999.99,
      min_sale_price: 800,
      max_sale_price: 1200,
      vat_id: 1,
      status: 1,
      stock: [{ warehouse_id: 1, value: 7 }],
      handling_time: [{ warehouse_id: 1, value: 1 }],
    };
    expect((await call(sandbox, 'product_offer/save', [created])).json.isError).toBe(false);
    const [read] = await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { id: 777_001 });
    expect(read).toMatchObject({ name: created.name, general_stock: 7, validation_status: [{ value: 1 }] });
  });

  it('updates only what offer/save (light API) sends', async () => {
    const offer = offers()[5] as EmagOfferRecord;
    const stock = [{ warehouse_id: 1, value: 11 }];
    expect((await call(sandbox, 'offer/save', [{ id: offer.id, stock }])).json.isError).toBe(false);
    const [after] = await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { id: offer.id });
    expect(after?.general_stock).toBe(11);
    expect(after?.sale_price).toBe(offer.sale_price);
    expect((await call(sandbox, 'offer/save', [{ id: 1, stock }])).json.isError).toBe(true);
  });

  it('sets stock alone with PATCH offer_stock/{id}, as the warehouse list only', async () => {
    const offer = offers()[6] as EmagOfferRecord;
    const patch = (body: unknown, id: number = offer.id) =>
      call(sandbox, `offer_stock/${id}`, body, MAIN, { method: 'PATCH' });
    const listForm = await patch({ stock: [{ warehouse_id: 1, value: 9 }] });
    expect(listForm.json.isError).toBe(false);
    expect(offer.stock).toEqual([{ warehouse_id: 1, value: 9 }]);
    expect(offer.general_stock).toBe(9);
    const bare = await patch({ stock: 3 });
    expect(bare.json.isError).toBe(true);
    expect(String(bare.json.messages)).toMatch(/warehouse_id, value/);
    expect(offer.general_stock).toBe(9);
    expect((await patch({ stock: [{ warehouse_id: 1, value: 3 }] }, 1)).json.isError).toBe(true);
    expect((await patch({ stock: [{ warehouse_id: 1, value: -1 }] })).json.isError).toBe(true);
    expect((await patch({ stock: [] })).json.isError).toBe(true);
  });

  it('refuses stock and handling time as plain numbers, prices of 0 or with more than 4 decimals, and unknown currency_type', async () => {
    const offer = offers()[7] as EmagOfferRecord;
    const base = updateOf(offer);
    expect((await call(sandbox, 'product_offer/save', [base])).json.isError).toBe(false);
    const refused: [string, unknown[], RegExp][] = [
      ['product_offer/save', [{ ...base, stock: 5 }], /stock/],
      ['product_offer/save', [{ ...base, handling_time: 1 }], /handling_time/],
      ['offer/save', [{ id: offer.id, stock: 4 }], /stock/],
      ['offer/save', [{ id: offer.id, handling_time: 2 }], /handling_time/],
      ['product_offer/save', [{ ...base, sale_price: 0 }], /greater than 0/],
      ['offer/save', [{ id: offer.id, sale_price: '0.0000' }], /greater than 0/],
      ['offer/save', [{ id: offer.id, sale_price: 12.12345 }], /4 decimals/],
      ['offer/save', [{ id: offer.id, recommended_price: '99.123456' }], /4 decimals/],
      ['offer/save', [{ id: offer.id, currency_type: 'USD' }], /EUR or PLN/],
      ['product_offer/save', [{ ...base, currency_type: 'RON' }], /EUR or PLN/],
    ];
    for (const [route, body, reason] of refused) {
      const reply = await call(sandbox, route, body);
      expect(reply.json.isError, JSON.stringify(body)).toBe(true);
      expect(String(reply.json.messages), JSON.stringify(body)).toMatch(reason);
    }
    expect((await results<EmagOfferRecord[]>(sandbox, 'product_offer/read', { id: offer.id }))[0]?.general_stock).toBe(
      5,
    );
    const fourDecimals = (offer.min_sale_price + 0.0001).toFixed(4);
    expect((await call(sandbox, 'offer/save', [{ id: offer.id, sale_price: fourDecimals }])).json.isError).toBe(false);
    expect((await call(sandbox, 'offer/save', [{ id: offer.id, currency_type: 'EUR' }])).json.isError).toBe(false);
  });
});

describe('reference data', () => {
  it('reads and counts categories, and one category with its characteristics', async () => {
    const categories = await results<{ id: number; name: string; is_allowed: number }[]>(sandbox, 'category/read');
    expect(categories.length).toBe(await countOf('category/count'));
    expect(categories.some((c) => c.is_allowed === 1) && categories.some((c) => c.is_allowed === 0)).toBe(true);
    const [phones] = await results<{ name: string; characteristics: unknown[]; family_types: unknown[] }[]>(
      sandbox,
      'category/read',
      { id: 506 },
    );
    expect(phones?.name).toBe('Telefoane mobile');
    expect(phones?.characteristics.length).toBeGreaterThan(0);
    expect((await call(sandbox, 'category/read', { id: 999_999 })).json.isError).toBe(true);
    const page2 = await results<unknown[]>(sandbox, 'category/read', { itemsPerPage: 10, currentPage: 2 });
    expect(page2).toEqual(categories.slice(10, 20));
  });

  it('reads VAT rates and handling times', async () => {
    const vat = await results<{ vat_id: number; vat_rate: number; is_default: number }[]>(sandbox, 'vat/read');
    expect(vat.filter((v) => v.is_default === 1)).toHaveLength(1);
    expect(vat.map((v) => v.vat_rate)).toContain(0.21);
    const handling = await results<{ value: number }[]>(sandbox, 'handling_time/read');
    expect(handling.map((h) => h.value)).toContain(0);
  });
});

describe('rma/read and rma/count', () => {
  it('reads the return requests of finalized orders and counts them', async () => {
    const all = await results<EmagRmaRecord[]>(sandbox, 'rma/read');
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBe(await countOf('rma/count'));
    const orderIds = new Set(
      sandbox
        .orders(MAIN.username)
        .filter((o) => o.status >= 4)
        .map((o) => o.id),
    );
    expect(all.every((r) => orderIds.has(r.order_id))).toBe(true);
  });

  it('filters by order_id, emag_id, request_status, product_id and date range', async () => {
    const all = await results<EmagRmaRecord[]>(sandbox, 'rma/read');
    const one = all[0] as EmagRmaRecord;
    expect(await results(sandbox, 'rma/read', { order_id: one.order_id })).toEqual([one]);
    expect(await results(sandbox, 'rma/read', { emag_id: one.emag_id })).toEqual([one]);
    expect(await countOf('rma/count', { request_status: one.request_status })).toBe(
      all.filter((r) => r.request_status === one.request_status).length,
    );
    const productId = one.products[0]?.product_id;
    expect(await countOf('rma/count', { product_id: productId })).toBe(
      all.filter((r) => r.products.some((p) => p.product_id === productId)).length,
    );
    const day = one.date.slice(0, 10);
    const sameDay = await results<EmagRmaRecord[]>(sandbox, 'rma/read', { date_start: day, date_end: day });
    expect(sameDay.map((r) => r.emag_id)).toContain(one.emag_id);
    expect(sameDay.every((r) => r.date.startsWith(day))).toBe(true);
  });
});
