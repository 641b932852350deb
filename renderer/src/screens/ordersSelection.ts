// The orders list's multi-select: the table's gestures applied to the selection model (stores/selection.ts).
// Ctrl/Cmd+A selects every order of the current view (filters and search), read from main since the table holds only
// the pages in view; the selection is cleared when the view changes, so a bulk action never reaches orders the seller
// no longer sees.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_MAX_ORDERS } from '../../../shared/bulk';
import type { OrderSummary } from '../../../shared/domain';
import { call } from '../api/client';
import type { RowSelection, SelectHow } from '../components/VirtualTable';
import { cleanOrdersQuery, useOrders } from '../stores/orders';
import {
  isSelected,
  selectAll,
  selectedCount,
  selectRange,
  toggle,
  useSelection,
  type OrderRef,
} from '../stores/selection';

const refOf = (o: OrderSummary): OrderRef => ({ accountId: o.accountId, orderId: o.id });

/** Every order of the current view, the first BULK_MAX_ORDERS at most; `capped` when there were more. */
export async function selectWholeView(): Promise<void> {
  const query = useOrders.getState().query;
  const page = await call('orders.list', { ...cleanOrdersQuery(query), offset: 0, limit: BULK_MAX_ORDERS });
  useSelection.getState().set(selectAll(page.rows.map(refOf)), page.total > BULK_MAX_ORDERS);
}

export function useOrdersSelection(): RowSelection<OrderSummary> {
  const { t } = useTranslation();
  const selection = useSelection();
  const query = useOrders((s) => s.query);
  const total = useOrders((s) => s.total);

  useEffect(() => {
    useSelection.getState().clear();
  }, [query]);

  return useMemo(() => {
    const count = selectedCount(selection);
    const refAt = (index: number) => {
      const row = useOrders.getState().rowAt(index);
      return row ? refOf(row) : undefined;
    };
    return {
      isSelected: (row) => isSelected(selection, refOf(row)),
      onSelect: (index: number, row: OrderSummary, how: SelectHow, from?: number) => {
        const current = useSelection.getState();
        if (how === 'toggle') {
          current.set(toggle(current, index, refOf(row)));
          return;
        }
        const anchored = current.anchor === null && from !== undefined ? { ...current, anchor: from } : current;
        current.set(selectRange(anchored, index, refAt, how === 'rangeAdd'));
      },
      onSelectAll: () => void selectWholeView().catch(() => undefined),
      onClear: () => useSelection.getState().clear(),
      allState: count === 0 ? 'none' : count >= Math.min(total, BULK_MAX_ORDERS) ? 'all' : 'some',
      rowLabel: (row) => t('bulk.selectOrder', { id: row.id }),
      allLabel: t('bulk.selectAll'),
    };
  }, [selection, total, t]);
}
