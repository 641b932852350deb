// The filter row above a list: the form (Enter never reloads the page), a debounced search box, and the mapping
// between a query's lists and a single-choice drop-down where '' means "All".
import { useState, type ReactNode } from 'react';
import { InputField } from './InputField';
import { useDebouncedEffect } from './useDebounced';

/** How long the seller may pause typing before the search is sent to main. */
export const SEARCH_DEBOUNCE_MS = 300;

export function FilterBar({
  label,
  search = false,
  children,
}: {
  /** Accessible name of the form (needed when a page has more than one). */
  label?: string;
  /** Marks the bar as the page's search landmark. */
  search?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className="filters"
      role={search ? 'search' : undefined}
      onSubmit={(e) => e.preventDefault()}
      aria-label={label}
    >
      {children}
    </form>
  );
}

export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  onEnter,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Search at once on Enter instead of waiting for the pause. */
  onEnter?: () => void;
  testId?: string;
}) {
  return (
    <InputField
      className="grow"
      label={label}
      type="search"
      value={value}
      maxLength={200}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onEnter ? (e) => e.key === 'Enter' && onEnter() : undefined}
      testId={testId}
    />
  );
}

/**
 * The text in a search box, sent with `apply` once the seller pauses typing, unless the query already holds it
 * (`applied` reads the store at that moment, so a reset in between is not undone).
 */
export function useDebouncedSearch(
  initial: string | undefined,
  applied: () => string | undefined,
  apply: (search: string) => void,
): [string, (value: string) => void] {
  const [search, setSearch] = useState(initial ?? '');
  useDebouncedEffect(search, SEARCH_DEBOUNCE_MS, (value) => {
    if ((applied() ?? '') !== value) apply(value);
  });
  return [search, setSearch];
}

/**
 * `value` and `onChange` for a single-choice drop-down that edits a list in the query: it shows the list's one value,
 * or '' ("All") for none or several; choosing "All" puts the empty list (no restriction), anything else a list of one.
 */
export function listChoice<V extends number>(
  values: readonly V[] | undefined,
  apply: (values: V[]) => void,
): { value: string; onChange: (value: string) => void } {
  return {
    value: values?.length === 1 ? String(values[0]) : '',
    onChange: (value) => apply(value === '' ? [] : [Number(value) as V]),
  };
}
