import type { SliceCreator } from './types';

/** What main says about Webex Meetings, and whether the Meetings view is showing. */
export const createMeetingsSlice: SliceCreator<'meetings'> = (set) => ({
  snapshot: null,
  viewOpen: false,
  apply(snapshot) {
    set((s) => ({ meetings: { ...s.meetings, snapshot } }));
  },
  setViewOpen(viewOpen) {
    set((s) => ({ meetings: { ...s.meetings, viewOpen } }));
  },
});
