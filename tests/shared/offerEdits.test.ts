// The offer edit rules the editor and the core share: prices as the seller types them, eMAG's inclusive bounds, stock
// limits, FBE stock, VAT ids from vat/read, and the gross price shown beside the net one.
import { describe, expect, it } from 'vitest';
import {
  checkPrice,
  checkStock,
  checkVat,
  describeProblem,
  grossMinor,
  normalisePrice,
  parseStock,
} from '../../shared/offerEdits';

const bounds = { minSalePrice: '40.5', maxSalePrice: '60', fbe: false };

describe('offer edit rules', () => {
  it('reads a price typed with a comma or a dot, at most 4 decimals, above 0', () => {
    expect(normalisePrice('49,90')).toBe('49.9');
    expect(normalisePrice(' 49.1234 ')).toBe('49.1234');
    expect(normalisePrice('50')).toBe('50');
    expect(normalisePrice('49.12345')).toBeNull();
    expect(normalisePrice('0')).toBeNull();
    expect(normalisePrice('-3')).toBeNull();
    expect(normalisePrice('1e3')).toBeNull();
    expect(normalisePrice('')).toBeNull();
  });

  it("checks a price against the offer's bounds, inclusive as eMAG checks them", () => {
    expect(checkPrice('40.5', bounds)).toEqual([]);
    expect(checkPrice('60,00', bounds)).toEqual([]);
    expect(checkPrice('40.4999', bounds)).toEqual([{ field: 'price', code: 'price_below_min', bound: '40.5' }]);
    expect(checkPrice('60.0001', bounds)).toEqual([{ field: 'price', code: 'price_above_max', bound: '60' }]);
    expect(checkPrice('abc', bounds)).toEqual([{ field: 'price', code: 'price_format' }]);
    expect(checkPrice('1000', { ...bounds, minSalePrice: null, maxSalePrice: null })).toEqual([]);
  });

  it('takes a stock from 0 to 65535, whole, and never for an FBE offer', () => {
    expect(parseStock('0')).toBe(0);
    expect(parseStock('65535')).toBe(65_535);
    expect(parseStock('65536')).toBeNull();
    expect(parseStock('2.5')).toBeNull();
    expect(parseStock('-1')).toBeNull();
    expect(checkStock('12', bounds)).toEqual([]);
    expect(checkStock('x', bounds)).toEqual([{ field: 'stock', code: 'stock_format' }]);
    expect(checkStock('12', { ...bounds, fbe: true })).toEqual([{ field: 'stock', code: 'stock_fbe' }]);
  });

  it("accepts only vat/read's ids (not checked when the list could not be read)", () => {
    expect(checkVat(1, [1, 2, 3])).toEqual([]);
    expect(checkVat(9, [1, 2, 3])).toEqual([{ field: 'vat', code: 'vat_unknown' }]);
    expect(checkVat(9, [])).toEqual([]);
  });

  it('describes each problem in English for the CLI and the IPC error', () => {
    expect(describeProblem({ field: 'price', code: 'price_above_max', bound: '60' })).toContain(
      'maximum sale price (60)',
    );
    expect(describeProblem({ field: 'stock', code: 'stock_fbe' })).toContain('FBE');
  });

  it('computes the gross price in minor units with integers: 100 × 1.21 = 121.00, 49.99 × 1.19 = 59.49', () => {
    expect(grossMinor('100', '0.21')).toBe(12_100);
    expect(grossMinor('49.99', '0.19')).toBe(5_949);
    expect(grossMinor('10', '0')).toBe(1_000);
    expect(grossMinor('x', '0.21')).toBeNull();
  });
});
