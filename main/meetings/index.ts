/** The meetings feature's public entry. */
export { createMeetingsFeature, type MeetingsFeature } from './meetings-feature.js';
export { ROSTER_POLL_MS } from './roster-sync.js';
