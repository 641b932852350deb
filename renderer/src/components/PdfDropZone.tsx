// A place to drop PDF files, with a button that opens the file picker for keyboard and mouse alike. Dropping anywhere
// inside it is taken over (so the window never navigates to the dropped file).
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

export function PdfDropZone({
  multiple = false,
  onFiles,
  hint,
  buttonLabel,
  disabled = false,
  testId,
}: {
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  hint: ReactNode;
  buttonLabel: string;
  disabled?: boolean;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };
  const hold = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  };
  return (
    <div
      className={over ? 'dropzone dropzone-over' : 'dropzone'}
      data-testid={testId}
      onDragEnter={hold}
      onDragOver={hold}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <span className="dropzone-hint">{hint}</span>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid={`${testId}-pick`}
      >
        {buttonLabel}
      </button>
      <input
        ref={input}
        type="file"
        accept=".pdf,application/pdf"
        multiple={multiple}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = ''; // the same file can be chosen again after a failure
        }}
        data-testid={`${testId}-input`}
      />
    </div>
  );
}
