/** The meetings feature's public entry. */
export { createMeetingsFeature, type MeetingsFeature } from './meetings-feature.js';
export { lineMeetings, meetingScopesMissing, type LineMeetings, type MeetingScopeFacts } from './line-meetings.js';
