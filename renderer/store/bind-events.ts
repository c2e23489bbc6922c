import type { CallDeckApi } from '../../preload/contract';
import type { AppStore } from './types';

/** Keeps the live-source status in step with main: the event first, then the initial value. */
export function bindEvents(api: CallDeckApi, store: AppStore): () => void {
  let disposed = false;
  let sawEvent = false;
  const unsubscribe = api.events.onChanged((live) => {
    if (disposed) return;
    sawEvent = true;
    store.getState().events.setLive(live);
  });
  void api.events
    .status()
    .then((result) => {
      if (!disposed && !sawEvent && result.ok) store.getState().events.setLive(result.value);
    })
    .catch(() => undefined);
  return () => {
    disposed = true;
    unsubscribe();
  };
}
