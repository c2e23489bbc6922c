import type { MeetingsSnapshot } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface MeetingsSlice {
  /** Null until main first answers. */
  snapshot: MeetingsSnapshot | null;
  /** Whether the Meetings view is showing (main polls the roster only then). */
  viewOpen: boolean;
  apply(snapshot: MeetingsSnapshot): void;
  setViewOpen(open: boolean): void;
}

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
