// Which table columns stay when the window is narrow: priority 1 always, then higher priorities in turn.
import { describe, expect, it } from 'vitest';
import { minTrackWidth, visibleColumnIds } from '../../renderer/src/components/columnPriority';

const ORDERS = [
  { id: 'id', width: '95px', priority: 1 },
  { id: 'created', width: '145px', priority: 2 },
  { id: 'customer', width: 'minmax(140px, 2fr)', priority: 1 },
  { id: 'locality', width: 'minmax(100px, 1fr)', priority: 5 },
  { id: 'total', width: '115px', priority: 1 },
  { id: 'payment', width: '130px', priority: 4 },
  { id: 'status', width: '130px', priority: 1 },
  { id: 'account', width: 'minmax(115px, 1fr)', priority: 1 },
  { id: 'ack', width: '110px', priority: 3 },
];
const ids = (set: Set<string>) => ORDERS.map((c) => c.id).filter((id) => set.has(id));

describe('column priorities', () => {
  it('reads the narrowest width of a grid track', () => {
    expect(minTrackWidth('120px')).toBe(120);
    expect(minTrackWidth('minmax(140px, 2fr)')).toBe(140);
    expect(minTrackWidth('1fr')).toBe(0);
  });

  it('shows every column when they fit or when the width is not measured yet', () => {
    expect(ids(visibleColumnIds(ORDERS, 1085))).toHaveLength(9);
    expect(ids(visibleColumnIds(ORDERS, null))).toHaveLength(9);
  });

  it('hides the lowest priorities first and keeps status, account and the main columns', () => {
    // A 1024 px window with the nav collapsed leaves about 910 px to the table.
    expect(ids(visibleColumnIds(ORDERS, 910))).toEqual([
      'id',
      'created',
      'customer',
      'total',
      'status',
      'account',
      'ack',
    ]);
    // Narrower still: only priority 1.
    expect(ids(visibleColumnIds(ORDERS, 600))).toEqual(['id', 'customer', 'total', 'status', 'account']);
    // Priority 1 never hides, even when it does not fit (the table scrolls sideways instead).
    expect(ids(visibleColumnIds(ORDERS, 300))).toEqual(['id', 'customer', 'total', 'status', 'account']);
  });

  it('lets a new column take part by declaring its priority (e.g. a selection checkbox)', () => {
    const withSelect = [{ id: 'select', width: '36px', priority: 1 }, ...ORDERS];
    // 36 px more for the checkbox: at 880 px the confirmation column gives way, not status or account.
    const shown = visibleColumnIds(withSelect, 880);
    expect(shown.has('select')).toBe(true);
    expect(shown.has('ack')).toBe(false);
    expect(shown.has('status') && shown.has('account')).toBe(true);
  });
});
