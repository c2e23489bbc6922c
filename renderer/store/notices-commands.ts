import type { AppStore } from './types';

/** What the window asks about notices: only to dismiss one once it has been read. */
export function createNoticesCommands(store: AppStore) {
  return {
    async dismiss(id: string) {
      const result = await store.getState().app.act(`notice:${id}`, "Couldn't dismiss the notice", (api) => api.notices.dismiss({ id }));
      // The answer is the list that is left; the event says the same, but need not arrive first.
      if (result?.ok) store.getState().notices.apply(result.value);
      return result;
    },
  };
}
