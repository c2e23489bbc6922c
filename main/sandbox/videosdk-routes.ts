/**
 * The VideoSDK SIP call API as the built-in line serves it, at the API origin with paths under
 * /v2/ (as https://api.videosdk.live): the legacy trunk call of seed 001 and the current
 * /v2/sip/call trio. Every request needs a valid VideoSDK token (videosdk-auth.ts). Answers are
 * shaped the way @videosdk.live/server-sdk reads them: `{ data }` for a call, `{ pageInfo, data }`
 * for the list, `{ statusCode, message }` for errors.
 */
import { z } from 'zod';
import type { Clock } from '../core/ports.js';
import { checkVideoSdkToken } from './videosdk-auth.js';
import { VideoSdkRequestError, type SandboxSipCall, type VideoSdkState } from './videosdk-state.js';

export const VIDEOSDK_PREFIX = '/v2/';

export interface VideoSdkExchange {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | string[] | undefined;
  contentType: string | undefined;
  bodyText: string;
}

export interface VideoSdkAnswer {
  status: number;
  body: unknown;
}

const Text = z.string({ error: 'is required' }).trim().min(1, 'is required');
/** E.164, or a sip:/sips: URI with a user and a host. */
const SipTarget = Text.refine((v) => /^\+[1-9]\d{6,14}$/.test(v) || /^sips?:[^\s@:]+@[^\s@]+$/i.test(v), 'must be a SIP URI or an E.164 number');

const OutboundCallBody = z.object({
  to: SipTarget,
  from: z.string().trim().min(1).optional(),
  displayName: Text,
  meetingId: Text,
  trunkId: Text,
  participantId: z.string().trim().min(1).optional(),
});

const SipCallBody = z
  .object({
    sipCallTo: SipTarget,
    destinationRoomId: Text,
    gatewayId: Text.optional(),
    routingRuleId: Text.optional(),
    sipCallFrom: Text.optional(),
  })
  .refine((b) => (b.gatewayId === undefined) !== (b.routingRuleId === undefined), {
    message: 'give either gatewayId, or routingRuleId with sipCallFrom',
  })
  .refine((b) => b.routingRuleId === undefined || b.sipCallFrom !== undefined, { message: 'sipCallFrom is required with routingRuleId', path: ['sipCallFrom'] });

const EndBody = z.object({ callId: Text });

const PageParam = z.coerce.number().int().min(1);
const ListQuery = z.object({ page: PageParam.default(1), perPage: PageParam.max(100).default(20) });

function failure(status: number, message: string): VideoSdkAnswer {
  return { status, body: { statusCode: status, message } };
}

function readJson(ex: VideoSdkExchange): unknown {
  if (ex.contentType === undefined || !/^application\/json\b/i.test(ex.contentType)) {
    throw new VideoSdkRequestError(400, 'The request body must be JSON (Content-Type: application/json).');
  }
  try {
    return JSON.parse(ex.bodyText);
  } catch {
    throw new VideoSdkRequestError(400, 'The request body is not valid JSON.');
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'body'} ${i.message}`);
    throw new VideoSdkRequestError(400, `Invalid request: ${lines.join('; ')}.`);
  }
  return result.data as z.infer<T>;
}

/** The list shows `callId` (the SDK maps it to `id`); a single call shows both. */
function single(call: SandboxSipCall) {
  return { id: call.callId, ...call };
}

/** Records every token it accepted, so the leak test can search for each one. */
export function createVideoSdkRoutes(deps: { state: VideoSdkState; clock: Clock }) {
  const accepted: string[] = [];
  const routes: Record<string, Partial<Record<string, (ex: VideoSdkExchange) => VideoSdkAnswer>>> = {
    '/v2/sip/outbound-call': {
      POST: (ex) => {
        const body = parse(OutboundCallBody, readJson(ex));
        // Seed 001's answer carries its own statusCode and message; the line reports a refusal
        // there, under HTTP 200 (the less convenient reading): the body is what counts.
        try {
          const call = deps.state.outboundCall(body);
          return { status: 200, body: { statusCode: 200, message: 'Success', participantId: call.participantId } };
        } catch (error) {
          if (error instanceof VideoSdkRequestError) return { status: 200, body: { statusCode: error.status, message: error.message } };
          throw error;
        }
      },
    },
    '/v2/sip/call': {
      POST: (ex) => {
        const body = parse(SipCallBody, readJson(ex));
        const call = deps.state.startCall({
          to: body.sipCallTo,
          roomId: body.destinationRoomId,
          gatewayId: body.gatewayId,
          routingRuleId: body.routingRuleId,
          from: body.sipCallFrom,
        });
        return { status: 200, body: { message: 'Call initiated.', data: single(call) } };
      },
      GET: (ex) => {
        const { page, perPage } = parse(ListQuery, Object.fromEntries(ex.query));
        const all = deps.state.listed();
        const lastPage = Math.max(1, Math.ceil(all.length / perPage));
        return {
          status: 200,
          body: { pageInfo: { currentPage: page, perPage, lastPage, total: all.length }, data: all.slice((page - 1) * perPage, page * perPage) },
        };
      },
    },
    '/v2/sip/call/end': {
      POST: (ex) => {
        const { callId } = parse(EndBody, readJson(ex));
        return { status: 200, body: { message: 'Call ended.', data: single(deps.state.endCall(callId)) } };
      },
    },
  };

  return {
    accepted: (): readonly string[] => accepted,
    handle(ex: VideoSdkExchange): VideoSdkAnswer {
      const route = routes[ex.path];
      if (!route) return failure(404, `No API at ${ex.path}.`);
      const run = route[ex.method];
      if (!run) return failure(405, `${ex.method} is not supported on ${ex.path}.`);
      const check = checkVideoSdkToken(ex.authorization, deps.state.projects, deps.clock.now());
      if (!check.ok) return failure(401, check.message);
      accepted.push(String(ex.authorization));
      try {
        return run(ex);
      } catch (error) {
        if (error instanceof VideoSdkRequestError) return failure(error.status, error.message);
        throw error;
      }
    },
  };
}
