/**
 * Webex Calling Call Controls (user level) over HTTP: the CallsProvider the call engine drives.
 * The built-in line is this same client pointed at the sandbox. Paths, bodies and status codes are
 * Cisco's (test/contract checks every exchange against the official OpenAPI); every response is
 * parsed with the zod schemas, and one that does not fit is a `provider` error, not a crash later.
 */
import { z } from 'zod';
import type { CallTarget, CallsProvider, RecordingOp, RejectAction } from '../calls-provider.js';
import type { HttpClient } from '../http.js';
import { parsed } from './parse-response.js';
import {
  WebexCall,
  WebexCallList,
  WebexCallRef,
  WebexDoNotDisturb,
  WebexHistoryList,
  WebexParkResult,
} from './schemas.js';

const CALLS = '/telephony/calls';
const DND = '/telephony/config/people/me/settings/doNotDisturb';
const ANSWER_ENDPOINTS = '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints';

export const WebexAnswerEndpoints = z.looseObject({
  endpoints: z.array(
    z.looseObject({
      id: z.string(),
      type: z.enum(['DEVICE', 'APPLICATION']),
      name: z.string(),
      isPreferredAnswerEndpoint: z.boolean().optional(),
    }),
  ),
});
export type WebexAnswerEndpoints = z.infer<typeof WebexAnswerEndpoints>;

/** CallsProvider plus the Webex operations only Webex has (executive assistant, pull, answer endpoints). */
export interface WebexCallsClient extends CallsProvider {
  push(callId: string, on?: CallTarget): Promise<void>;
  pull(on?: CallTarget): Promise<WebexCallRef>;
  answerEndpoints(signal?: AbortSignal): Promise<WebexAnswerEndpoints>;
}

const RECORDING_PATHS: Record<RecordingOp, string> = {
  start: 'startRecording',
  stop: 'stopRecording',
  pause: 'pauseRecording',
  resume: 'resumeRecording',
};

export function createWebexCallsClient(http: HttpClient): WebexCallsClient {
  const get = (path: string, signal: AbortSignal | undefined, query?: Record<string, string | undefined>) =>
    http.request({ method: 'GET', path, ...(query ? { query } : {}), ...(signal ? { signal } : {}) });
  const post = (action: string, body: Record<string, unknown>, on?: CallTarget) =>
    http.request({ method: 'POST', path: `${CALLS}/${action}`, body: { ...body, ...target(on) } });
  const postVoid = async (action: string, body: Record<string, unknown>, on?: CallTarget): Promise<void> => {
    await post(action, body, on);
  };
  const getDoNotDisturb = async (signal?: AbortSignal) =>
    parsed(WebexDoNotDisturb, await get(DND, signal), 'Do Not Disturb setting');
  const postRef = async (action: string, body: Record<string, unknown>, on?: CallTarget): Promise<WebexCallRef> =>
    parsed(WebexCallRef, await post(action, body, on), `${action} response`);
  const lineQuery = (on?: CallTarget) => (on?.lineOwnerId !== undefined ? { lineOwnerId: on.lineOwnerId } : undefined);

  return {
    async listCalls(signal, on) {
      return parsed(WebexCallList, await get(CALLS, signal, lineQuery(on)), 'call list').items;
    },
    async getCall(callId, signal, on) {
      return parsed(WebexCall, await get(`${CALLS}/${encodeURIComponent(callId)}`, signal, lineQuery(on)), 'call');
    },
    async history(type, signal) {
      return parsed(WebexHistoryList, await get(`${CALLS}/history`, signal, { type }), 'call history').items;
    },

    dial: (destination, on) => postRef('dial', { destination }, on),
    answer: (callId, on) => postVoid('answer', { callId }, on),
    reject: (callId, action?: RejectAction, on?: CallTarget) => postVoid('reject', action ? { callId, action } : { callId }, on),
    hangup: (callId, on) => postVoid('hangup', { callId }, on),
    hold: (callId, on) => postVoid('hold', { callId }, on),
    resume: (callId, on) => postVoid('resume', { callId }, on),
    mute: (callId, on) => postVoid('mute', { callId }, on),
    unmute: (callId, on) => postVoid('unmute', { callId }, on),
    divert: (callId, where, on) =>
      postVoid(
        'divert',
        {
          callId,
          ...(where.destination !== undefined ? { destination: where.destination } : {}),
          ...(where.toVoicemail ? { toVoicemail: true } : {}),
        },
        on,
      ),
    async transfer(args, on) {
      const res = await post('transfer', { ...args }, on);
      // Attended transfer answers 204; a mute transfer (to a destination) answers 201 with the new call.
      return res.status === 204 ? undefined : parsed(WebexCallRef, res, 'transfer response');
    },
    async park(callId, where = {}, on) {
      // Group park picks the member itself; Webex ignores a destination sent with it.
      const body = where.isGroupPark ? { callId, isGroupPark: true } : where.destination !== undefined ? { callId, destination: where.destination } : { callId };
      const res = await post('park', body, on);
      return { parkedAgainst: parsed(WebexParkResult, res, 'park response').parkedAgainst };
    },
    retrieve: (destination, on) => postRef('retrieve', destination !== undefined ? { destination } : {}, on),
    pickup: (who, on) => postRef('pickup', who !== undefined ? { target: who } : {}, on),
    bargeIn: (who, on) => postRef('bargeIn', { target: who }, on),
    recording: (callId, op, on) => postVoid(RECORDING_PATHS[op], { callId }, on),
    transmitDtmf: (callId, dtmf, on) => postVoid('transmitDtmf', { callId, dtmf }, on),

    getDoNotDisturb,
    async setDoNotDisturb(enabled) {
      // Webex requires webexGoOverrideEnabled on every PUT; carry the user's current choice over
      // rather than silently switching their mobile override off.
      const current = await getDoNotDisturb();
      await http.request({
        method: 'PUT',
        path: DND,
        body: {
          enabled,
          ...(current.ringSplashEnabled !== undefined ? { ringSplashEnabled: current.ringSplashEnabled } : {}),
          webexGoOverrideEnabled: current.webexGoOverrideEnabled ?? false,
        },
      });
    },

    push: (callId, on) => postVoid('push', { callId }, on),
    pull: (on) => postRef('pull', {}, on),
    async answerEndpoints(signal) {
      return parsed(WebexAnswerEndpoints, await get(ANSWER_ENDPOINTS, signal), 'answer endpoint list');
    },
  };
}

/** endpointId and lineOwnerId as body fields, only when set (Webex's defaults apply otherwise). */
function target(on: CallTarget | undefined): Record<string, string> {
  return {
    ...(on?.endpointId !== undefined ? { endpointId: on.endpointId } : {}),
    ...(on?.lineOwnerId !== undefined ? { lineOwnerId: on.lineOwnerId } : {}),
  };
}
