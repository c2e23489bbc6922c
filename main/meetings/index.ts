/** The meetings feature's public entry. */
export { createMeetingsFeature, type MeetingsFeature } from './meetings-feature.js';
export type { LineMeetings } from './line-meetings.js';
export { lineMeetings } from './line-meetings.js';
