import type { Result, StartedSipCall, StartSipCallArgs } from '../../preload/contract';
import type { AppStore } from './types';

export const VIDEOSDK_KEYS = {
  start: 'videosdk:start',
  end: (callId: string) => `videosdk:end:${callId}`,
} as const;

/**
 * Everything the VideoSDK region asks of main. Failures are shown inside the region, next to what
 * failed, so they are not also pushed to the app's message list.
 */
export function createVideoSdkCommands(store: AppStore) {
  const state = () => store.getState();
  const inline = { report: () => false };
  return {
    start(args: StartSipCallArgs): Promise<Result<StartedSipCall> | null> {
      return state().app.act(VIDEOSDK_KEYS.start, "Couldn't start the SIP call", (api) => api.videosdk.start(args), inline);
    },
    end(callId: string): Promise<Result<null> | null> {
      return state().app.act(VIDEOSDK_KEYS.end(callId), "Couldn't end the SIP call", (api) => api.videosdk.end({ callId }), inline);
    },
    /** Shown (open) or hidden; the answer is the current list. */
    async watch(open: boolean): Promise<void> {
      const api = state().app.bridge;
      if (!api) return;
      try {
        const result = await api.videosdk.watch({ open });
        if (result.ok) state().videosdk.apply(result.value);
      } catch {
        // The next event or renewal brings the list; a lost watch message is not worth an alert.
      }
    },
  };
}
