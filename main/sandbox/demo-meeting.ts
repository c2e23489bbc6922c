/**
 * Demo mode's running meeting: a newcomer opens "Meetings", types its number and sees a roster
 * with a host, someone in the lobby and someone who left, and can call a room or phone in (it
 * answers after a few seconds).
 */
import type { MeetingsControl } from './meetings-state.js';

export const DEMO_MEETING_NUMBER = '26345551234';
export const DEMO_CALLOUT_ANSWER_MS = 4_000;

export function seedDemoMeeting(meetings: MeetingsControl): void {
  meetings.setCalloutBehavior({ answerAfterMs: DEMO_CALLOUT_ANSWER_MS });
  meetings.addMeeting({
    title: 'Weekly team sync',
    meetingNumber: DEMO_MEETING_NUMBER,
    hostEmail: 'reception@example.com',
    hostDisplayName: 'Reception',
    participants: [
      { displayName: 'Reception', email: 'reception@example.com', host: true, video: 'on' },
      { displayName: 'Ana Silva', email: 'ana.silva@example.com', coHost: true, video: 'on' },
      { displayName: 'Priya Natarajan', email: 'priya@example.com', muted: true },
      { displayName: 'Sam Rivera', email: 'sam.rivera@example.com', state: 'lobby' },
      { displayName: 'Lee Chen', email: 'lee.chen@example.com', state: 'end' },
    ],
  });
}
