// The orders selected in the list for bulk work (issue 17 §2). The model is pure functions over a small state (the
// selected orders by key, and the anchor a Shift range starts from), so mouse and keyboard share one set of rules and
// the rules are tested without a screen; the store only holds the state. The list is paged and filtered in main, so
// a row is known by its index in the current view (for ranges) and by its order key (for what stays selected).
import { create } from 'zustand';
import { BULK_MAX_ORDERS } from '../../../shared/bulk';

export interface OrderRef {
  accountId: number;
  orderId: number;
}

export interface Selection {
  /** Selected orders by `accountId-orderId`, in the order they were selected. */
  selected: Record<string, OrderRef>;
  /** Index in the view of the row the last plain toggle touched: where a Shift range starts. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { selected: {}, anchor: null };

export const refKey = (ref: OrderRef): string => `${ref.accountId}-${ref.orderId}`;

export const selectedCount = (s: Selection): number => Object.keys(s.selected).length;

export const isSelected = (s: Selection, ref: OrderRef): boolean => refKey(ref) in s.selected;

export const selectedRefs = (s: Selection): OrderRef[] => Object.values(s.selected);

/** Space, Ctrl/Cmd+click or the row's checkbox: flips one row, which becomes the anchor. */
export function toggle(s: Selection, index: number, ref: OrderRef): Selection {
  const selected = { ...s.selected };
  const key = refKey(ref);
  if (key in selected) delete selected[key];
  else if (selectedCount(s) < BULK_MAX_ORDERS) selected[key] = ref;
  return { selected, anchor: index };
}

/**
 * Shift+click or Shift+Arrow: the rows from the anchor to `index` (both included). `add` (Ctrl/Cmd held too) keeps
 * what was selected; otherwise the range replaces it. Rows of the range not loaded yet (`refAt` gives undefined) are
 * left out; the anchor stays where it was so the range can be changed again. Never more than BULK_MAX_ORDERS.
 */
export function selectRange(
  s: Selection,
  index: number,
  refAt: (index: number) => OrderRef | undefined,
  add = false,
): Selection {
  const anchor = s.anchor ?? index;
  const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
  const selected: Record<string, OrderRef> = add ? { ...s.selected } : {};
  let count = Object.keys(selected).length;
  for (let i = from; i <= to && count < BULK_MAX_ORDERS; i++) {
    const ref = refAt(i);
    if (!ref || refKey(ref) in selected) continue;
    selected[refKey(ref)] = ref;
    count += 1;
  }
  return { selected, anchor };
}

/** Ctrl/Cmd+A: every order of the view (the caller reads them from main), the first BULK_MAX_ORDERS at most. */
export function selectAll(refs: readonly OrderRef[]): Selection {
  const selected: Record<string, OrderRef> = {};
  for (const ref of refs.slice(0, BULK_MAX_ORDERS)) selected[refKey(ref)] = ref;
  return { selected, anchor: null };
}

interface SelectionStore extends Selection {
  /** True when Ctrl/Cmd+A met more orders than one bulk request may carry (only the first ones are selected). */
  capped: boolean;
  set(next: Selection, capped?: boolean): void;
  clear(): void;
}

export const useSelection = create<SelectionStore>()((set) => ({
  ...EMPTY_SELECTION,
  capped: false,
  set: (next, capped = false) => set({ selected: next.selected, anchor: next.anchor, capped }),
  clear: () => set({ ...EMPTY_SELECTION, capped: false }),
}));
