import type { CallDeckApi } from '../../preload/contract';
import type { AppStore } from './types';

/** Keeps the notices slice in step with main: the event first, then the initial list. Returns the disposer. */
export function bindNotices(api: CallDeckApi, store: AppStore): () => void {
  let disposed = false;
  let sawEvent = false;
  const unsubscribe = api.notices.onChanged((list) => {
    if (disposed) return;
    sawEvent = true;
    store.getState().notices.apply(list);
  });
  void api.notices
    .list()
    .then((result) => {
      if (disposed || sawEvent) return;
      if (result.ok) store.getState().notices.apply(result.value);
      else store.getState().ui.pushError("Couldn't load notices", result.error);
    })
    .catch(() => undefined);
  return () => {
    disposed = true;
    unsubscribe();
  };
}
