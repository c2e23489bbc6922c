/**
 * The Webex Call Controls API (user level) as the built-in line serves it under /v1. Paths, bodies
 * and status codes follow Cisco's OpenAPI contract (test/contract/specs/webex-call-controls.openapi.json);
 * test/contract checks every exchange against it.
 */
import { z } from 'zod';
import type { RecordingOp } from '../providers/calls-provider.js';
import type { Line } from './line.js';
import { toWireCall, toWireHistory } from './line-model.js';

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  line: Line;
  body: unknown;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The request's full URL on the line's own address (paging links point back at it). */
  url: URL;
  /** The bearer token is an organisation administrator's (the line's own user is not one). */
  admin: boolean;
}

export class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'RequestError';
    this.status = status;
  }
}

/** A JSON object body; an empty body reads as {}. Anything else is refused as Webex refuses it. */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return {};
  if (contentType === undefined || !/^application\/json\b/i.test(contentType)) {
    throw new RequestError(415, 'The request body must be JSON (Content-Type: application/json).');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestError(400, 'The request body must be a JSON object.');
  }
  return value;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  operationId: string;
  /** POST/PUT routes parse their JSON body with this; unknown fields (endpointId, lineOwnerId …) are ignored. */
  body?: z.ZodType;
  run(req: RouteRequest): RouteResult;
}

const Required = z.string({ error: 'is required' }).min(1, 'is required');
const Optional = z.string().optional();
const Destination = Required.refine((v) => /^\S+$/.test(v.trim()), 'must be digits or a URI without spaces');

const CallIdBody = z.looseObject({ callId: Required });
const OptionalCallIdBody = z.looseObject({ callId: Optional });

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return schema.parse(body) as z.infer<T>;
}

const NO_CONTENT: RouteResult = { status: 204 };

function callAction(operationId: string, path: string, act: (line: Line, callId: string) => void): Route {
  return {
    method: 'POST',
    path,
    operationId,
    body: CallIdBody,
    run: ({ line, body }) => {
      act(line, parse(CallIdBody, body).callId);
      return NO_CONTENT;
    },
  };
}

const RejectBody = z.looseObject({ callId: Required, action: z.enum(['busy', 'temporarilyUnavailable', 'ignore']).optional() });
const DivertBody = z.looseObject({ callId: Required, destination: Optional, toVoicemail: z.boolean().optional() });
const TransferBody = z.looseObject({ callId1: Optional, callId2: Optional, destination: Optional });
const ParkBody = z.looseObject({ callId: Required, destination: Optional, isGroupPark: z.boolean().optional() });
const DialBody = z.looseObject({ destination: Destination });
const RetrieveBody = z.looseObject({ destination: Optional });
const PickupBody = z.looseObject({ target: Optional });
const BargeInBody = z.looseObject({ target: Required });
const DtmfBody = z.looseObject({ callId: Optional, dtmf: Required });
const PullBody = z.looseObject({ endpointId: Optional });
const DndPutBody = z.looseObject({
  enabled: z.boolean().optional(),
  ringSplashEnabled: z.boolean().optional(),
  webexGoOverrideEnabled: z.boolean({ error: 'is required' }),
});
const HistoryType = z.enum(['placed', 'missed', 'received']).optional();

function recordingRoute(operationId: string, name: string, op: RecordingOp): Route {
  return {
    method: 'POST',
    path: `/telephony/calls/${name}`,
    operationId,
    body: OptionalCallIdBody,
    run: ({ line, body }) => {
      line.recording(parse(OptionalCallIdBody, body).callId, op);
      return NO_CONTENT;
    },
  };
}

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/telephony/calls/dial',
    operationId: 'dial',
    body: DialBody,
    run: ({ line, body }) => ({ status: 201, body: line.dial(parse(DialBody, body).destination.trim()) }),
  },
  callAction('answer', '/telephony/calls/answer', (line, id) => line.answer(id)),
  {
    method: 'POST',
    path: '/telephony/calls/reject',
    operationId: 'reject',
    body: RejectBody,
    run: ({ line, body }) => {
      const input = parse(RejectBody, body);
      line.reject(input.callId, input.action ?? 'busy');
      return NO_CONTENT;
    },
  },
  callAction('hangup', '/telephony/calls/hangup', (line, id) => line.hangup(id)),
  callAction('hold', '/telephony/calls/hold', (line, id) => line.hold(id)),
  callAction('resume', '/telephony/calls/resume', (line, id) => line.resume(id)),
  callAction('mute', '/telephony/calls/mute', (line, id) => line.setMuted(id, true)),
  callAction('unmute', '/telephony/calls/unmute', (line, id) => line.setMuted(id, false)),
  {
    method: 'POST',
    path: '/telephony/calls/divert',
    operationId: 'divert',
    body: DivertBody,
    run: ({ line, body }) => {
      line.divert(parse(DivertBody, body));
      return NO_CONTENT;
    },
  },
  {
    method: 'POST',
    path: '/telephony/calls/transfer',
    operationId: 'transfer',
    body: TransferBody,
    run: ({ line, body }) => {
      const ref = line.transfer(parse(TransferBody, body));
      return ref ? { status: 201, body: ref } : NO_CONTENT;
    },
  },
  {
    method: 'POST',
    path: '/telephony/calls/park',
    operationId: 'park',
    body: ParkBody,
    run: ({ line, body }) => ({ status: 200, body: line.park(parse(ParkBody, body)) }),
  },
  {
    method: 'POST',
    path: '/telephony/calls/retrieve',
    operationId: 'retrieve',
    body: RetrieveBody,
    run: ({ line, body }) => ({ status: 201, body: line.retrieve(parse(RetrieveBody, body).destination) }),
  },
  recordingRoute('startrecording', 'startRecording', 'start'),
  recordingRoute('stoprecording', 'stopRecording', 'stop'),
  recordingRoute('pauserecording', 'pauseRecording', 'pause'),
  recordingRoute('resumerecording', 'resumeRecording', 'resume'),
  {
    method: 'POST',
    path: '/telephony/calls/transmitDtmf',
    operationId: 'transmitdtmf',
    body: DtmfBody,
    run: ({ line, body }) => {
      const input = parse(DtmfBody, body);
      line.transmitDtmf(input.callId, input.dtmf);
      return NO_CONTENT;
    },
  },
  {
    method: 'POST',
    path: '/telephony/calls/push',
    operationId: 'push',
    body: OptionalCallIdBody,
    run: ({ line, body }) => {
      line.push(parse(OptionalCallIdBody, body).callId);
      return NO_CONTENT;
    },
  },
  {
    method: 'POST',
    path: '/telephony/calls/pickup',
    operationId: 'pickup',
    body: PickupBody,
    run: ({ line, body }) => ({ status: 201, body: line.pickup(parse(PickupBody, body).target) }),
  },
  {
    method: 'POST',
    path: '/telephony/calls/bargeIn',
    operationId: 'bargein',
    body: BargeInBody,
    run: ({ line, body }) => ({ status: 201, body: line.bargeIn(parse(BargeInBody, body).target) }),
  },
  {
    method: 'POST',
    path: '/telephony/calls/pull',
    operationId: 'pull',
    body: PullBody,
    run: ({ line, body }) => {
      return { status: 201, body: line.pull(parse(PullBody, body).endpointId) };
    },
  },
  {
    method: 'GET',
    path: '/telephony/calls',
    operationId: 'listcalls',
    run: ({ line }) => ({ status: 200, body: { items: line.state().calls.map(toWireCall) } }),
  },
  {
    method: 'GET',
    path: '/telephony/calls/history',
    operationId: 'listcallhistory',
    run: ({ line, query }) => {
      const parsed = HistoryType.safeParse(query.get('type') ?? undefined);
      if (!parsed.success) throw new RequestError(400, 'type must be one of placed, missed, received.');
      const type = parsed.data;
      const items = line.state().history.filter((h) => type === undefined || h.type === type);
      return { status: 200, body: { items: items.map(toWireHistory) } };
    },
  },
  {
    method: 'GET',
    path: '/telephony/calls/{callId}',
    operationId: 'getcalldetails',
    run: ({ line, params }) => {
      const call = line.state().calls.find((c) => c.id === params.callId);
      if (!call) throw new RequestError(404, `Call ${params.callId ?? ''} was not found.`);
      return { status: 200, body: toWireCall(call) };
    },
  },
  // availablePreferredAnswerEndpoints is served with the user's devices (me-lines-routes.ts).
  {
    method: 'GET',
    path: '/telephony/config/people/me/settings/doNotDisturb',
    operationId: 'getMyDoNotDisturbSettings',
    run: ({ line }) => ({ status: 200, body: { ...line.state().dnd } }),
  },
  {
    method: 'PUT',
    path: '/telephony/config/people/me/settings/doNotDisturb',
    operationId: 'updateMyDoNotDisturbSettings',
    body: DndPutBody,
    run: ({ line, body }) => {
      const input = parse(DndPutBody, body);
      line.updateDnd({
        webexGoOverrideEnabled: input.webexGoOverrideEnabled,
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.ringSplashEnabled !== undefined ? { ringSplashEnabled: input.ringSplashEnabled } : {}),
      });
      return NO_CONTENT;
    },
  },
];

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/** Literal paths win over templated ones, as in the contract (history is not a callId). */
export function matchRoute(method: string, path: string, routes: readonly Route[] = ROUTES): RouteMatch {
  const literal = routes.filter((r) => !r.path.includes('{') && r.path === path);
  const candidates = literal.length > 0 ? literal : routes.filter((r) => matchPath(r.path, path) !== undefined);
  if (candidates.length === 0) return { kind: 'none' };
  const route = candidates.find((r) => r.method === method);
  if (!route) return { kind: 'wrong-method', allowed: candidates.map((r) => r.method) };
  return { kind: 'found', route, params: matchPath(route.path, path) ?? {} };
}

/** One line per problem, e.g. "callId: is required". */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`);
}
