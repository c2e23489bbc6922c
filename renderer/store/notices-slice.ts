import type { SliceCreator } from './types';

/** Notices from main (a damaged file recovered at start), shown until the person dismisses them. */
export const createNoticesSlice: SliceCreator<'notices'> = (set) => ({
  list: [],
  apply(list) {
    set((s) => ({ notices: { ...s.notices, list } }));
  },
});
