import type { MeetingsSnapshot } from '../../preload/contract';
import { keepUnchanged } from './keep-unchanged';
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
    // Unchanged participants keep their objects, so only changed roster rows render.
    set((s) => ({
      meetings: { ...s.meetings, snapshot: { ...snapshot, participants: keepUnchanged(s.meetings.snapshot?.participants ?? [], snapshot.participants) } },
    }));
  },
  setViewOpen(viewOpen) {
    set((s) => ({ meetings: { ...s.meetings, viewOpen } }));
  },
});
