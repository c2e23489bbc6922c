import type { CallDeckApi, DesktopState } from '../../preload/contract';
import type { AppStore } from './types';

/**
 * Keeps the desktop slice in step with main: the event first, then the initial state (an event
 * that arrives meanwhile is newer than that answer). When the tray asked for Settings, main is
 * told they are open, so a reload does not open them again. Returns the disposer.
 */
export function bindDesktop(api: CallDeckApi, store: AppStore): () => void {
  let disposed = false;
  let sawEvent = false;
  let acknowledging = false;
  const state = () => store.getState();

  function apply(desktop: DesktopState) {
    state().desktop.apply(desktop);
    if (desktop.settingsRequested && !acknowledging) {
      acknowledging = true;
      void api.desktop
        .settingsShown()
        .catch(() => undefined)
        .finally(() => (acknowledging = false));
    }
  }

  const unsubscribe = api.desktop.onChanged((desktop) => {
    if (disposed) return;
    sawEvent = true;
    apply(desktop);
  });
  void api.desktop
    .get()
    .then((result) => {
      if (disposed || sawEvent) return;
      if (result.ok) apply(result.value);
      else state().ui.pushError("Couldn't load the desktop settings", result.error);
    })
    .catch(() => undefined);

  return () => {
    disposed = true;
    unsubscribe();
  };
}
