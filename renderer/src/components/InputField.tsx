// A labelled text, number, date or time box: the visible label wraps the <input> (so it names it and clicking it
// focuses it), with an optional hint under it, the same way on every form.
import type { CSSProperties, InputHTMLAttributes, ReactNode } from 'react';

export function InputField({
  label,
  hint,
  className,
  style,
  testId,
  ...input
}: {
  label: ReactNode;
  /** A short explanation shown under the box. */
  hint?: ReactNode;
  /** Extra classes next to `field` (e.g. `grow`). */
  className?: string;
  style?: CSSProperties;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'style'>) {
  return (
    <label className={className ? `field ${className}` : 'field'} style={style}>
      <span>{label}</span>
      <input {...input} data-testid={testId} />
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}
