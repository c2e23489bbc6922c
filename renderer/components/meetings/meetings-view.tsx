import { VideoSdkRegion } from '../videosdk/videosdk-region';

/**
 * The Meetings view: pulling SIP participants into meetings. Holds the VideoSDK region; the Webex
 * meeting region joins it here.
 */
export function MeetingsView() {
  return (
    <div className="meetings-view">
      <VideoSdkRegion />
    </div>
  );
}
