/**
 * The built-in line's Webex Meetings: each meeting is a series (32 hex), its scheduled meeting
 * (`<series>_<yyyymmdd>T<hhmmss>Z`) and, while it runs, its instance (`<series>_I_<digits>`), with a
 * roster (a host, people in the lobby, people who left) and call-outs that ring and then join or go
 * unanswered. The rules are the contract's: only the host lists the roster; the host or a cohost
 * acts on it; a user must have joined to call out or cancel; expel wins over admit and muted; an
 * in-progress instance is listed only some time after it starts ("may take longer"). The routes in
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
  /** The call-out's invitationCorrelationId, shown as the device's correlationId. */
  readonly correlationId?: string;
}

export interface SandboxMeeting {
  /** The in-progress instance: `<series>_I_<digits>`; participant ids start with it. */
  readonly id: string;
  readonly seriesId: string;
  /** The scheduled meeting this instance runs: `<series>_<yyyymmdd>T<hhmmss>Z`. */
  readonly scheduledId: string;
  /** When List Meetings starts showing the instance (epoch ms); null: not during this test. */
  readonly listedAt: number | null;
  /** Whether the line's user has joined (call-out and cancel need it). */
  joined: boolean;
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
  /** Whether the line's user has joined the meeting; default true. */
  joined?: boolean;
  /**
   * How long after the start List Meetings shows the in-progress instance. Default
   * INSTANCE_LISTING_DELAY_MS ("will try … 15 minutes after the meeting starts"); null: never.
   */
  listedAfterMs?: number | null;
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
  /** Fields added to (or replacing fields of) the call-out answer: Webex adds fields and values over time. */
  answerExtras?: Record<string, unknown>;
}

/** How the rest of the world acts on the line's meetings (tests, demo mode). */
export interface MeetingsControl {
  addMeeting(input: MeetingInput): SandboxMeeting;
  addParticipant(meetingId: string, input: ParticipantInput): SandboxParticipant;
  /** Someone leaves on their own (state end). */
  leave(participantId: string): void;
  /** The line's user joins (or leaves) the meeting in Webex, not through the API. */
  setJoined(meetingId: string, joined: boolean): void;
  /** The line's user's role changes (the host hands the meeting over, or makes them cohost). */
  setRole(meetingId: string, role: SandboxMeetingRole): void;
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

/** The line's words; Webex's own are not documented. */
export const NOT_HOST_MESSAGE = 'The user must be the meeting host or a cohost.';
export const ROSTER_HOST_ONLY_MESSAGE = 'The user must be the meeting host or have an Administrator role to list participants.';
export const NOT_JOINED_MESSAGE = 'The user must join the meeting before invoking the API.';
/** "The API will try to return details of an `inProgress` meeting 15 minutes after the meeting starts." */
export const INSTANCE_LISTING_DELAY_MS = 15 * 60_000;
/** "This API limits the maximum size of `items` in the request body to 100." */
export const ADMIT_MAX_ITEMS = 100;

export type MeetingsBook = ReturnType<typeof createMeetingsBook>;

/** Someone came into the meeting (not into its lobby) or left it; what meetingParticipants webhooks report. */
export interface ParticipantMove {
  readonly meeting: SandboxMeeting;
  readonly participant: SandboxParticipant;
  readonly event: 'joined' | 'left';
}

const MEETING_STATE = { meetingSeries: 'active', scheduledMeeting: 'ready', meeting: 'inProgress' } as const;
export const meetingStateOf = (kind: keyof typeof MEETING_STATE) => MEETING_STATE[kind];

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('').replace(/^0/, '1');
/** 2026-12-03T20:30:00.000Z → 20261203T203000Z, as Webex stamps a scheduled meeting's id. */
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
/** The meeting part of a participant id: everything before its last `_`. */
export const participantPrefix = (id: string) => id.slice(0, Math.max(0, id.lastIndexOf('_')));

export function createMeetingsBook(clock: Clock) {
  let meetings: SandboxMeeting[] = [];
  let pending: PendingCallout[] = [];
  let behavior: CalloutBehavior = { answerAfterMs: null };
  const timers = new Map<string, TimerHandle>();
  const moveListeners = new Set<(move: ParticipantMove) => void>();
  const now = () => new Date(clock.now()).toISOString();

  /** Tells who listens when a participant's state crosses into the meeting or out of it. */
  function moved(meeting: SandboxMeeting, before: SandboxParticipantState | undefined, participant: SandboxParticipant): void {
    const event = participant.state === 'end' && before !== 'end' ? 'left' : participant.state === 'joined' && before !== 'joined' ? 'joined' : undefined;
    if (event === undefined) return;
    for (const listener of moveListeners) listener({ meeting, participant, event });
  }

  /** An instance, its scheduled meeting or its series all name the meeting. */
  function meetingById(id: string): SandboxMeeting {
    const meeting = meetings.find((m) => m.id === id || m.seriesId === id || m.scheduledId === id);
    if (!meeting) throw new RequestError(404, `No meeting ${id} is in progress.`);
    return meeting;
  }

  /** "must either have an Administrator role … or be the meeting host": a cohost is refused too. */
  function requireRosterReader(meeting: SandboxMeeting): void {
    if (meeting.role !== 'host') throw new RequestError(403, ROSTER_HOST_ONLY_MESSAGE);
  }

  /** "needs to be the meeting host or co-host". */
  function requireHost(meeting: SandboxMeeting): void {
    if (meeting.role === 'attendee') throw new RequestError(403, NOT_HOST_MESSAGE);
  }

  /** "the user must join the meeting before invoking the API" (call-out and cancel). */
  function requireJoined(meeting: SandboxMeeting): void {
    if (!meeting.joined) throw new RequestError(403, NOT_JOINED_MESSAGE);
  }

  const listed = (m: SandboxMeeting) => m.listedAt !== null && clock.now() >= m.listedAt;

  function findParticipant(id: string): { meeting: SandboxMeeting; participant: SandboxParticipant } {
    for (const meeting of meetings) {
      const participant = meeting.participants.find((p) => p.id === id);
      if (participant) return { meeting, participant };
    }
    throw new RequestError(404, `No participant ${id}.`);
  }

  function replace(meeting: SandboxMeeting, next: SandboxParticipant): SandboxParticipant {
    const before = meeting.participants.find((p) => p.id === next.id)?.state;
    meeting.participants = meeting.participants.map((p) => (p.id === next.id ? next : p));
    moved(meeting, before, next);
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
    const joined: SandboxParticipant = {
      id: callout.participantId,
      displayName: callout.displayName,
      host: false,
      coHost: false,
      muted: false,
      video: callout.addressType === 'sipAddress' ? 'on' : 'off',
      state: 'joined',
      joinedTime: now(),
      address: callout.address,
      correlationId: callout.invitationCorrelationId,
    };
    meeting.participants = [...meeting.participants, joined];
    moved(meeting, undefined, joined);
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
      const start = clock.now();
      const delay = input.listedAfterMs === undefined ? INSTANCE_LISTING_DELAY_MS : input.listedAfterMs;
      const meeting: SandboxMeeting = {
        id: `${seriesId}_I_${digits(18)}`,
        seriesId,
        scheduledId: `${seriesId}_${stamp(new Date(start - (start % 60_000)).toISOString())}`,
        listedAt: delay === null ? null : start + delay,
        joined: input.joined ?? true,
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
      moved(meeting, undefined, participant);
      return participant;
    },
    leave(participantId) {
      const { meeting, participant } = findParticipant(participantId);
      replace(meeting, { ...participant, state: 'end', leftTime: now() });
    },
    setJoined(meetingId, joined) {
      meetingById(meetingId).joined = joined;
    },
    setRole(meetingId, role) {
      const meeting = meetingById(meetingId);
      meetings = meetings.map((m) => (m === meeting ? { ...m, role } : m));
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

    /** Joins and leaves as they happen (not the people a meeting is set up with). */
    onParticipantMove(listener: (move: ParticipantMove) => void): () => void {
      moveListeners.add(listener);
      return () => moveListeners.delete(listener);
    },

    /**
     * GET /meetings as the contract describes it. A number answers the scheduled meeting, or the
     * series with current=false, whatever meetingType and state say. A series id lists its
     * scheduled meeting and its instance (meetingType picks which); the instance only once listed.
     */
    list(query: { meetingNumber?: string | undefined; meetingSeriesId?: string | undefined; meetingType?: string | undefined; state?: string | undefined; current?: string | undefined }) {
      if (query.meetingSeriesId === undefined && query.meetingNumber !== undefined) {
        const kind = query.current === 'false' ? ('meetingSeries' as const) : ('scheduledMeeting' as const);
        return meetings.filter((m) => m.meetingNumber === query.meetingNumber).map((m) => ({ meeting: m, kind }));
      }
      const pool = query.meetingSeriesId !== undefined ? meetings.filter((m) => m.seriesId === query.meetingSeriesId) : meetings;
      const kinds: Array<'meetingSeries' | 'scheduledMeeting' | 'meeting'> =
        query.meetingType === 'meeting' || query.meetingType === 'scheduledMeeting' || query.meetingType === 'meetingSeries'
          ? [query.meetingType]
          : query.meetingSeriesId !== undefined
            ? ['scheduledMeeting', 'meeting']
            : ['meetingSeries'];
      return pool
        .flatMap((m) => kinds.filter((k) => k !== 'meeting' || listed(m)).map((kind) => ({ meeting: m, kind })))
        .filter(({ kind }) => query.state === undefined || query.state === MEETING_STATE[kind]);
    },

    participants(meetingId: string): SandboxParticipant[] {
      const meeting = meetingById(meetingId);
      requireRosterReader(meeting);
      return meeting.participants;
    },

    /** POST /meetingParticipants/admit: at most 100, all with one meeting's prefix. */
    admit(participantIds: readonly string[]): void {
      if (participantIds.length === 0) throw new RequestError(400, 'items must name at least one participant.');
      if (participantIds.length > ADMIT_MAX_ITEMS) throw new RequestError(400, `items can have at most ${ADMIT_MAX_ITEMS} participants.`);
      const prefixes = new Set(participantIds.map(participantPrefix));
      if (prefixes.size !== 1) throw new RequestError(400, 'Each participantId of items should have the same prefix of meetingId.');
      const found = participantIds.map(findParticipant);
      requireHost(found[0]!.meeting);
      for (const { meeting, participant } of found) {
        if (participant.state === 'lobby') replace(meeting, { ...participant, state: 'joined', joinedTime: now() });
      }
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
      requireJoined(meeting);
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
      const meeting = meetingById(callout.meetingId);
      requireHost(meeting);
      requireJoined(meeting);
      stopTimer(participantId);
      pending = pending.filter((p) => p.participantId !== participantId);
    },

    /** What the call-out answer carries besides the documented fields (a scripted Webex change). */
    answerExtras: (): Record<string, unknown> => ({ ...(behavior.answerExtras ?? {}) }),

    dispose(): void {
      for (const id of [...timers.keys()]) stopTimer(id);
    },
  };
}
