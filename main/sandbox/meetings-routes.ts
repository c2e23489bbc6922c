/**
 * Webex Meetings as the built-in line serves it under /v1: List Meetings (to find a meeting by
 * number) and the Meeting Participants operations CallDeck uses. Shapes and statuses follow Cisco's
 * contracts (webex-meeting-participants, webex-meetings-list); test/contract checks every exchange.
 */
import { z } from 'zod';
import { meetingStateOf, type MeetingsBook, type SandboxMeeting, type SandboxParticipant } from './meetings-state.js';
import { RequestError, type RouteResult } from './routes.js';

export interface MeetingRouteRequest {
  meetings: MeetingsBook;
  body: unknown;
  params: Record<string, string>;
  query: URLSearchParams;
  /** e.g. http://127.0.0.1:PORT/v1, for absolute `Link` targets as Webex sends them. */
  apiBase: string;
}

export interface MeetingRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  operationId: string;
  body?: z.ZodType;
  run(req: MeetingRouteRequest): RouteResult & { headers?: Record<string, string> };
}

const ORG_ID = '1eb65fdf-9643-417f-9974-ad72cae0e10f';
const SITE_URL = 'sandbox.webex.com';
const DEFAULT_PAGE = 10;
const MAX_PAGE = 100;

const SIP_URI = /^sips?:[^\s@]+@[^\s@]+$/i;
/** "Only UUIDs with hyphens are supported. The letters in the UUID must be in lowercase." */
const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * "The maximum length is 32 characters." Webex does not say how it counts; the line takes the
 * strictest likely count, UTF-16 code units (an emoji is two), on its own.
 */
const DISPLAY_NAME_MAX = 32;
const E164 = /^\+[1-9]\d{6,14}$/;

const CalloutBody = z
  .looseObject({
    meetingId: z.string().min(1).optional(),
    meetingNumber: z.string().min(1).optional(),
    address: z.string({ error: 'is required' }).min(1, 'is required'),
    addressType: z.enum(['sipAddress', 'phoneNumber']).optional(),
    invitationCorrelationId: z
      .string()
      .regex(LOWERCASE_UUID, 'must be a UUID with hyphens, letters in lowercase')
      .optional(),
    displayName: z
      .string({ error: 'is required' })
      .min(1, 'is required')
      .refine((name) => name.length <= DISPLAY_NAME_MAX, `must be at most ${DISPLAY_NAME_MAX} characters`),
  })
  .refine((b) => b.meetingId !== undefined || b.meetingNumber !== undefined, 'meetingId or meetingNumber is required')
  .refine(
    (b) => ((b.addressType ?? 'sipAddress') === 'sipAddress' ? SIP_URI.test(b.address) : E164.test(b.address)),
    'address does not match addressType (a sip: URI, or a phone number in E.164 form)',
  );

const CancelBody = z.looseObject({ participantId: z.string({ error: 'is required' }).min(1, 'is required') });

const AdmitBody = z.looseObject({
  items: z.array(z.looseObject({ participantId: z.string({ error: 'is required' }).min(1, 'is required') }), { error: 'is required' }),
});

const UpdateBody = z
  .looseObject({ muted: z.boolean().optional(), admit: z.boolean().optional(), expel: z.boolean().optional() })
  .refine((b) => b.muted !== undefined || b.admit !== undefined || b.expel !== undefined, 'send muted, admit or expel');

function device(p: SandboxParticipant) {
  return {
    correlationId: p.correlationId ?? p.id.slice(-36),
    deviceType: p.address !== undefined ? 'sip' : 'webex_meeting_center_mac',
    audioType: p.address?.startsWith('+') ? 'pstn' : 'voip',
    joinedTime: p.joinedTime,
    ...(p.leftTime !== undefined ? { leftTime: p.leftTime } : {}),
  };
}

/** The fields a participant shows in every answer, whichever endpoint asked. */
function wireParticipantCore(meeting: SandboxMeeting, p: SandboxParticipant) {
  return {
    id: p.id,
    orgId: ORG_ID,
    host: p.host,
    coHost: p.coHost,
    ...(p.email !== undefined ? { email: p.email } : {}),
    displayName: p.displayName,
    invitee: false,
    muted: p.muted,
    video: p.video,
    siteUrl: SITE_URL,
    meetingId: meeting.id,
    hostEmail: meeting.hostEmail,
    devices: [device(p)],
  };
}

function wireParticipant(meeting: SandboxMeeting, p: SandboxParticipant) {
  return {
    ...wireParticipantCore(meeting, p),
    meetingStartTime: meeting.start,
    state: p.state,
    joinedTime: p.joinedTime,
    ...(p.leftTime !== undefined ? { leftTime: p.leftTime } : {}),
  };
}

/** PUT answers an in-progress participant, whose state can only be lobby or joined. */
function wireInProgress(meeting: SandboxMeeting, p: SandboxParticipant) {
  return {
    ...wireParticipantCore(meeting, p),
    ...(p.state === 'lobby' || p.state === 'joined' ? { state: p.state } : {}),
  };
}

type MeetingKind = 'meetingSeries' | 'scheduledMeeting' | 'meeting';

/** One List Meetings item: the series, its scheduled meeting, or the running instance. */
function wireMeeting(m: SandboxMeeting, kind: MeetingKind) {
  const id = kind === 'meetingSeries' ? m.seriesId : kind === 'scheduledMeeting' ? m.scheduledId : m.id;
  return {
    id,
    meetingSeriesId: m.seriesId,
    ...(kind === 'meeting' ? { scheduledMeetingId: m.scheduledId } : {}),
    meetingNumber: m.meetingNumber,
    title: m.title,
    password: 'Sandbox1',
    meetingType: kind,
    state: meetingStateOf(kind),
    timezone: 'UTC',
    start: m.start,
    end: new Date(Date.parse(m.start) + 3600_000).toISOString(),
    hostUserId: Buffer.from(`ciscospark://us/PEOPLE/${m.hostEmail}`).toString('base64url'),
    hostDisplayName: m.hostDisplayName,
    hostEmail: m.hostEmail,
    hostKey: '123456',
    siteUrl: SITE_URL,
    webLink: `https://${SITE_URL}/meet/j.php?MTID=${m.seriesId}`,
    telephony: {
      accessCode: m.meetingNumber,
      callInNumbers: [{ label: 'Call-in toll number (US/Canada)', callInNumber: '+1-415-555-0100', tollType: 'toll' }],
    },
    enabledBreakoutSessions: false,
  };
}

function pageSize(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw new RequestError(400, `max must be a whole number from 1 to ${MAX_PAGE}.`);
  return n;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return schema.parse(body) as z.infer<T>;
}

export const MEETING_ROUTES: readonly MeetingRoute[] = [
  {
    method: 'GET',
    path: '/meetings',
    operationId: 'listMeetings',
    run: ({ meetings, query }) => {
      const items = meetings.list({
        meetingNumber: query.get('meetingNumber') ?? undefined,
        meetingSeriesId: query.get('meetingSeriesId') ?? undefined,
        meetingType: query.get('meetingType') ?? undefined,
        state: query.get('state') ?? undefined,
        current: query.get('current') ?? undefined,
      });
      return { status: 200, body: { items: items.map(({ meeting, kind }) => wireMeeting(meeting, kind)) } };
    },
  },
  {
    method: 'GET',
    path: '/meetingParticipants',
    operationId: 'List Meeting Participants',
    run: ({ meetings, query, apiBase }) => {
      const meetingId = query.get('meetingId');
      if (meetingId === null || meetingId === '') throw new RequestError(400, 'meetingId is required.');
      const max = pageSize(query.get('max'));
      const offset = Number(query.get('offset') ?? '0');
      if (!Number.isInteger(offset) || offset < 0) throw new RequestError(400, 'offset must be a whole number.');
      const all = meetings.participants(meetingId);
      const meeting = meetings.control.meetings().find((m) => m.id === meetingId || m.seriesId === meetingId || m.scheduledId === meetingId);
      const page = all.slice(offset, offset + max);
      const headers: Record<string, string> = {};
      if (offset + max < all.length) {
        const next = new URLSearchParams({ meetingId, max: String(max), offset: String(offset + max) });
        headers.Link = `<${apiBase}/meetingParticipants?${next.toString()}>; rel="next"`;
      }
      return { status: 200, body: { items: meeting ? page.map((p) => wireParticipant(meeting, p)) : [] }, headers };
    },
  },
  {
    method: 'PUT',
    path: '/meetingParticipants/{participantId}',
    operationId: 'Update a Participant',
    body: UpdateBody,
    run: ({ meetings, params, body }) => {
      const id = params.participantId ?? '';
      const updated = meetings.update(id, parse(UpdateBody, body));
      const meeting = meetings.control.meetings().find((m) => m.participants.some((p) => p.id === id));
      if (!meeting) throw new RequestError(404, `No participant ${id}.`);
      return { status: 200, body: wireInProgress(meeting, updated) };
    },
  },
  {
    method: 'POST',
    path: '/meetingParticipants/callout',
    operationId: 'Call Out a SIP Participant',
    body: CalloutBody,
    run: ({ meetings, body }) => {
      const input = parse(CalloutBody, body);
      const c = meetings.callout({
        meetingId: input.meetingId,
        meetingNumber: input.meetingNumber,
        address: input.address,
        addressType: input.addressType ?? 'sipAddress',
        displayName: input.displayName,
        invitationCorrelationId: input.invitationCorrelationId,
      });
      return {
        status: 200,
        body: {
          participantId: c.participantId,
          invitationCorrelationId: c.invitationCorrelationId,
          meetingNumber: c.meetingNumber,
          meetingId: c.meetingId,
          address: c.address,
          addressType: c.addressType,
          displayName: c.displayName,
          state: 'pending',
          ...meetings.answerExtras(),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/meetingParticipants/admit',
    operationId: 'Admit Participants',
    body: AdmitBody,
    run: ({ meetings, body }) => {
      meetings.admit(parse(AdmitBody, body).items.map((i) => i.participantId));
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/meetingParticipants/cancelCallout',
    operationId: 'Cancel Calling Out a SIP Participant',
    body: CancelBody,
    run: ({ meetings, body }) => {
      meetings.cancelCallout(parse(CancelBody, body).participantId);
      return { status: 204 };
    },
  },
];

/** Literal paths win over templated ones (callout is not a participantId). */
export function matchMeetingRoute(
  method: string,
  path: string,
): { kind: 'found'; route: MeetingRoute; params: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' } {
  const literal = MEETING_ROUTES.filter((r) => r.path === path);
  const templated = /^\/meetingParticipants\/([^/]+)$/.exec(path);
  const candidates = literal.length > 0 ? literal : templated ? MEETING_ROUTES.filter((r) => r.path.includes('{')) : [];
  if (candidates.length === 0) return { kind: 'none' };
  const route = candidates.find((r) => r.method === method);
  if (!route) return { kind: 'wrong-method', allowed: candidates.map((r) => r.method) };
  return { kind: 'found', route, params: templated && route.path.includes('{') ? { participantId: decodeURIComponent(templated[1] ?? '') } : {} };
}
