import type { Notice } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface NoticesSlice {
  /** What main recovered from damaged files; shown until dismissed. */
  list: Notice[];
  apply(list: Notice[]): void;
}

/** Notices from main (a damaged file recovered at start), shown until the person dismisses them. */
export const createNoticesSlice: SliceCreator<'notices'> = (set) => ({
  list: [],
  apply(list) {
    set((s) => ({ notices: { ...s.notices, list } }));
  },
});
