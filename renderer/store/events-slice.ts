import type { LiveSource } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface EventsSlice {
  /** Which source keeps the calls live; null until main has said. */
  live: LiveSource | null;
  setLive(live: LiveSource): void;
}

export const createEventsSlice: SliceCreator<'events'> = (set) => ({
  live: null,
  setLive(live) {
    set((s) => ({ events: { ...s.events, live } }));
  },
});
