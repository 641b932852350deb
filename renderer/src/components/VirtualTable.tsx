// A keyboard-navigable table that renders only the rows in view, asking its store for pages as the user scrolls.
// Rows are ARIA rows in a div grid because a virtualized <table> cannot position rows absolutely.
// Too narrow a window hides the lowest-priority columns first (columnPriority.ts); with a `memoryKey` the table
// remembers its scroll position and focused row while its screen is closed (open an order, come back).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleColumnIds } from './columnPriority';

export interface Column<T> {
  id: string;
  header: string;
  /** A CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'; its px minimum counts when columns must hide. */
  width: string;
  /** 1 (default) is always shown; higher numbers hide first when the table is too narrow (see columnPriority.ts). */
  priority?: number;
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
  /** Remember scroll position and focused row under this name while the table is unmounted. */
  memoryKey?: string;
}

interface TableMemory {
  offset: number;
  active: number;
  /** Whether a row had focus when the table went away (so coming back puts focus on it again). */
  focused: boolean;
}

/** Scroll position and focused row of tables whose screen is closed, by `memoryKey`, for this window's lifetime. */
const memories = new Map<string, TableMemory>();

/** Forgets remembered table positions (tests). */
export function forgetTableMemories(): void {
  memories.clear();
}

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { count, rowAt, ensureRange, rowHeight = 38, onOpen, memoryKey } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [remembered] = useState(() => (memoryKey ? memories.get(memoryKey) : undefined));
  const [active, setActive] = useState(remembered?.active ?? 0);
  const [focusRequested, setFocusRequested] = useState(remembered?.focused ?? false);
  const place = useRef<TableMemory>({ offset: remembered?.offset ?? 0, active, focused: false });
  const [bodyWidth, setBodyWidth] = useState<number | null>(null);
  const [scrollbar, setScrollbar] = useState(0);

  // The body's inner width decides which columns fit; the header leaves room for the body's scrollbar.
  useLayoutEffect(() => {
    const body = scrollRef.current;
    if (!body) return;
    const measure = () => {
      setBodyWidth(body.clientWidth);
      setScrollbar(body.offsetWidth - body.clientWidth);
    };
    measure();
    // Back on a remembered table: scroll to where the seller was (the rows' total height is already laid out).
    if (remembered) body.scrollTop = remembered.offset;
    if (typeof ResizeObserver === 'undefined') return; // (jsdom) measured once
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, [remembered]);

  const { select } = props;
  // The selection checkboxes take a fixed 36 px column before the others.
  const shown = visibleColumnIds(props.columns, bodyWidth === null ? null : bodyWidth - (select ? 36 : 0));
  const columns = props.columns.filter((c) => shown.has(c.id));
  const gridTemplateColumns = [...(select ? ['36px'] : []), ...columns.map((c) => c.width)].join(' ');

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render on purpose
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialOffset: remembered?.offset ?? 0,
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

  useEffect(() => {
    place.current.active = active;
  }, [active]);

  // Moving with the keyboard may scroll a row into existence, and its data may still be on its way: try again as the
  // view moves and as the row's data arrives, then focus it (without the browser scrolling it again).
  const activeLoaded = rowAt(active) !== undefined;
  useEffect(() => {
    if (!focusRequested) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusRequested(false);
    }
  }, [focusRequested, active, first, last, activeLoaded]);

  // Remember where the seller was when the screen closes (opening an order unmounts the list).
  useEffect(() => {
    if (!memoryKey) return;
    const memory = place.current;
    return () => {
      memories.set(memoryKey, { ...memory });
    };
  }, [memoryKey]);

  function move(to: number) {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    // Keep focus inside the table while the target row is scrolled in and loaded, not on <body>.
    const body = scrollRef.current;
    if (body && !body.querySelector(`[data-index="${index}"]`)) body.focus({ preventScroll: true });
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
      <div
        className="vrow vhead"
        role="row"
        style={{ gridTemplateColumns, paddingRight: scrollbar }}
        aria-rowindex={1}
        data-columns={columns.map((c) => c.id).join(' ')}
      >
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
              data-column={c.id}
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
      <div
        ref={scrollRef}
        className="vbody"
        role="rowgroup"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          place.current.offset = e.currentTarget.scrollTop;
        }}
        onFocus={() => {
          place.current.focused = true;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) place.current.focused = false;
        }}
      >
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
                  <div
                    key={c.id}
                    role="cell"
                    className={`vcell${c.align ? ` align-${c.align}` : ''}`}
                    data-column={c.id}
                  >
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
