// @vitest-environment jsdom
// The small shared building blocks the screens are made of: what the seller (and a screen reader) gets from each.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SelectField } from '../../renderer/src/components/SelectField';
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

describe('SelectField', () => {
  const options = [
    { value: 1, label: 'Nouă' },
    { value: 2, label: 'În lucru' },
  ];

  it('is named by its visible label, offers the empty choice first and reports the chosen value as text', () => {
    const onChange = vi.fn();
    render(<SelectField label="Stare" value="" onChange={onChange} options={options} emptyOption="Toate" testId="s" />);
    const select = screen.getByRole('combobox', { name: 'Stare' });
    expect(select).toBe(screen.getByTestId('s'));
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([
      ['', 'Toate'],
      ['1', 'Nouă'],
      ['2', 'În lucru'],
    ]);
    fireEvent.change(select, { target: { value: '2' } });
    expect(onChange).toHaveBeenCalledWith('2');
    fireEvent.change(select, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('without an empty choice shows only the options; can be disabled and point at its hint', () => {
    render(
      <>
        <SelectField
          label="Temă"
          value="2"
          onChange={() => undefined}
          options={options}
          disabled
          describedBy="hint"
          className="grow"
        />
        <div id="hint">De ce</div>
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Temă' }) as HTMLSelectElement;
    expect(select.value).toBe('2');
    expect(select.options).toHaveLength(2);
    expect(select.disabled).toBe(true);
    expect(select.getAttribute('aria-describedby')).toBe('hint');
    expect(select.closest('label')?.className).toBe('field grow');
  });
});
