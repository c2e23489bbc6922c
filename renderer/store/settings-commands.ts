import type { SettingsPatch } from '../../preload/contract';
import type { AppStore } from './types';

/** What the Settings sections ask of main. */
export function createSettingsCommands(store: AppStore) {
  /** Numbers each save, so its pending key is its own. */
  let saves = 0;

  return {
    /**
     * Saves a settings change the way every section does: shown at once (a controlled input would
     * otherwise snap back until main answers), then settled on what main stored, or put back if
     * main refused (the error goes to the message list).
     */
    save(patch: SettingsPatch): void {
      const state = store.getState();
      const before = state.settings.values;
      if (before) state.settings.setValues({ ...before, ...patch });
      // A key of its own per save: two quick changes must both reach main, in order.
      void state.app.act(`settings:set#${++saves}`, 'Could not save settings', async (api) => {
        const result = await api.settings.set(patch);
        const now = store.getState().settings;
        if (result.ok) now.setValues(result.value);
        else if (before) now.setValues(before);
        return result;
      });
    },
  };
}

export type SettingsCommands = ReturnType<typeof createSettingsCommands>;
