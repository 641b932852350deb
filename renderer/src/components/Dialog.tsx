// A modal dialog: labelled, keeps Tab and focus inside, closes on Escape, and gives focus back to what opened it.
// It fits a short window: the title stays on top, the body scrolls, and a form's `.form-actions` row stays pinned at
// the bottom (CSS), so "Save"/"Send" is always on screen at 768 px tall.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** Open dialogs, innermost last: only the innermost one answers Escape. */
const openDialogs: HTMLElement[] = [];

export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    const first = dialog.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();
    openDialogs.push(dialog);
    // The last element focused inside, to go back to once it can take focus again (a button disabled while busy).
    let lastInside: HTMLElement | null = first;

    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && dialog.contains(e.target) && e.target !== dialog) lastInside = e.target;
    };
    // A focused button that becomes disabled (e.g. "Test connection" while it runs) drops focus to <body>; Chromium
    // sends no event for it, so watch the dialog's subtree and pull focus back in.
    const keepFocusInside = () => {
      const active = document.activeElement;
      if (active && dialog.contains(active)) {
        if (active !== dialog && !active.matches(FOCUSABLE)) dialog.focus();
        else if (active === dialog && lastInside?.isConnected && lastInside.matches(FOCUSABLE)) lastInside.focus();
        return;
      }
      if (openDialogs.at(-1) !== dialog) return;
      if (lastInside?.isConnected && lastInside.matches(FOCUSABLE)) lastInside.focus();
      else dialog.focus();
    };
    const observer = new MutationObserver(keepFocusInside);
    observer.observe(dialog, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    // Escape is heard on the whole document, so it still closes the dialog whatever holds focus.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs.at(-1) !== dialog) return;
      e.stopPropagation();
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      observer.disconnect();
      dialog.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown, true);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inside = items.includes(document.activeElement as HTMLElement);
    if (e.shiftKey && (document.activeElement === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </div>
        <div className="dialog-body" data-testid={testId ? `${testId}-body` : undefined}>
          {children}
        </div>
      </div>
    </div>
  );
}
