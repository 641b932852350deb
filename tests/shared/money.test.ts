import { describe, expect, it } from 'vitest';
import { decimalToE4, decimalToMinor, e4ToMinor, minorToDecimal } from '../../shared/money';

describe('money', () => {
  it('parses eMAG decimals exactly, as strings or numbers', () => {
    expect(decimalToE4('12.1234')).toBe(121_234n);
    expect(decimalToE4(12.5)).toBe(125_000n);
    expect(decimalToE4('7')).toBe(70_000n);
    expect(decimalToE4('0.00005')).toBe(1n); // rounds half up at the 4th decimal
    expect(decimalToE4('-3.10')).toBe(-31_000n);
  });

  it('refuses what is not a decimal number', () => {
    for (const bad of ['', 'abc', '1,5', '1e5', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, {}]) {
      expect(decimalToE4(bad)).toBeNull();
    }
  });

  it('rounds to minor units half away from zero', () => {
    expect(e4ToMinor(1_234_550n)).toBe(12_346);
    expect(e4ToMinor(1_234_549n)).toBe(12_345);
    expect(e4ToMinor(-1_234_550n)).toBe(-12_346);
    expect(decimalToMinor('0.1')).toBe(10);
  });

  it('sums the way a float cannot', () => {
    const lines = Array.from({ length: 10 }, () => decimalToE4('0.1')!);
    expect(e4ToMinor(lines.reduce((a, b) => a + b, 0n))).toBe(100);
  });

  it('prints minor units as a plain decimal', () => {
    expect(minorToDecimal(12_345)).toBe('123.45');
    expect(minorToDecimal(5)).toBe('0.05');
    expect(minorToDecimal(-250)).toBe('-2.50');
  });
});
