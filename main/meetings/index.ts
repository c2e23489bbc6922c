/** The meetings feature's public entry. */
export { createMeetingsFeature, type MeetingsFeature } from './meetings-feature.js';
