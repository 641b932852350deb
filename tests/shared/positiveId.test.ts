// eMAG ids as numbers or text: the one reader of them that the AWB block, the courier lists and the order mapping use.
import { describe, expect, it } from 'vitest';
import { positiveIdOf } from '../../shared/positiveId';

describe('positiveIdOf', () => {
  it('reads a positive whole id from a number or its digits', () => {
    expect(positiveIdOf(8801)).toBe(8801);
    expect(positiveIdOf('8801')).toBe(8801);
    expect(positiveIdOf(' 8801 ')).toBe(8801);
    expect(positiveIdOf(12.0)).toBe(12);
  });

  it('reads nothing else as an id', () => {
    for (const value of [
      '',
      ' ',
      '0',
      0,
      -3,
      '-3',
      1.5,
      '1.5',
      '1e3',
      'Cluj',
      null,
      undefined,
      {},
      [7],
      2 ** 60,
      NaN,
    ]) {
      expect(positiveIdOf(value)).toBeNull();
    }
  });
});
