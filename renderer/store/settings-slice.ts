import type { SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<'settings'> = (set) => ({
  values: null,
  setValues(values) {
    set((s) => ({ settings: { ...s.settings, values } }));
  },
});
