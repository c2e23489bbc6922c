import { useState } from 'react';
import { useAppStore, useStoreApi } from '../store/store-context';
import type { ErrorItem } from '../store/ui-slice';

/**
 * The newest failure of one command since this component mounted. Dialogs show it inline, because
 * the app's error list sits behind the modal; it stays in that list too, for later reference.
 */
export function useLatestError(source: string): ErrorItem | undefined {
  const store = useStoreApi();
  const [since] = useState(() => store.getState().ui.errors[0]?.id ?? 0);
  return useAppStore((s) => s.ui.errors.find((e) => e.source === source && e.id > since));
}
