// @vitest-environment jsdom
// The small shared building blocks the screens are made of: what the seller (and a screen reader) gets from each.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SimpleTable } from '../../renderer/src/components/SimpleTable';

afterEach(() => cleanup());

describe('SimpleTable', () => {
  it('gives every column a header cell scoped to its column, numbers right-aligned, rows from the caller', () => {
    render(
      <SimpleTable testId="t" columns={[{ header: 'Cont' }, { header: 'Total', align: 'right' }]}>
        <tr>
          <td>A</td>
          <td>5</td>
        </tr>
      </SimpleTable>,
    );
    const table = screen.getByTestId('t');
    expect(table.className).toBe('table compact');
    expect(table.parentElement?.className).toBe('table-wrap');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Cont', 'Total']);
    expect(headers.map((h) => h.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(headers[0]!.hasAttribute('class')).toBe(false);
    expect(headers[1]!.className).toBe('align-right');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByRole('cell', { name: '5' })).toBeTruthy();
  });

  it('can be roomy and sit without the scroll box', () => {
    const { container } = render(
      <SimpleTable testId="t" compact={false} scroll={false} columns={[{ header: 'Produs' }]}>
        {null}
      </SimpleTable>,
    );
    const table = screen.getByTestId('t');
    expect(table.className).toBe('table');
    expect(container.firstElementChild).toBe(table);
  });
});
