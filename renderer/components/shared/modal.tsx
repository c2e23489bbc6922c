import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

/**
 * The element that opened a dialog which is still loading (window/lazy-views): by the time the
 * dialog renders, focus sits in its loading state, so it cannot read its opener from the page.
 */
export const DialogOpener = createContext<Element | null>(null);

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** What gets focus on open; defaults to the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on close if the element that opened the dialog is gone. */
  fallbackFocus?: () => HTMLElement | null;
  /** Sees keys before the modal's own Escape/Tab handling. */
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
  className?: string;
}

/**
 * A modal dialog: focus moves in, Tab stays in, Escape closes, focus returns to the opener.
 * The app behind it is made `inert` by App while a dialog is open.
 */
export function Modal({ title, onClose, children, initialFocus, fallbackFocus, onKeyDown, className }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Read once, at open: by the first effect focus is already inside the dialog.
  const loadedFor = useContext(DialogOpener);
  const [opener] = useState(() => loadedFor ?? document.activeElement);
  const fallbackRef = useRef(fallbackFocus);
  fallbackRef.current = fallbackFocus;

  useEffect(() => {
    (initialFocus?.current ?? tabbables(ref.current)[0] ?? ref.current)?.focus();
    return () => {
      // Passive cleanup runs after the app has lost `inert`, so the opener can take focus.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else fallbackRef.current?.()?.focus();
    };
    // Once per opening, not on every re-render with fresh call data.
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      const items = tabbables(ref.current);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === ref.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={['modal', className].filter(Boolean).join(' ')}
        onKeyDown={handleKeyDown}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {/* A dialog opened from inside this one finds its opener on the page. */}
        <DialogOpener.Provider value={null}>{children}</DialogOpener.Provider>
      </div>
    </div>
  );
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Elements Tab can reach, in order; a radio group counts once (its checked member). */
function tabbables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && !el.hidden,
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
    const checked = group.find((o) => o.checked);
    return checked ? el === checked : el === group[0];
  });
}
