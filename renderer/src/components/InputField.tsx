// A labelled text, number, date or time box: the visible label wraps the <input> (so it names it and clicking it
// focuses it), with an optional hint under it, the same way on every form. The hint sits outside the label and is
// tied to the box by aria-describedby, so a screen reader reads it as a description, not as part of the name.
import { useId, type CSSProperties, type InputHTMLAttributes, type ReactNode } from 'react';

export function InputField({
  label,
  hint,
  error,
  className,
  style,
  testId,
  ...input
}: {
  label: ReactNode;
  /** A short explanation shown under the box. */
  hint?: ReactNode;
  /** What is wrong with the value, shown under the box (and announced with it). */
  error?: ReactNode;
  /** Extra classes next to `field` (e.g. `grow`). */
  className?: string;
  style?: CSSProperties;
  testId?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'style'>) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'} style={style}>
      <label>
        <span>{label}</span>
        <input {...input} data-testid={testId} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      </label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId} data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      )}
    </div>
  );
}
