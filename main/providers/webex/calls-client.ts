/**
 * Webex Calling Call Controls (user level) over HTTP: the CallsProvider the call engine drives.
 * The built-in line is this same client pointed at the sandbox. Paths, bodies and status codes are
 * Cisco's (test/contract checks every exchange against the official OpenAPI); every response is
 * parsed with the zod schemas, and one that does not fit is a `provider` error, not a crash later.
 */
import { z } from 'zod';
import type { CallsProvider, RecordingOp, RejectAction } from '../calls-provider.js';
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

/** CallsProvider plus the Webex operations the engine does not need yet (executive assistant, pull, endpoints). */
export interface WebexCallsClient extends CallsProvider {
  /** Assistant → executive; 204. */
  push(callId: string): Promise<void>;
  /** Moves the user's active call to this device (or `endpointId`); 201. */
  pull(endpointId?: string): Promise<WebexCallRef>;
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
  const post = (action: string, body: Record<string, unknown>) =>
    http.request({ method: 'POST', path: `${CALLS}/${action}`, body });
  const postVoid = async (action: string, body: Record<string, unknown>): Promise<void> => {
    await post(action, body);
  };
  const getDoNotDisturb = async (signal?: AbortSignal) =>
    parsed(WebexDoNotDisturb, await get(DND, signal), 'Do Not Disturb setting');
  const postRef = async (action: string, body: Record<string, unknown>): Promise<WebexCallRef> =>
    parsed(WebexCallRef, await post(action, body), `${action} response`);

  return {
    async listCalls(signal) {
      return parsed(WebexCallList, await get(CALLS, signal), 'call list').items;
    },
    async getCall(callId, signal) {
      return parsed(WebexCall, await get(`${CALLS}/${encodeURIComponent(callId)}`, signal), 'call');
    },
    async history(type, signal) {
      return parsed(WebexHistoryList, await get(`${CALLS}/history`, signal, { type }), 'call history').items;
    },

    dial: (destination) => postRef('dial', { destination }),
    answer: (callId) => postVoid('answer', { callId }),
    reject: (callId, action?: RejectAction) => postVoid('reject', action ? { callId, action } : { callId }),
    hangup: (callId) => postVoid('hangup', { callId }),
    hold: (callId) => postVoid('hold', { callId }),
    resume: (callId) => postVoid('resume', { callId }),
    mute: (callId) => postVoid('mute', { callId }),
    unmute: (callId) => postVoid('unmute', { callId }),
    divert: (callId, target) =>
      postVoid('divert', {
        callId,
        ...(target.destination !== undefined ? { destination: target.destination } : {}),
        ...(target.toVoicemail ? { toVoicemail: true } : {}),
      }),
    async transfer(args) {
      const res = await post('transfer', { ...args });
      // Attended transfer answers 204; a mute transfer (to a destination) answers 201 with the new call.
      return res.status === 204 ? undefined : parsed(WebexCallRef, res, 'transfer response');
    },
    async park(callId, where = {}) {
      // Group park picks the member itself; Webex ignores a destination sent with it.
      const body = where.isGroupPark ? { callId, isGroupPark: true } : where.destination !== undefined ? { callId, destination: where.destination } : { callId };
      const res = await post('park', body);
      return { parkedAgainst: parsed(WebexParkResult, res, 'park response').parkedAgainst };
    },
    retrieve: (destination) => postRef('retrieve', destination !== undefined ? { destination } : {}),
    pickup: (target) => postRef('pickup', target !== undefined ? { target } : {}),
    bargeIn: (target) => postRef('bargeIn', { target }),
    recording: (callId, op) => postVoid(RECORDING_PATHS[op], { callId }),
    transmitDtmf: (callId, dtmf) => postVoid('transmitDtmf', { callId, dtmf }),

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

    push: (callId) => postVoid('push', { callId }),
    pull: (endpointId) => postRef('pull', endpointId !== undefined ? { endpointId } : {}),
    async answerEndpoints(signal) {
      return parsed(WebexAnswerEndpoints, await get(ANSWER_ENDPOINTS, signal), 'answer endpoint list');
    },
  };
}
