import type { CallDeckApi } from '../../preload/contract';
import type { AppStore } from './types';

/** Keeps the devices slice in step with main: the event first, then the initial read. Returns the disposer. */
export function bindDevices(api: CallDeckApi, store: AppStore): () => void {
  let disposed = false;
  let sawEvent = false;
  const unsubscribe = api.devices.onChanged((info) => {
    if (disposed) return;
    sawEvent = true;
    store.getState().devices.apply(info);
  });
  void api.devices
    .get()
    .then((result) => {
      // Devices are an extra: without them "Use device" is simply not shown.
      if (!disposed && !sawEvent && result.ok) store.getState().devices.apply(result.value);
    })
    .catch(() => undefined);
  return () => {
    disposed = true;
    unsubscribe();
  };
}
