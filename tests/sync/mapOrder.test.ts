import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emagOrderSchema } from '../../main/core/emag/schemas/orders';
import {
  cancellationReasonOf,
  lineGrossMinor,
  mapOrder,
  OrderMapError,
  orderTotalMinor,
  voucherGrossMinor,
} from '../../main/core/sync/mapOrder';
import { positiveIdOf as localityIdOf } from '../../shared/positiveId';

const context = { accountId: 7, accountKind: 'main' as const, platform: 'emag-ro' as const };

/** An order as eMAG sends it (strings where eMAG sends strings), parsed by the client's schema. */
function emagOrder(overrides: Record<string, unknown> = {}) {
  return emagOrderSchema.parse({
    id: '501',
    status: '1',
    type: 3,
    payment_mode_id: 1,
    payment_status: 0,
    date: '2026-11-20 10:15:00',
    modified: '2026-11-20 10:20:00',
    shipping_tax: '19.99',
    customer: {
      name: 'Ion Popescu',
      phone_1: '0700000001',
      billing_name: 'SC Exemplu SRL',
      billing_phone: '0700000002',
      billing_city: 'Cluj-Napoca',
      shipping_contact: 'Maria Popescu',
      shipping_phone: '0700000003',
      shipping_city: 'Iași',
    },
    products: [
      {
        id: 9001,
        product_id: '55',
        part_number: 'PN-55',
        part_number_key: 'D5X',
        name: 'Cafetieră',
        quantity: 2,
        sale_price: '103.7395',
        vat: '0.19',
        currency: 'RON',
        status: 1,
      },
      { id: 9002, product_id: 56, name: 'Filtru (anulat)', quantity: 1, sale_price: '50.0000', vat: '0.19', status: 0 },
    ],
    ...overrides,
  });
}

describe('order total', () => {
  it('sums active lines with VAT plus shipping, in minor units', () => {
    // 2 × 103.7395 × 1.19 = 246.90001 → 24690; the cancelled line is left out; shipping 19.99 → 1999.
    expect(orderTotalMinor(emagOrder())).toBe(24_690 + 1_999);
  });

  it('rounds each line half up where float arithmetic would round down', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; the exact value rounds to 101.
    expect(lineGrossMinor({ quantity: 1, sale_price: '1.005', vat: '0' })).toBe(101);
    expect(Math.round(1 * 1.005 * (1 + 0) * 100)).toBe(100);
    // 3 × 33.3333 × 1.19 = 118.999881 → 11900.
    expect(lineGrossMinor({ quantity: 3, sale_price: '33.3333', vat: '0.19' })).toBe(11_900);
  });

  it('treats a missing price, VAT or shipping as zero rather than failing the order', () => {
    expect(
      orderTotalMinor(emagOrder({ shipping_tax: null, products: [{ id: 1, quantity: 2, sale_price: '10' }] })),
    ).toBe(2_000);
  });

  it('is exact for any whole-cent price without VAT (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000 }), (quantity, cents) => {
        const price = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(lineGrossMinor({ quantity, sale_price: price, vat: '0' })).toBe(quantity * cents);
      }),
    );
  });
});

describe('mapOrder', () => {
  it('maps ids, status, type, payment, dates, lines and keeps the raw order', () => {
    const order = emagOrder();
    const record = mapOrder(order, context);
    expect(record).toMatchObject({
      accountId: 7,
      id: 501,
      status: 1,
      type: 3,
      paymentModeId: 1,
      paymentStatus: 0,
      totalMinor: 26_689,
      currency: 'RON',
      created: '2026-11-20 10:15:00',
      modified: '2026-11-20 10:20:00',
    });
    expect(record.lines).toEqual([
      {
        lineId: 9001,
        productId: '55',
        partNumber: 'PN-55',
        partNumberKey: 'D5X',
        name: 'Cafetieră',
        quantity: 2,
        salePrice: '103.7395',
        vat: '0.19',
        currency: 'RON',
        status: 1,
      },
      {
        lineId: 9002,
        productId: '56',
        partNumber: null,
        partNumberKey: null,
        name: 'Filtru (anulat)',
        quantity: 1,
        salePrice: '50',
        vat: '0.19',
        currency: 'RON',
        status: 0,
      },
    ]);
    expect(record.raw).toBe(order);
  });

  it('prefers the shipping contact, phone and city, falling back to billing, then the customer account', () => {
    expect(mapOrder(emagOrder(), context)).toMatchObject({
      customerName: 'Maria Popescu',
      customerPhone: '0700000003',
      locality: 'Iași',
    });
    const billingOnly = emagOrder({
      customer: { name: 'Ion Popescu', phone_1: '0700000001', billing_name: 'SC Exemplu SRL', billing_city: 'Cluj' },
    });
    expect(mapOrder(billingOnly, context)).toMatchObject({
      customerName: 'SC Exemplu SRL',
      customerPhone: '0700000001',
      locality: 'Cluj',
    });
    const blanks = emagOrder({ customer: { name: 'Ion', shipping_contact: '  ', phone_1: null } });
    expect(mapOrder(blanks, context)).toMatchObject({ customerName: 'Ion', customerPhone: null, locality: null });
    expect(mapOrder(emagOrder({ customer: null }), context)).toMatchObject({ customerName: null, locality: null });
  });

  it('takes the type from the account kind when eMAG leaves it out', () => {
    expect(mapOrder(emagOrder({ type: null }), context).type).toBe(3);
    expect(mapOrder(emagOrder({ type: undefined }), { ...context, accountKind: 'fbe' }).type).toBe(2);
    expect(mapOrder(emagOrder({ type: 2 }), context).type).toBe(2);
  });

  it('uses the platform currency when neither the order nor a line names one, and the date as modified', () => {
    const record = mapOrder(emagOrder({ products: [{ id: 1, quantity: 1, sale_price: '5' }], modified: null }), {
      ...context,
      platform: 'emag-bg',
    });
    // eMAG Bulgaria has priced in EUR since 1 January 2026; this order is from November 2026.
    expect(record.currency).toBe('EUR');
    expect(record.lines[0]).toMatchObject({ currency: 'EUR', name: '#1', status: 1 });
    expect(record.modified).toBe('2026-11-20 10:15:00');
    const before = emagOrder({ date: '2025-12-31 23:59:59', products: [{ id: 1, quantity: 1, sale_price: '5' }] });
    expect(mapOrder(before, { ...context, platform: 'emag-bg' }).currency).toBe('BGN');
  });

  it('refuses an order with an unknown status or no dates, with a typed error naming it', () => {
    expect(() => mapOrder(emagOrder({ status: 9 }), context)).toThrow(OrderMapError);
    expect(() => mapOrder(emagOrder({ status: 9 }), context)).toThrow('Order 501 has an unknown status 9');
    const undated = emagOrder({ date: null, modified: null });
    expect(() => mapOrder(undated, context)).toThrow(/neither a date/);
  });
});

/** The order of `emagOrder()` with `patch` applied to its raw form first (as eMAG would send it). */
const withForm = (patch: Record<string, unknown>) => mapOrder(emagOrder(patch), context);
const oneLine = (line: Record<string, unknown>) => ({ products: [{ id: 1, quantity: 1, status: 1, ...line }] });

describe('every accepted form maps to one value (normalised once, here)', () => {
  it('reads money as a number, numeric text with any number of decimals, null, blank or missing', () => {
    const total = (salePrice: unknown, shipping: unknown) =>
      withForm({ ...oneLine({ sale_price: salePrice, vat: '0' }), shipping_tax: shipping }).totalMinor;
    expect(total('12.5', '19.99')).toBe(1_250 + 1_999);
    expect(total(12.5, 19.99)).toBe(1_250 + 1_999);
    expect(total('12.5000', '19.9900')).toBe(1_250 + 1_999);
    expect(total('12.5', null)).toBe(1_250);
    expect(total('12.5', '')).toBe(1_250);
    expect(total('12.5', undefined)).toBe(1_250);
    expect(total(null, 0)).toBe(0);
    expect(total('', 14.99)).toBe(1_499);
  });

  it('reads quantity, status and VAT sent as text', () => {
    const record = withForm(oneLine({ quantity: '2', status: '1', sale_price: '10', vat: 0.19 }));
    expect(record.lines[0]).toMatchObject({ quantity: 2, status: 1, vat: '0.19' });
    expect(record.totalMinor).toBe(2_380 + 1_999);
  });

  it('subtracts order vouchers at their gross value (sale_price + sale_price_vat, both negative)', () => {
    const vouchers = [{ voucher_id: 7, voucher_name: 'Reducere', sale_price: '-8.4034', sale_price_vat: '-1.5966' }];
    expect(withForm({ vouchers }).totalMinor).toBe(24_690 + 1_999 - 1_000);
    // Numbers instead of text, a list keyed by index (PHP), and a voucher without its VAT part.
    expect(withForm({ vouchers: { 0: { sale_price: -8.4034, sale_price_vat: -1.5966 } } }).totalMinor).toBe(
      24_690 + 1_999 - 1_000,
    );
    expect(withForm({ vouchers: [{ sale_price: '-10', sale_price_vat: null }] }).totalMinor).toBe(24_690 + 999);
  });

  it('adds recycling deposits (recycle_warranties) of active lines: quantity × sale_price × (1 + vat_rate)', () => {
    const deposit = { quantity: 6, sale_price: '0.4202', vat_rate: '0.19', product_name: 'Taxa SGR PET' };
    // 6 × 0.4202 × 1.19 = 3.000228 → 300.
    const lines = [
      { id: 1, quantity: 1, sale_price: '10', vat: '0', status: 1, recycle_warranties: [deposit] },
      { id: 2, quantity: 1, sale_price: '10', vat: '0', status: 0, recycle_warranties: [deposit] },
    ];
    expect(withForm({ products: lines, shipping_tax: 0 }).totalMinor).toBe(1_000 + 300);
    const asText = [{ ...lines[0], recycle_warranties: [{ quantity: '6', sale_price: 0.4202, vat_rate: 0.19 }] }];
    expect(withForm({ products: asText, shipping_tax: 0 }).totalMinor).toBe(1_300);
    expect(withForm({ products: [{ ...lines[0], recycle_warranties: '' }], shipping_tax: 0 }).totalMinor).toBe(1_000);
  });

  it("takes the order's own currency first, then a line's, then the platform's", () => {
    expect(withForm({ currency: 'EUR' }).currency).toBe('EUR');
    expect(withForm({ currency: '' }).currency).toBe('RON');
    expect(withForm({ currency: null, ...oneLine({ currency: 'HUF' }) }).currency).toBe('HUF');
  });

  it('reads product_id as text or number, and a missing or blank one as none', () => {
    expect(withForm(oneLine({ product_id: '55' })).lines[0]?.productId).toBe('55');
    expect(withForm(oneLine({ product_id: 55 })).lines[0]?.productId).toBe('55');
    expect(withForm(oneLine({ product_id: '' })).lines[0]?.productId).toBeNull();
    expect(withForm(oneLine({ product_id: null })).lines[0]?.productId).toBeNull();
  });

  it('reads reason_cancellation as a code, numeric text or { id, name }', () => {
    const reason = (value: unknown) => cancellationReasonOf(emagOrder({ status: 0, reason_cancellation: value }));
    expect(reason(2)).toEqual({ code: 2, name: null });
    expect(reason('36')).toEqual({ code: 36, name: null });
    expect(reason({ id: 2, name: 'Cancelled by the client' })).toEqual({ code: 2, name: 'Cancelled by the client' });
    expect(reason({ id: '23', name: '' })).toEqual({ code: 23, name: null });
    expect(reason({ id: null, name: null })).toBeNull();
    expect(reason(null)).toBeNull();
    expect(reason('')).toBeNull();
  });

  it('reads locality ids as text, numbers or blank', () => {
    expect(localityIdOf('7')).toBe(7);
    expect(localityIdOf(7)).toBe(7);
    expect(localityIdOf(' 8801 ')).toBe(8801);
    expect(localityIdOf('')).toBeNull();
    expect(localityIdOf(null)).toBeNull();
    expect(localityIdOf('0')).toBeNull();
    expect(localityIdOf('Cluj')).toBeNull();
    const order = emagOrder({ customer: { shipping_locality_id: '', billing_locality_id: 41 } });
    expect(order.customer?.shipping_locality_id).toBe('');
    expect(order.customer?.billing_locality_id).toBe('41');
  });

  it('reads details as [], {}, a locker object or a list holding one', () => {
    expect(emagOrder({ details: [] }).details).toEqual({});
    expect(emagOrder({ details: {} }).details).toEqual({});
    const locker = { locker_id: 'dce0b7cf-dc38-11e8', locker_name: 'easybox Mall', locker_delivery_eligible: 1 };
    expect(emagOrder({ details: locker }).details).toMatchObject({ locker_id: 'dce0b7cf-dc38-11e8' });
    expect(emagOrder({ details: [locker] }).details).toMatchObject({ locker_name: 'easybox Mall' });
    expect(emagOrder({ details: '' }).details).toBeNull();
  });

  it('records the status from eMAG’s own time: finalization_date for a finalized order, else modified', () => {
    // Bucharest is UTC+2 in November.
    const finalized = withForm({
      status: 4,
      finalization_date: '2026-11-21 09:00:00',
      modified: '2026-11-25 12:00:00',
    });
    expect(finalized.statusSince).toBe('2026-11-21T07:00:00.000Z');
    expect(withForm({ status: 4, finalization_date: null }).statusSince).toBe('2026-11-20T08:20:00.000Z');
    expect(withForm({ status: 0 }).statusSince).toBe('2026-11-20T08:20:00.000Z');
    expect(withForm({ status: 2, modified: 'soon' }).statusSince).toBeUndefined();
  });
});

describe('voucherGrossMinor', () => {
  it('shows what the voucher takes off, VAT included', () => {
    expect(voucherGrossMinor({ sale_price: '-8.0645', sale_price_vat: '-1.9355' })).toBe(-1_000);
    expect(voucherGrossMinor({ sale_price: '-8.4', sale_price_vat: undefined })).toBe(-840);
  });
});
