/**
 * What the line's `meetingParticipants` webhooks say when someone joins or leaves. The contract
 * names only the events ("joined - A participant joined", "left - A participant left") and no
 * payload, and says nothing of whose meetings a user's webhook hears about, so the line does the
 * less convenient thing in each:
 * - only meetings its user hosts (a cohost's webhook hears nothing);
 * - every meeting its user hosts, whatever the webhook's `filter` says (the app must pick its own);
 * - nothing when someone arrives in the lobby, only when they are in the meeting;
 * - `data` carries the participant and the instance's `meetingId`, and no `eventTimestamp`.
 */
import type { ParticipantMove } from './meetings-state.js';
import type { LineEvent } from './webhooks-state.js';

export function meetingEvent(move: ParticipantMove): LineEvent | undefined {
  const { meeting, participant, event } = move;
  if (meeting.role !== 'host') return undefined;
  return {
    resource: 'meetingParticipants',
    event,
    data: {
      id: participant.id,
      meetingId: meeting.id,
      hostEmail: meeting.hostEmail,
      displayName: participant.displayName,
      ...(participant.email !== undefined ? { email: participant.email } : {}),
      host: participant.host,
      coHost: participant.coHost,
      muted: participant.muted,
      video: participant.video,
      state: participant.state,
      joinedTime: participant.joinedTime,
      ...(participant.leftTime !== undefined ? { leftTime: participant.leftTime } : {}),
    },
  };
}
