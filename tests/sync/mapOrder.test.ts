import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emagOrderSchema } from '../../main/core/emag/schemas/orders';
import { lineGrossMinor, mapOrder, OrderMapError, orderTotalMinor } from '../../main/core/sync/mapOrder';

const context = { accountId: 7, accountKind: 'main' as const, currency: 'RON' };

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

  it('uses the platform currency when no line names one, and the date as modified when that is missing', () => {
    const record = mapOrder(emagOrder({ products: [{ id: 1, quantity: 1, sale_price: '5' }], modified: null }), {
      ...context,
      currency: 'BGN',
    });
    expect(record.currency).toBe('BGN');
    expect(record.lines[0]).toMatchObject({ currency: 'BGN', name: '#1', status: 1 });
    expect(record.modified).toBe('2026-11-20 10:15:00');
  });

  it('refuses an order with an unknown status or no dates, with a typed error naming it', () => {
    expect(() => mapOrder(emagOrder({ status: 9 }), context)).toThrow(OrderMapError);
    expect(() => mapOrder(emagOrder({ status: 9 }), context)).toThrow('Order 501 has an unknown status 9');
    const undated = emagOrder({ date: null, modified: null });
    expect(() => mapOrder(undated, context)).toThrow(/neither a date/);
  });
});
