import type { Settings } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  values: Settings | null;
  setValues(settings: Settings): void;
}

export const createSettingsSlice: SliceCreator<'settings'> = (set) => ({
  values: null,
  setValues(values) {
    set((s) => ({ settings: { ...s.settings, values } }));
  },
});
