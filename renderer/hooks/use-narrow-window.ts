import { useSyncExternalStore } from 'react';

/** The width at which the layout becomes one column (styles.css uses the same breakpoint). */
export const NARROW_QUERY = '(max-width: 760px)';

// Environments without layout (jsdom) have no matchMedia: they are treated as wide.
const query = (): MediaQueryList | undefined => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : undefined);

function subscribe(listener: () => void): () => void {
  const list = query();
  list?.addEventListener('change', listener);
  return () => list?.removeEventListener('change', listener);
}

/** Whether the window is one column wide. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false);
}
