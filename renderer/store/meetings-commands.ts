import type { MeetingParticipant, PendingCallout, Result } from '../../preload/contract';
import type { ActOptions } from './app-slice';
import type { AppStore } from './types';

export const OPEN_MEETING_KEY = 'meetings:open';
export const CALLOUT_KEY = 'meetings:callout';
export const ADMIT_ALL_KEY = 'meetings:admitAll';
export const meetingKey = (participantId: string, action: string) => `meeting:${participantId}:${action}`;

/** Failures the form shows itself (next to the field) rather than in the error list. */
const inline: ActOptions = { report: () => false };
const inlineInvalid: ActOptions = { report: (error) => error.code !== 'invalid-input' };

export type MeetingsCommands = ReturnType<typeof createMeetingsCommands>;

/** Everything the Meetings view asks main to do, each through the store's `act`. */
export function createMeetingsCommands(store: AppStore) {
  const state = () => store.getState();
  const act = state().app.act;

  return {
    /** The view opened: main starts polling the open meeting's roster. */
    async watch(): Promise<void> {
      const result = await state().app.act('meetings:watch', "Couldn't start following the meeting", (api) => api.meetings.watch());
      if (result?.ok) state().meetings.apply(result.value);
    },
    /** The view closed: main stops polling. Nothing to show if it fails; the next watch resets it. */
    async unwatch(): Promise<void> {
      await state().app.act('meetings:unwatch', "Couldn't stop following the meeting", (api) => api.meetings.unwatch(), inline);
    },
    async open(meeting: string): Promise<Result<unknown> | null> {
      const result = await state().app.act(OPEN_MEETING_KEY, "Couldn't open the meeting", (api) => api.meetings.open({ meeting }), inline);
      if (result?.ok) state().meetings.apply(result.value);
      return result;
    },
    mute: (p: MeetingParticipant) =>
      act(meetingKey(p.id, 'mute'), `Couldn't mute ${p.displayName}`, (api) => api.meetings.mute({ participantId: p.id })),
    unmute: (p: MeetingParticipant) =>
      act(meetingKey(p.id, 'mute'), `Couldn't unmute ${p.displayName}`, (api) => api.meetings.unmute({ participantId: p.id })),
    admit: (p: MeetingParticipant) =>
      act(meetingKey(p.id, 'admit'), `Couldn't admit ${p.displayName}`, (api) => api.meetings.admit({ participantId: p.id })),
    admitAll: () => act(ADMIT_ALL_KEY, "Couldn't admit everyone from the lobby", (api) => api.meetings.admitAll()),
    expel: (p: MeetingParticipant) =>
      act(meetingKey(p.id, 'expel'), `Couldn't expel ${p.displayName}`, (api) => api.meetings.expel({ participantId: p.id })),
    callout: (address: string, displayName: string) =>
      act(CALLOUT_KEY, `Couldn't call ${displayName || address} into the meeting`, (api) => api.meetings.callout({ address, displayName }), inlineInvalid),
    cancelCallout: (c: PendingCallout) =>
      act(meetingKey(c.participantId, 'cancel'), `Couldn't cancel the call-out to ${c.displayName}`, (api) =>
        api.meetings.cancelCallout({ participantId: c.participantId }),
      ),
    dismissCallout: (c: PendingCallout) =>
      act(meetingKey(c.participantId, 'dismiss'), "Couldn't remove the call-out", (api) => api.meetings.dismissCallout({ participantId: c.participantId })),
  };
}
