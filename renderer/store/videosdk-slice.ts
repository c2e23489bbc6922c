import type { VideoSdkSnapshot } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface VideoSdkSlice {
  /** Null until main first answers. */
  snapshot: VideoSdkSnapshot | null;
  apply(snapshot: VideoSdkSnapshot): void;
}

/** VideoSDK SIP calls as main last reported them; main polls only while the region is shown. */
export const createVideoSdkSlice: SliceCreator<'videosdk'> = (set) => ({
  snapshot: null,
  apply(snapshot) {
    set((s) => ({ videosdk: { ...s.videosdk, snapshot } }));
  },
});
