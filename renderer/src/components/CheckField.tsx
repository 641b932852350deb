// A labelled checkbox, the same way on every form: the label wraps the box (clicking the text toggles it), with an
// optional hint under it.
import type { CSSProperties } from 'react';

export function CheckField({
  label,
  hint,
  checked,
  onChange,
  style,
  testId,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <div style={style}>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
        <span>{label}</span>
      </label>
      {hint && <div className="muted small">{hint}</div>}
    </div>
  );
}
