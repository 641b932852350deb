// A plain (not virtualized) table for short lists: column headers from a list, the rows from the caller. Keeps the
// header markup (scope, right-aligned numbers) the same on every screen.
import type { ReactNode } from 'react';

export interface SimpleColumn {
  header: string;
  /** Numbers and counts read better right-aligned. */
  align?: 'right';
}

export function SimpleTable({
  columns,
  children,
  testId,
  compact = true,
  scroll = true,
}: {
  columns: SimpleColumn[];
  /** The <tr> rows of the body. */
  children: ReactNode;
  testId?: string;
  compact?: boolean;
  /** Wrap in a horizontally scrollable box (wide tables in narrow windows). */
  scroll?: boolean;
}) {
  const table = (
    <table className={compact ? 'table compact' : 'table'} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            // Column lists are fixed per table, so the position is a stable key.
            <th key={i} scope="col" className={c.align === 'right' ? 'align-right' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className="table-wrap">{table}</div> : table;
}
