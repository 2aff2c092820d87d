import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { captureFocus } from '../shell/captureFocus';

/**
 * A modal dialog on the native <dialog>: focus moves into it and stays there, the page behind is
 * inert, Esc or the Close button closes it, and focus returns to what had it before.
 */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The dialog's own buttons, shown before Close (e.g. Export). */
  actions?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const restoreFocus = captureFocus();
    // showModal is missing only in test DOMs; an open <dialog> is still a dialog there.
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      if (!dialog.contains(document.activeElement)) {
        dialog.querySelector<HTMLElement>('input, button, select, textarea, [tabindex]')?.focus();
      }
    }
    return () => {
      if (dialog?.open && typeof dialog.close === 'function') dialog.close();
      restoreFocus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Handled here, so the list behind does not also act on this Esc (closing its pane).
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        {actions}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
