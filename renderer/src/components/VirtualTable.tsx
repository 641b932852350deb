// A keyboard-navigable table that renders only the rows in view, asking its store for pages as the user scrolls.
// Rows are ARIA rows in a div grid because a virtualized <table> cannot position rows absolutely.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  id: string;
  header: string;
  /** A CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'. */
  width: string;
  align?: 'right' | 'center';
  /** Set when main can sort by this column. */
  sortField?: string;
  render(row: T): ReactNode;
}

/**
 * A cell's text on one line, cut with "…" so it never spills out of the fixed-height row; none shows as "—".
 * With `tooltip` the whole text shows on hover.
 */
export function CellText({ text, tooltip = false }: { text: string | null; tooltip?: boolean }) {
  return (
    <span className="ellipsis" title={tooltip ? (text ?? undefined) : undefined}>
      {text ?? '—'}
    </span>
  );
}

/**
 * The sort after a click on a sortable header: the same column flips direction, another column starts with
 * `firstDir` (newest first for dates, A to Z for names).
 */
export function toggledSort<F extends string>(
  current: { field: F; dir: 'asc' | 'desc' },
  field: F,
  firstDir: 'asc' | 'desc',
): { field: F; dir: 'asc' | 'desc' } {
  const other = firstDir === 'asc' ? 'desc' : 'asc';
  return { field, dir: current.field === field && current.dir === firstDir ? other : firstDir };
}

/** How a Shift or Ctrl/Cmd gesture selects: one row, the range from the anchor, or the range added to the rest. */
export type SelectHow = 'toggle' | 'range' | 'rangeAdd';

/** Multi-select (issue 17 §2): a checkbox column, Ctrl/Cmd+click, Shift+click, Space, Shift+Arrow, Ctrl/Cmd+A, Escape. */
export interface RowSelection<T> {
  isSelected(row: T): boolean;
  /** `from`: the focused row before a Shift+Arrow, where the range starts when nothing set an anchor yet. */
  onSelect(index: number, row: T, how: SelectHow, from?: number): void;
  onSelectAll(): void;
  onClear(): void;
  allState: 'none' | 'some' | 'all';
  rowLabel(row: T): string;
  allLabel: string;
}

const gestureOf = (e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectHow | null =>
  e.shiftKey ? (e.ctrlKey || e.metaKey ? 'rangeAdd' : 'range') : e.ctrlKey || e.metaKey ? 'toggle' : null;

export interface VirtualTableProps<T> {
  label: string;
  columns: Column<T>[];
  count: number;
  rowAt(index: number): T | undefined;
  ensureRange(start: number, end: number): void;
  rowKey(row: T): string;
  rowTestId?(row: T): string;
  rowClassName?(row: T): string;
  onOpen?(row: T): void;
  sort?: { field: string; dir: 'asc' | 'desc' };
  onSort?(field: string): void;
  emptyText: string;
  loaded: boolean;
  testId?: string;
  rowHeight?: number;
  select?: RowSelection<T>;
}

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, count, rowAt, ensureRange, rowHeight = 38, onOpen } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusRequested, setFocusRequested] = useState(false);
  const { select } = props;
  const gridTemplateColumns = [...(select ? ['36px'] : []), ...columns.map((c) => c.width)].join(' ');

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render on purpose
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, count, ensureRange]);

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  // Moving with the keyboard may scroll a row into existence; focus it once it is rendered.
  useEffect(() => {
    if (!focusRequested) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      el.focus();
      setFocusRequested(false);
    }
  }, [focusRequested, active, first, last]);

  function move(to: number) {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusRequested(true);
  }

  /** The selection's keys; true when the key was one of them. */
  function onSelectionKey(e: React.KeyboardEvent): boolean {
    if (!select) return false;
    const row = rowAt(active);
    if (e.key === ' ' && row) {
      select.onSelect(active, row, 'toggle');
    } else if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const to = Math.max(0, Math.min(count - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      const target = rowAt(to);
      if (target) select.onSelect(to, target, 'range', active);
      move(to);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      select.onSelectAll();
    } else if (e.key === 'Escape' && select.allState !== 'none') {
      select.onClear();
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (onSelectionKey(e)) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row && onOpen) onOpen(row);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  return (
    <div className="vtable" role="table" aria-label={props.label} aria-rowcount={count + 1} data-testid={props.testId}>
      <div className="vrow vhead" role="row" style={{ gridTemplateColumns }} aria-rowindex={1}>
        {select && (
          <div role="columnheader" className="vcell vcell-check">
            <input
              type="checkbox"
              aria-label={select.allLabel}
              checked={select.allState === 'all'}
              ref={(el) => {
                if (el) el.indeterminate = select.allState === 'some';
              }}
              onChange={() => (select.allState === 'none' ? select.onSelectAll() : select.onClear())}
              data-testid={props.testId ? `${props.testId}-select-all` : undefined}
            />
          </div>
        )}
        {columns.map((c) => {
          const sorted = props.sort && c.sortField === props.sort.field ? props.sort.dir : null;
          return (
            <div
              key={c.id}
              role="columnheader"
              className={`vcell${c.align ? ` align-${c.align}` : ''}`}
              aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sortField && props.onSort ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => props.onSort?.(c.sortField!)}
                  data-testid={`sort-${c.id}`}
                >
                  {c.header}
                  <span aria-hidden="true" className="sort-mark">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="vbody" role="rowgroup" onKeyDown={onKeyDown}>
        {props.loaded && count === 0 && <div className="empty">{props.emptyText}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style: CSSProperties = {
              gridTemplateColumns,
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (!row) {
              return (
                <div
                  key={`loading-${item.index}`}
                  className="vrow vrow-loading"
                  role="row"
                  style={style}
                  aria-rowindex={item.index + 2}
                >
                  <div role="cell" className="vcell muted">
                    {t('common.loading')}
                  </div>
                </div>
              );
            }
            return (
              <div
                key={props.rowKey(row)}
                data-index={item.index}
                data-testid={props.rowTestId?.(row)}
                className={`vrow${props.rowClassName ? ` ${props.rowClassName(row)}` : ''}${onOpen ? ' clickable' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={item.index === active ? 0 : -1}
                style={style}
                aria-selected={select ? select.isSelected(row) : undefined}
                onClick={(e) => {
                  setActive(item.index);
                  const how = select ? gestureOf(e) : null;
                  if (how) select!.onSelect(item.index, row, how);
                  else onOpen?.(row);
                }}
                onFocus={() => setActive(item.index)}
              >
                {select && (
                  <div role="cell" className="vcell vcell-check" onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={select.rowLabel(row)}
                      checked={select.isSelected(row)}
                      onChange={() => undefined}
                      onClick={(e) => {
                        setActive(item.index);
                        select.onSelect(item.index, row, e.shiftKey ? 'range' : 'toggle');
                      }}
                      data-testid={props.rowTestId ? `select-${props.rowTestId(row)}` : undefined}
                    />
                  </div>
                )}
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={`vcell${c.align ? ` align-${c.align}` : ''}`}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
