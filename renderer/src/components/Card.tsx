// A titled panel of a screen. With `empty`, it says so in one muted line instead of showing an empty list or table.
import type { ReactNode } from 'react';

export function Card({
  title,
  testId,
  empty = false,
  emptyText,
  children,
}: {
  title: string;
  testId?: string;
  /** True when there is nothing to list: `emptyText` is shown instead of the children. */
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}) {
  return (
    <div className="card" data-testid={testId}>
      <h2>{title}</h2>
      {empty ? <p className="muted">{emptyText}</p> : children}
    </div>
  );
}
