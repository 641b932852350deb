// A labelled drop-down: the visible label wraps the <select>, so clicking it focuses the list and screen readers name
// it, the same way on every screen.
import type { CSSProperties } from 'react';

export interface SelectOption {
  value: string | number;
  label: string;
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  emptyOption,
  testId,
  className,
  style,
  disabled,
  describedBy,
}: {
  label: string;
  value: string;
  /** The chosen option's value, as the string the <select> holds ('' for the empty option). */
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Text of a first option with the value '' (e.g. "All" in a filter, "—" for no choice yet). */
  emptyOption?: string;
  testId?: string;
  /** Extra classes next to `field` (e.g. `grow`). */
  className?: string;
  style?: CSSProperties;
  disabled?: boolean;
  /** id of the element that explains the field (a hint under it). */
  describedBy?: string;
}) {
  return (
    <label className={className ? `field ${className}` : 'field'} style={style}>
      <span>{label}</span>
      <select
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
