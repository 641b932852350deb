// Which table columns fit a width: each column declares a priority (1 = always shown, higher numbers hide first) and
// its narrowest width; the lowest-priority columns go until the rest fits. A new column (e.g. a selection checkbox)
// only declares its own priority to take part.

export interface SizedColumn {
  id: string;
  /** A CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'. */
  width: string;
  /** 1 (default) is always shown; 2, 3, … hide in turn, highest first, when the table is too narrow. */
  priority?: number;
}

/** The narrowest a track can be, in px: '120px' → 120, 'minmax(140px, 2fr)' → 140, anything else → 0. */
export function minTrackWidth(track: string): number {
  const match = /^\s*(?:minmax\(\s*)?(\d+(?:\.\d+)?)px/.exec(track);
  return match ? Number(match[1]) : 0;
}

/**
 * The ids of the columns shown in `available` px: all when they fit (or when the width is not known yet), else the
 * columns of priority 1 plus as many of the next priorities, in order, as fit whole. Columns of one priority show or
 * hide together, so the order of the rest stays predictable.
 */
export function visibleColumnIds(columns: readonly SizedColumn[], available: number | null): Set<string> {
  const all = new Set(columns.map((c) => c.id));
  if (available === null || available <= 0) return all;
  const priorityOf = (c: SizedColumn) => c.priority ?? 1;
  const total = (shown: readonly SizedColumn[]) => shown.reduce((sum, c) => sum + minTrackWidth(c.width), 0);
  if (total(columns) <= available) return all;
  const levels = [...new Set(columns.map(priorityOf))].sort((a, b) => a - b);
  let shown = columns.filter((c) => priorityOf(c) <= (levels[0] ?? 1));
  for (const level of levels.slice(1)) {
    const next = columns.filter((c) => priorityOf(c) <= level);
    if (total(next) > available) break;
    shown = next;
  }
  return new Set(shown.map((c) => c.id));
}
