/**
 * The built-in line's Webex Meetings: in-progress meetings with a roster (a host, people in the
 * lobby, people who left), call-outs that ring and then join or go unanswered, and the rules the
 * real service applies (host or cohost only, expel wins over admit and muted). The routes in
 * meetings-routes.ts put this on the wire; tests and demo mode script it through `MeetingsControl`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CALLOUT_RING_MS } from '../../preload/common/meetings.js';
import type { Clock, TimerHandle } from '../core/ports.js';
import { RequestError } from './routes.js';

export type SandboxParticipantState = 'lobby' | 'joined' | 'breakoutSession' | 'end';
/** What the line's own user is in a meeting; only a host or cohost may read or steer the roster. */
export type SandboxMeetingRole = 'host' | 'cohost' | 'attendee';

export interface SandboxParticipant {
  readonly id: string;
  readonly displayName: string;
  readonly email?: string;
  readonly host: boolean;
  readonly coHost: boolean;
  readonly muted: boolean;
  readonly video: 'on' | 'off';
  readonly state: SandboxParticipantState;
  readonly joinedTime: string;
  readonly leftTime?: string;
  /** Set for people who came in through a call-out. */
  readonly address?: string;
}

export interface SandboxMeeting {
  readonly id: string;
  readonly seriesId: string;
  readonly meetingNumber: string;
  readonly title: string;
  readonly hostEmail: string;
  readonly hostDisplayName: string;
  readonly role: SandboxMeetingRole;
  readonly start: string;
  participants: SandboxParticipant[];
}

export interface PendingCallout {
  readonly participantId: string;
  readonly meetingId: string;
  readonly address: string;
  readonly addressType: 'sipAddress' | 'phoneNumber';
  readonly displayName: string;
  readonly invitationCorrelationId: string;
  readonly startedAt: string;
}

export interface MeetingInput {
  title: string;
  /** Digits, e.g. "26345551234". */
  meetingNumber: string;
  /** The line's user in this meeting; default host. */
  role?: SandboxMeetingRole;
  hostEmail?: string;
  hostDisplayName?: string;
  participants?: ParticipantInput[];
}

export interface ParticipantInput {
  displayName: string;
  email?: string;
  host?: boolean;
  coHost?: boolean;
  muted?: boolean;
  video?: 'on' | 'off';
  state?: SandboxParticipantState;
}

export interface CalloutBehavior {
  /** The called party answers after this many ms; null: nobody answers and ringing stops at 30 s. */
  answerAfterMs: number | null;
}

/** How the rest of the world acts on the line's meetings (tests, demo mode). */
export interface MeetingsControl {
  addMeeting(input: MeetingInput): SandboxMeeting;
  addParticipant(meetingId: string, input: ParticipantInput): SandboxParticipant;
  /** Someone leaves on their own (state end). */
  leave(participantId: string): void;
  setCalloutBehavior(behavior: CalloutBehavior): void;
  /** The called party picks up now: the pending call-out joins the roster. */
  answer(participantId: string): void;
  meetings(): SandboxMeeting[];
  pendingCallouts(): PendingCallout[];
  reset(): void;
}

export interface CalloutInput {
  meetingId?: string | undefined;
  meetingNumber?: string | undefined;
  address: string;
  addressType: 'sipAddress' | 'phoneNumber';
  displayName: string;
  invitationCorrelationId?: string | undefined;
}

export interface UpdateInput {
  muted?: boolean | undefined;
  admit?: boolean | undefined;
  expel?: boolean | undefined;
}

export const NOT_HOST_MESSAGE = 'Only the meeting host or a cohost can do this.';

export type MeetingsBook = ReturnType<typeof createMeetingsBook>;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function createMeetingsBook(clock: Clock) {
  let meetings: SandboxMeeting[] = [];
  let pending: PendingCallout[] = [];
  let behavior: CalloutBehavior = { answerAfterMs: null };
  const timers = new Map<string, TimerHandle>();
  const now = () => new Date(clock.now()).toISOString();

  function meetingById(id: string): SandboxMeeting {
    const meeting = meetings.find((m) => m.id === id || m.seriesId === id);
    if (!meeting) throw new RequestError(404, `No meeting ${id} is in progress.`);
    return meeting;
  }

  function requireHost(meeting: SandboxMeeting): void {
    if (meeting.role === 'attendee') throw new RequestError(403, NOT_HOST_MESSAGE);
  }

  function findParticipant(id: string): { meeting: SandboxMeeting; participant: SandboxParticipant } {
    for (const meeting of meetings) {
      const participant = meeting.participants.find((p) => p.id === id);
      if (participant) return { meeting, participant };
    }
    throw new RequestError(404, `No participant ${id}.`);
  }

  function replace(meeting: SandboxMeeting, next: SandboxParticipant): SandboxParticipant {
    meeting.participants = meeting.participants.map((p) => (p.id === next.id ? next : p));
    return next;
  }

  function newParticipant(meeting: SandboxMeeting, input: ParticipantInput): SandboxParticipant {
    const at = now();
    const state = input.state ?? 'joined';
    return {
      id: `${meeting.id}_${randomUUID()}`,
      displayName: input.displayName,
      ...(input.email !== undefined ? { email: input.email } : {}),
      host: input.host ?? false,
      coHost: input.coHost ?? false,
      muted: input.muted ?? false,
      video: input.video ?? 'off',
      state,
      joinedTime: at,
      ...(state === 'end' ? { leftTime: at } : {}),
    };
  }

  function stopTimer(participantId: string): void {
    const handle = timers.get(participantId);
    if (handle !== undefined) clock.clearTimeout(handle);
    timers.delete(participantId);
  }

  /** Ringing ends: answered (the person joins the roster) or not (they are simply gone). */
  function endRinging(participantId: string, answered: boolean): void {
    stopTimer(participantId);
    const callout = pending.find((p) => p.participantId === participantId);
    if (!callout) return;
    pending = pending.filter((p) => p.participantId !== participantId);
    const meeting = meetings.find((m) => m.id === callout.meetingId);
    if (!answered || !meeting) return;
    meeting.participants = [
      ...meeting.participants,
      {
        id: callout.participantId,
        displayName: callout.displayName,
        host: false,
        coHost: false,
        muted: false,
        video: callout.addressType === 'sipAddress' ? 'on' : 'off',
        state: 'joined',
        joinedTime: now(),
        address: callout.address,
      },
    ];
  }

  function ring(callout: PendingCallout): void {
    const answerAfter = behavior.answerAfterMs;
    const answers = answerAfter !== null && answerAfter < CALLOUT_RING_MS;
    timers.set(
      callout.participantId,
      clock.setTimeout(() => endRinging(callout.participantId, answers), answers ? answerAfter : CALLOUT_RING_MS),
    );
  }

  const control: MeetingsControl = {
    addMeeting(input) {
      const seriesId = hex(16);
      const meeting: SandboxMeeting = {
        id: `${seriesId}_I_${String(clock.now()).slice(-12)}${String(meetings.length)}`,
        seriesId,
        meetingNumber: input.meetingNumber,
        title: input.title,
        hostEmail: input.hostEmail ?? 'reception@example.com',
        hostDisplayName: input.hostDisplayName ?? 'Reception',
        role: input.role ?? 'host',
        start: now(),
        participants: [],
      };
      meeting.participants = (input.participants ?? []).map((p) => newParticipant(meeting, p));
      meetings = [...meetings, meeting];
      return meeting;
    },
    addParticipant(meetingId, input) {
      const meeting = meetingById(meetingId);
      const participant = newParticipant(meeting, input);
      meeting.participants = [...meeting.participants, participant];
      return participant;
    },
    leave(participantId) {
      const { meeting, participant } = findParticipant(participantId);
      replace(meeting, { ...participant, state: 'end', leftTime: now() });
    },
    setCalloutBehavior(next) {
      behavior = { ...next };
    },
    answer(participantId) {
      if (!pending.some((p) => p.participantId === participantId)) throw new Error(`No call-out ${participantId} is ringing.`);
      endRinging(participantId, true);
    },
    meetings: () => meetings.map((m) => ({ ...m, participants: [...m.participants] })),
    pendingCallouts: () => [...pending],
    reset() {
      for (const id of [...timers.keys()]) stopTimer(id);
      meetings = [];
      pending = [];
      behavior = { answerAfterMs: null };
    },
  };

  return {
    control,

    /** GET /meetings: with a number, every object for it (series and instance), whatever the filters. */
    list(query: { meetingNumber?: string | undefined; meetingType?: string | undefined; state?: string | undefined }) {
      if (query.meetingNumber !== undefined) {
        return meetings.filter((m) => m.meetingNumber === query.meetingNumber).flatMap((m) => [
          { meeting: m, kind: 'meetingSeries' as const },
          { meeting: m, kind: 'meeting' as const },
        ]);
      }
      if (query.state !== undefined && query.state !== 'inProgress') return [];
      if (query.meetingType !== undefined && query.meetingType !== 'meeting') {
        return meetings.map((m) => ({ meeting: m, kind: 'meetingSeries' as const }));
      }
      return meetings.map((m) => ({ meeting: m, kind: 'meeting' as const }));
    },

    participants(meetingId: string): SandboxParticipant[] {
      const meeting = meetingById(meetingId);
      requireHost(meeting);
      return meeting.participants;
    },

    update(participantId: string, input: UpdateInput): SandboxParticipant {
      const { meeting, participant } = findParticipant(participantId);
      requireHost(meeting);
      if (participant.state === 'end') throw new RequestError(404, `${participant.displayName} has left the meeting.`);
      // Webex: expel takes precedence over admit and muted.
      if (input.expel === true) return replace(meeting, { ...participant, state: 'end', leftTime: now() });
      let next = participant;
      if (input.admit === true && next.state === 'lobby') next = { ...next, state: 'joined', joinedTime: now() };
      if (input.muted !== undefined) next = { ...next, muted: input.muted };
      return replace(meeting, next);
    },

    callout(input: CalloutInput): PendingCallout & { meetingNumber: string } {
      const meeting =
        input.meetingId !== undefined
          ? meetingById(input.meetingId)
          : meetings.find((m) => m.meetingNumber === input.meetingNumber);
      if (!meeting) throw new RequestError(404, `No meeting ${input.meetingNumber ?? ''} is in progress.`);
      requireHost(meeting);
      const correlation = input.invitationCorrelationId ?? randomUUID();
      if (pending.some((p) => p.invitationCorrelationId === correlation)) {
        throw new RequestError(409, 'A call-out with this invitationCorrelationId is already ringing.');
      }
      const callout: PendingCallout = {
        participantId: `${meeting.id}_${randomUUID()}`,
        meetingId: meeting.id,
        address: input.address,
        addressType: input.addressType,
        displayName: input.displayName,
        invitationCorrelationId: correlation,
        startedAt: now(),
      };
      pending = [...pending, callout];
      ring(callout);
      return { ...callout, meetingNumber: meeting.meetingNumber };
    },

    cancelCallout(participantId: string): void {
      const callout = pending.find((p) => p.participantId === participantId);
      if (!callout) throw new RequestError(404, `No call-out ${participantId} is ringing.`);
      requireHost(meetingById(callout.meetingId));
      stopTimer(participantId);
      pending = pending.filter((p) => p.participantId !== participantId);
    },

    dispose(): void {
      for (const id of [...timers.keys()]) stopTimer(id);
    },
  };
}
