import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Calls change under the user's fingers: pressing "Answer" makes the Answer button disappear.
 * When the focused element inside `container` vanishes, put focus on `fallback()` instead of
 * dropping a keyboard user back at the top of the window. Runs whenever `changeKey` changes.
 */
export function useFocusRescue(
  container: RefObject<HTMLElement | null>,
  changeKey: string,
  fallback: () => HTMLElement | null | undefined,
): void {
  const hadFocus = useRef(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onFocusIn = () => {
      hadFocus.current = true;
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && el.contains(next)) return;
      if (next) {
        hadFocus.current = false;
        return;
      }
      // No new target: either focus left the window / went to the page (the element is still
      // here), or the element was removed, which is exactly the case to rescue.
      const target = event.target;
      queueMicrotask(() => {
        if (target instanceof Node && target.isConnected) hadFocus.current = false;
      });
    };
    el.addEventListener('focusin', onFocusIn);
    el.addEventListener('focusout', onFocusOut);
    return () => {
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);

  useLayoutEffect(() => {
    if (!hadFocus.current) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (lost) fallback()?.focus();
    // Keyed on what is shown, not on the fallback closure, which is new on every render.
  }, [changeKey]);
}
