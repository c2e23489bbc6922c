import type { SliceCreator } from './types';

/** VideoSDK SIP calls as main last reported them; main polls only while the region is shown. */
export const createVideoSdkSlice: SliceCreator<'videosdk'> = (set) => ({
  snapshot: null,
  apply(snapshot) {
    set((s) => ({ videosdk: { ...s.videosdk, snapshot } }));
  },
});
