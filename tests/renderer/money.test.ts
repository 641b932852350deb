// Money in the window: amounts typed in a form and eMAG's decimals become minor units by integer arithmetic, so no
// amount is off by a ban where a float would round it the wrong way.
import { describe, expect, it } from 'vitest';
import { formatDecimalMoney, formatMoney, parseMajorToMinor } from '../../renderer/src/format/money';

describe('parseMajorToMinor', () => {
  it('reads amounts typed the Romanian or the English way', () => {
    expect(parseMajorToMinor('12,50')).toBe(1250);
    expect(parseMajorToMinor('12.50')).toBe(1250);
    expect(parseMajorToMinor('12,5')).toBe(1250);
    expect(parseMajorToMinor(' 1 250,05 ')).toBe(125_005);
    expect(parseMajorToMinor('0')).toBe(0);
    expect(parseMajorToMinor('7')).toBe(700);
  });

  it('is exact where floats are not (0.29 × 100 and 1.15 × 100 are not whole numbers in floating point)', () => {
    expect(parseMajorToMinor('0.29')).toBe(29);
    expect(parseMajorToMinor('1.15')).toBe(115);
    expect(parseMajorToMinor('4.35')).toBe(435);
    expect(parseMajorToMinor('90071992547409.91')).toBe(9_007_199_254_740_991);
  });

  it('refuses what is not an amount: more than two decimals, signs, letters, two separators, nothing', () => {
    for (const bad of ['1.005', '-5', '+5', '12a', '1.2.3', '1,250.50', '.5', '5.', '', '   ', '1e3']) {
      expect(parseMajorToMinor(bad)).toBeNull();
    }
  });
});

describe('formatMoney', () => {
  it('writes the amount then the code in both languages, as the notifications do (not "RON 7,668.99")', () => {
    expect(formatMoney(766_899, 'RON', 'ro')).toBe('7.668,99\u00a0RON');
    expect(formatMoney(766_899, 'RON', 'en')).toBe('7,668.99\u00a0RON');
    expect(formatMoney(-1_500, 'RON', 'en')).toBe('-15.00\u00a0RON');
    expect(formatMoney(123_456, 'HUF', 'ro')).toBe('1.234,56\u00a0HUF');
  });
});

describe('formatDecimalMoney', () => {
  it("shows eMAG's decimals exactly, rounding half up at the second decimal", () => {
    expect(formatDecimalMoney('123.4500', 'RON', 'en')).toBe(formatMoney(12_345, 'RON', 'en'));
    // 1.005 × 100 is 100.49999999999999 as a float: rounded, a ban short.
    expect(formatDecimalMoney('1.005', 'RON', 'en')).toBe(formatMoney(101, 'RON', 'en'));
    expect(formatDecimalMoney('-2.5', 'BGN', 'ro')).toBe(formatMoney(-250, 'BGN', 'ro'));
  });

  it('keeps text that is not a decimal as it is, and a missing price as a dash', () => {
    expect(formatDecimalMoney('n/a', 'RON', 'en')).toBe('n/a');
    expect(formatDecimalMoney(null, 'RON', 'en')).toBe('—');
  });
});
