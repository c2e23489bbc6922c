import type { AppStore } from './types';

/** What the window asks about notices: only to dismiss one once it has been read. */
export function createNoticesCommands(store: AppStore) {
  return {
    dismiss(id: string) {
      return store.getState().app.act(`notice:${id}`, "Couldn't dismiss the notice", (api) => api.notices.dismiss({ id }));
    },
  };
}
