import { describe, expect, it } from 'vitest';
import { offerStateOf, type OfferState } from '../../shared/offerState';

describe('offerStateOf: from eMAG status and stock', () => {
  const cases: [number | null, number | null, OfferState][] = [
    // The issue: 59, 212 and 17 in stock were labelled "Stoc epuizat"; stock 0 said "Activă".
    [1, 59, 'active'],
    [1, 212, 'active'],
    [1, 17, 'active'],
    [1, 1, 'active'],
    [1, 0, 'out-of-stock'],
    [1, -2, 'out-of-stock'],
    [1, null, 'active'],
    [0, 0, 'inactive'],
    [0, 59, 'inactive'],
    [0, null, 'inactive'],
    [2, 0, 'end-of-life'],
    [2, 59, 'end-of-life'],
    [2, null, 'end-of-life'],
    [null, 5, 'unknown'],
    [null, null, 'unknown'],
    [7, 5, 'unknown'],
  ];
  it.each(cases)('status %s, stock %s: %s', (status, stock, state) => {
    expect(offerStateOf({ status, stock })).toBe(state);
  });
});
