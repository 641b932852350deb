// @vitest-environment jsdom
// The small shared building blocks the screens are made of: what the seller (and a screen reader) gets from each.
import { act, cleanup, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FilterBar,
  listChoice,
  SEARCH_DEBOUNCE_MS,
  SearchField,
  useDebouncedSearch,
} from '../../renderer/src/components/FilterBar';
import { InputField } from '../../renderer/src/components/InputField';
import { AccountFilter } from '../../renderer/src/components/AccountFilter';
import { useApp } from '../../renderer/src/stores/app';
import { ACCOUNTS } from './fakeApi';
import { SelectField } from '../../renderer/src/components/SelectField';
import { useGuardedCall } from '../../renderer/src/components/useGuardedCall';
import { CallError } from '../../renderer/src/api/errors';
import { SimpleTable } from '../../renderer/src/components/SimpleTable';
import { Card } from '../../renderer/src/components/Card';
import { CellText, toggledSort } from '../../renderer/src/components/VirtualTable';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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

describe('FilterBar', () => {
  it('is a named search landmark when asked, and Enter in it never submits the page', () => {
    const onEnter = vi.fn();
    const onChange = vi.fn();
    render(
      <FilterBar search label="Filtre">
        <SearchField label="Caută" value="ion" onChange={onChange} onEnter={onEnter} placeholder="nume" testId="q" />
      </FilterBar>,
    );
    const form = screen.getByRole('search', { name: 'Filtre' });
    const box = screen.getByRole('searchbox', { name: 'Caută' }) as HTMLInputElement;
    expect(box).toBe(screen.getByTestId('q'));
    expect(box.maxLength).toBe(200);
    expect(box.placeholder).toBe('nume');
    fireEvent.change(box, { target: { value: 'ionescu' } });
    expect(onChange).toHaveBeenCalledWith('ionescu');
    fireEvent.keyDown(box, { key: 'a' });
    expect(onEnter).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onEnter).toHaveBeenCalledTimes(1);
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
  });

  it('without search it is a plain form (no landmark)', () => {
    const { container } = render(
      <FilterBar>
        <span>x</span>
      </FilterBar>,
    );
    expect(container.querySelector('form.filters')?.hasAttribute('role')).toBe(false);
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('maps a query list to a single choice and back, "All" being the empty list', () => {
    const apply = vi.fn();
    expect(listChoice(undefined, apply).value).toBe('');
    expect(listChoice([], apply).value).toBe('');
    expect(listChoice([3], apply).value).toBe('3');
    expect(listChoice([1, 2], apply).value).toBe('');
    listChoice([3], apply).onChange('');
    listChoice([], apply).onChange('4');
    expect(apply.mock.calls).toEqual([[[]], [[4]]]);
  });

  it('sends the search once typing pauses, and not when the query already holds it', async () => {
    vi.useFakeTimers();
    let applied: string | undefined = 'old';
    const apply = vi.fn((value: string) => {
      applied = value;
    });
    const { result } = renderHook(() => useDebouncedSearch(applied, () => applied, apply));
    expect(result.current[0]).toBe('old');
    act(() => result.current[1]('ne'));
    act(() => result.current[1]('new'));
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1));
    expect(apply).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(2));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenCalledWith('new');
    // The store was reset to the same text meanwhile: nothing to send.
    applied = 'same';
    act(() => result.current[1]('same'));
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1));
    expect(apply).toHaveBeenCalledTimes(1);
  });
});

describe('InputField', () => {
  it('is named by its label, passes the input its attributes and events, and shows a hint under it', () => {
    const onChange = vi.fn();
    render(
      <InputField
        label="Greutate (kg)"
        hint="Cu virgulă sau punct"
        style={{ gridColumn: '1 / -1' }}
        inputMode="decimal"
        maxLength={10}
        required
        value="1"
        onChange={(e) => onChange(e.target.value)}
        testId="w"
      />,
    );
    // The hint describes the box (aria-describedby); it is not part of its name.
    const box = screen.getByRole('textbox', { name: 'Greutate (kg)' }) as HTMLInputElement;
    const hintId = box.getAttribute('aria-describedby');
    expect(hintId && document.getElementById(hintId)?.textContent).toBe('Cu virgulă sau punct');
    expect(box).toBe(screen.getByTestId('w'));
    expect(box.maxLength).toBe(10);
    expect(box.required).toBe(true);
    expect(box.getAttribute('inputmode')).toBe('decimal');
    fireEvent.change(box, { target: { value: '2,5' } });
    expect(onChange).toHaveBeenCalledWith('2,5');
    const field = box.closest('.field') as HTMLElement;
    expect(field.className).toBe('field');
    expect(field.style.gridColumn).toBe('1 / -1');
    expect(field.querySelector('.hint')?.textContent).toBe('Cu virgulă sau punct');
  });

  it('shows no hint element when there is none', () => {
    render(<InputField label="Nume" defaultValue="x" className="grow" />);
    const box = screen.getByRole('textbox', { name: 'Nume' });
    const field = box.closest('.field')!;
    expect(field.className).toBe('field grow');
    expect(field.querySelector('.hint')).toBeNull();
    expect(box.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('useGuardedCall', () => {
  it('is busy while the call runs, keeps the failure as a CallError and clears it when the next call starts', async () => {
    const { result } = renderHook(() => useGuardedCall());
    expect(result.current.error).toBeNull();
    expect(result.current.busy).toBe(false);

    let finish!: () => void;
    let pending!: Promise<boolean>;
    act(() => {
      pending = result.current.guard(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      expect(await pending).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();

    await act(async () => {
      expect(await result.current.guard(() => Promise.reject(new Error('conexiune închisă')))).toBe(false);
    });
    expect(result.current.error).toBeInstanceOf(CallError);
    expect(result.current.error?.kind).toBe('transport');
    expect(result.current.error?.message).toBe('conexiune închisă');
    expect(result.current.busy).toBe(false);

    const refused = new CallError('validation', 'Invalid input', []);
    await act(async () => {
      await result.current.guard(() => Promise.reject(refused));
    });
    expect(result.current.error).toBe(refused);

    await act(async () => {
      await result.current.guard(async () => undefined);
    });
    expect(result.current.error).toBeNull();
  });
});

describe('AccountFilter', () => {
  it('offers "all" and every account of the app\'s store, by id', () => {
    useApp.setState({ accounts: ACCOUNTS });
    const onChange = vi.fn();
    render(<AccountFilter label="Cont" value="" onChange={onChange} testId="acc" />);
    const select = screen.getByRole('combobox', { name: 'Cont' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([['', 'Toate'], ...ACCOUNTS.map((a) => [String(a.id), a.name])]);
    fireEvent.change(select, { target: { value: String(ACCOUNTS[1]!.id) } });
    expect(onChange).toHaveBeenCalledWith(String(ACCOUNTS[1]!.id));
  });
});

describe('CellText', () => {
  it('keeps the text on one cut line, shows "—" for nothing, and the whole text on hover only when asked', () => {
    const { container } = render(
      <>
        <CellText text="Ion Popescu-Ionescu" tooltip />
        <CellText text="Magazin RO" />
        <CellText text={null} tooltip />
      </>,
    );
    const [withTip, plain, none] = Array.from(container.querySelectorAll('span'));
    expect(withTip!.className).toBe('ellipsis');
    expect(withTip!.title).toBe('Ion Popescu-Ionescu');
    expect(plain!.textContent).toBe('Magazin RO');
    expect(plain!.hasAttribute('title')).toBe(false);
    expect(none!.textContent).toBe('—');
    expect(none!.hasAttribute('title')).toBe(false);
  });

  it('renders eMAG text as text, never as markup', () => {
    const { container } = render(<CellText text={'<img src=x onerror=alert(1)>'} tooltip />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Card', () => {
  it('titles its content with a heading and says "nothing here" instead of an empty list', () => {
    const { rerender } = render(
      <Card title="Vouchere" testId="c" empty emptyText="Niciun voucher">
        <ul data-testid="list" />
      </Card>,
    );
    const card = screen.getByTestId('c');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Vouchere');
    expect(within(card).getByText('Niciun voucher').className).toBe('muted');
    expect(within(card).queryByTestId('list')).toBeNull();
    rerender(
      <Card title="Vouchere" testId="c" empty={false} emptyText="Niciun voucher">
        <ul data-testid="list" />
      </Card>,
    );
    expect(within(screen.getByTestId('c')).getByTestId('list')).toBeTruthy();
    expect(screen.queryByText('Niciun voucher')).toBeNull();
  });
});

describe('toggledSort', () => {
  it('flips the sorted column and starts another one in its first direction', () => {
    expect(toggledSort({ field: 'created', dir: 'desc' }, 'created', 'desc')).toEqual({ field: 'created', dir: 'asc' });
    expect(toggledSort({ field: 'created', dir: 'asc' }, 'created', 'desc')).toEqual({ field: 'created', dir: 'desc' });
    expect(toggledSort({ field: 'created', dir: 'asc' }, 'total', 'desc')).toEqual({ field: 'total', dir: 'desc' });
    expect(toggledSort({ field: 'name', dir: 'asc' }, 'name', 'asc')).toEqual({ field: 'name', dir: 'desc' });
    expect(toggledSort({ field: 'name', dir: 'desc' }, 'price', 'asc')).toEqual({ field: 'price', dir: 'asc' });
  });
});
