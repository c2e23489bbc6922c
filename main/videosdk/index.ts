/** The VideoSDK feature's public entry; other modules import only this. */
export { createVideoSdkFeature, POLL_IDLE_MS, POLL_LIVE_MS, WATCH_LEASE_MS, type VideoSdkAccess, type VideoSdkFeature, type VideoSdkFeatureDeps } from './videosdk-feature.js';
export { statusWords, type StatusWords } from './status-words.js';
