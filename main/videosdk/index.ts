/** The VideoSDK feature's public entry; other modules import only this. */
export { createVideoSdkFeature, POLL_IDLE_MS, POLL_LIVE_MS, WATCH_LEASE_MS, type VideoSdkFeature, type VideoSdkFeatureDeps } from './videosdk-feature.js';
export type { VideoSdkAccess } from '../providers/videosdk/videosdk-access.js';
export { statusWords, type StatusWords } from './status-words.js';
