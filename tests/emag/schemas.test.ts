import { describe, expect, it } from 'vitest';
import { emagOfferSchema, emagOrderSchema } from '../../main/core/emag';
import { decimal, emagCountSchema, looseList } from '../../main/core/emag/schemas/common';
import { emagAwbSaveResultSchema } from '../../main/core/emag/schemas/shipping';
import { z } from 'zod';

describe('order schema', () => {
  it('accepts numbers sent as strings, keeps unknown keys and tolerates a customer with almost nothing', () => {
    const order = emagOrderSchema.parse({
      id: '123456',
      status: '1',
      type: 3,
      payment_mode_id: '1',
      cashed_cod: '0.0000',
      shipping_tax: 19.99,
      date: '2025-03-01 10:15:00',
      customer: { id: 7, name: 'Ion Popescu', phone_1: 740123456 },
      products: [{ id: '9', product_id: '55', quantity: '2', sale_price: '84.0336', vat: '0.19', status: 1 }],
      vouchers: {},
      attachments: null,
      future_field: { anything: true },
    });
    expect(order.id).toBe(123456);
    expect(order.status).toBe(1);
    // A field MagFlow does not use is not checked: it stays exactly as eMAG sent it.
    expect(order.cashed_cod).toBe('0.0000');
    expect(order.shipping_tax).toBe('19.99');
    expect(order.customer?.phone_1).toBe('740123456');
    expect(order.customer?.email).toBeUndefined();
    expect(order.customer?.id).toBe(7);
    expect(order.products?.[0]).toMatchObject({ id: 9, product_id: '55', quantity: 2, sale_price: '84.0336' });
    expect(order.vouchers).toEqual([]);
    expect(order.attachments).toBeNull();
    expect(order.future_field).toEqual({ anything: true });
  });

  it('keeps null where eMAG sent null (it matters when the order is saved back)', () => {
    const order = emagOrderSchema.parse({ id: 1, status: 2, enforced_vendor_courier_accounts: null, customer: null });
    expect(order.enforced_vendor_courier_accounts).toBeNull();
    expect(order.customer).toBeNull();
    expect(
      emagOrderSchema.parse({ id: 1, status: 2, enforced_vendor_courier_accounts: [] })
        .enforced_vendor_courier_accounts,
    ).toEqual([]);
  });

  it("accepts PHP's [] for an empty object", () => {
    const order = emagOrderSchema.parse({ id: 1, status: 2, details: [], customer: [] });
    expect(order.details).toEqual({});
    expect(order.customer).toEqual({});
  });

  it('never rejects an order for a field MagFlow does not use, whatever its form', () => {
    const odd = { nested: [1, { deep: null }], when: 'tomorrow' };
    const order = emagOrderSchema.parse({
      id: 1,
      status: 2,
      cashed_co: odd,
      parent_id: odd,
      flags: odd,
      is_storno: 'maybe',
      customer: { email: odd, fax: 12, iban: [] },
      products: [{ id: 3, details: odd, serial_numbers: { a: 1 }, product_voucher_split: 'x' }],
    });
    expect(order).toMatchObject({ cashed_co: odd, flags: odd, is_storno: 'maybe' });
  });

  it('refuses an order without an id or with a non-numeric status', () => {
    expect(emagOrderSchema.safeParse({ status: 1 }).success).toBe(false);
    expect(emagOrderSchema.safeParse({ id: 1, status: 'new' }).success).toBe(false);
  });
});

describe('lenient primitives', () => {
  it('turns money into exact canonical decimal strings', () => {
    expect(decimal.parse(12.1234)).toBe('12.1234');
    expect(decimal.parse('12.5000')).toBe('12.5');
    expect(decimal.parse('0012')).toBe('12');
    expect(decimal.parse(-0.5)).toBe('-0.5');
    expect(decimal.parse(1e-7)).toBe('0.0000001');
    expect(decimal.safeParse('12,5').success).toBe(false);
  });

  it('reads PHP-style lists: objects keyed by index, {} and a lone object', () => {
    const list = looseList(z.object({ id: z.number() }));
    expect(list.parse({ 0: { id: 1 }, 1: { id: 2 } })).toEqual([{ id: 1 }, { id: 2 }]);
    expect(list.parse({})).toEqual([]);
    expect(list.parse({ id: 3 })).toEqual([{ id: 3 }]);
  });

  it('parses count answers whatever shape they take', () => {
    expect(emagCountSchema.parse({ noOfItems: '1234', noOfPages: 13, itemsPerPage: 100 })).toEqual({
      noOfItems: 1234,
      noOfPages: 13,
      itemsPerPage: 100,
    });
    expect(emagCountSchema.parse('17').noOfItems).toBe(17);
  });

  it('reads offers with per-warehouse stock and single-object validation status', () => {
    const offer = emagOfferSchema.parse({
      id: '44',
      sale_price: '99.9900',
      stock: [{ warehouse_id: 1, value: '5' }],
      general_stock: '5',
      offer_validation_status: { value: 1, description: 'Valid' },
      ean: '5941234567890',
    });
    expect(offer.stock).toEqual([{ warehouse_id: 1, value: 5 }]);
    expect(offer.sale_price).toBe('99.99');
    expect(offer.offer_validation_status).toEqual([{ value: 1, description: 'Valid' }]);
    expect(offer.ean).toBe('5941234567890');
  });

  it('normalises an AWB save answer to a list', () => {
    const saved = emagAwbSaveResultSchema.parse({ reservation_id: 5, awb: [{ emag_id: 1, awb_number: 'SD1' }] });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.awb?.[0]?.awb_number).toBe('SD1');
  });
});
