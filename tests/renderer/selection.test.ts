// The orders list's selection model (stores/selection.ts): toggling, Shift ranges from the anchor (replacing or added
// to the selection), select-all capped at what one bulk request may carry, and unloaded rows left out of a range.
import { describe, expect, it } from 'vitest';
import { BULK_MAX_ORDERS } from '../../shared/bulk';
import {
  EMPTY_SELECTION,
  isSelected,
  selectAll,
  selectedCount,
  selectedRefs,
  selectRange,
  toggle,
  type OrderRef,
} from '../../renderer/src/stores/selection';

const ref = (i: number): OrderRef => ({ accountId: 1, orderId: 100 + i });
const loaded = (i: number) => ref(i);
const ids = (s: typeof EMPTY_SELECTION) =>
  selectedRefs(s)
    .map((r) => r.orderId - 100)
    .sort((a, b) => a - b);

describe('order selection', () => {
  it('toggles one row on and off, and the row becomes the anchor', () => {
    const one = toggle(EMPTY_SELECTION, 3, ref(3));
    expect(isSelected(one, ref(3))).toBe(true);
    expect(one.anchor).toBe(3);
    const two = toggle(one, 5, ref(5));
    expect(ids(two)).toEqual([3, 5]);
    expect(ids(toggle(two, 3, ref(3)))).toEqual([5]);
  });

  it('selects the range from the anchor with Shift, in either direction, replacing the selection', () => {
    const start = toggle(toggle(EMPTY_SELECTION, 9, ref(9)), 4, ref(4));
    expect(ids(selectRange(start, 7, loaded))).toEqual([4, 5, 6, 7]);
    expect(ids(selectRange(start, 1, loaded))).toEqual([1, 2, 3, 4]);
    // The anchor stays, so the range can be changed again (Shift+click elsewhere, Shift+Arrow on).
    expect(selectRange(start, 7, loaded).anchor).toBe(4);
  });

  it('adds the range to the selection with Ctrl/Cmd+Shift', () => {
    const start = toggle(toggle(EMPTY_SELECTION, 9, ref(9)), 4, ref(4));
    expect(ids(selectRange(start, 6, loaded, true))).toEqual([4, 5, 6, 9]);
  });

  it('starts a range at the row itself when nothing set an anchor', () => {
    expect(ids(selectRange(EMPTY_SELECTION, 2, loaded))).toEqual([2]);
  });

  it('leaves rows that are not loaded out of a range', () => {
    const start = toggle(EMPTY_SELECTION, 0, ref(0));
    const sparse = (i: number) => (i % 2 === 0 ? ref(i) : undefined);
    expect(ids(selectRange(start, 5, sparse))).toEqual([0, 2, 4]);
  });

  it(`never holds more than ${BULK_MAX_ORDERS} orders`, () => {
    const many = Array.from({ length: BULK_MAX_ORDERS + 20 }, (_, i) => ref(i));
    const all = selectAll(many);
    expect(selectedCount(all)).toBe(BULK_MAX_ORDERS);
    expect(selectedCount(toggle(all, 700, ref(700)))).toBe(BULK_MAX_ORDERS);
    expect(selectedCount(selectRange({ ...EMPTY_SELECTION, anchor: 0 }, BULK_MAX_ORDERS + 10, loaded))).toBe(
      BULK_MAX_ORDERS,
    );
  });
});
