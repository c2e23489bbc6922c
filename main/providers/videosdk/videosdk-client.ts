/**
 * VideoSDK's SIP call API, through VideoSDK's own Node server SDK (@videosdk.live/server-sdk):
 * its HTTP layer sends the bare token as Authorization and reads VideoSDK's errors, its
 * SipCallsResource places, lists and ends calls, and its raw `post` (what `vsdk.api.post` is)
 * covers the legacy trunk call of seed 001, which the SDK has no method for.
 *
 * Built from the SDK's exported parts rather than its `VideoSDK` class, for two reasons found by
 * reading it: the class falls back to VIDEOSDK_API_KEY / VIDEOSDK_SECRET / VIDEOSDK_API_ENDPOINT
 * from process.env when an option is missing, and it caches one token (24 h by default) for its
 * whole life. Here the token comes from `getToken` on every request, so it is minted per request
 * in main and a changed key is used at once.
 *
 * Retries are off (maxRetries 0). The SDK would retry a POST only on 429 (after 1–2 s, ignoring
 * Retry-After) and a GET on network errors and 5xx; the list is polled anyway, and a person who
 * started a call decides whether to try again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { HttpClient, SipCallsResource } from '@videosdk.live/server-sdk';
import { AppError } from '../../core/app-error.js';
import { REQUEST_TIMEOUT_MS } from '../http.js';
import { retryAfterMs } from '../http-errors.js';
import { fetchOn, guardedFetch, type VideoSdkFetch } from './videosdk-fetch.js';
import { toAppError } from './videosdk-errors.js';
import { WireOutboundCallAnswer, WireSipCall } from './wire.js';

export interface VideoSdkClientOptions {
  /** The API origin, e.g. https://api.videosdk.live; paths begin with /v2/. */
  baseUrl: string;
  /** A fresh token per request: the bare JWT, no "Bearer". */
  getToken: () => string | Promise<string>;
  /** Defaults to undici's fetch on main's shared Agent. */
  fetch?: VideoSdkFetch;
  /** Deadline per request; default 15 s, as for Webex. */
  timeoutMs?: number;
}

/** How a current-API call leaves VideoSDK: an outbound gateway, or a routing rule with a from-number. */
export type SipRoute = { kind: 'gateway'; gatewayId: string } | { kind: 'routing-rule'; routingRuleId: string; from: string };

export interface TrunkCallInput {
  /** SIP URI or E.164 number. */
  to: string;
  /** One of the trunk's numbers; VideoSDK uses the first when absent. */
  from?: string | undefined;
  displayName: string;
  meetingId: string;
  trunkId: string;
  participantId?: string | undefined;
}

export interface SipCallPage {
  calls: WireSipCall[];
  hasNextPage: boolean;
  total: number | undefined;
}

export interface VideoSdkClient {
  /** Legacy POST /v2/sip/outbound-call; answers the participant ID of the SIP leg. */
  trunkCall(input: TrunkCallInput): Promise<{ participantId: string }>;
  /** POST /v2/sip/call. */
  startCall(input: { to: string; roomId: string; route: SipRoute }): Promise<WireSipCall>;
  /** GET /v2/sip/call, one page. */
  listCalls(page?: { page: number; perPage: number }): Promise<SipCallPage>;
  /** GET /v2/sip/call, every page (VideoSDK's default page is 20). */
  listAllCalls(): Promise<WireSipCall[]>;
  /** POST /v2/sip/call/end. */
  endCall(callId: string): Promise<void>;
}

/** VideoSDK's own default page size; the list is read to its last page. */
export const CALLS_PER_PAGE = 20;
/** More pages than this is a server looping its pages, not a call list. */
export const MAX_CALL_PAGES = 50;

function read<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('provider', `VideoSDK sent ${what} CallDeck cannot read.`);
  return parsed.data;
}

/** Per operation, the last Retry-After seen: the SDK's errors drop response headers. */
const lastAnswer = new AsyncLocalStorage<{ retryAfter?: string | undefined }>();

export function createVideoSdkClient(opts: VideoSdkClientOptions): VideoSdkClient {
  const fetchImpl = guardedFetch(opts.fetch ?? fetchOn(), (response) => {
    const store = lastAnswer.getStore();
    if (store) store.retryAfter = response.headers.get('retry-after') ?? undefined;
  });
  const http = new HttpClient({
    baseUrl: opts.baseUrl,
    getToken: opts.getToken,
    fetchImpl,
    timeoutMs: opts.timeoutMs ?? REQUEST_TIMEOUT_MS,
    maxRetries: 0,
  });
  const calls = new SipCallsResource(http);

  async function run<T>(op: () => Promise<T>): Promise<T> {
    const answer: { retryAfter?: string | undefined } = {};
    try {
      return await lastAnswer.run(answer, op);
    } catch (error) {
      throw toAppError(error, retryAfterMs(answer.retryAfter, Date.now()));
    }
  }

  return {
    trunkCall: (input) =>
      run(async () => {
        const body = {
          to: input.to,
          ...(input.from !== undefined ? { from: input.from } : {}),
          displayName: input.displayName,
          meetingId: input.meetingId,
          trunkId: input.trunkId,
          ...(input.participantId !== undefined ? { participantId: input.participantId } : {}),
        };
        const answer = read(WireOutboundCallAnswer, await http.post<unknown>('/v2/sip/outbound-call', { body }), 'an answer');
        return { participantId: answer.participantId };
      }),

    startCall: ({ to, roomId, route }) =>
      run(async () => {
        const created = await calls.create(
          route.kind === 'gateway' ? { callTo: to, roomId, gatewayId: route.gatewayId } : { callTo: to, roomId, routingRuleId: route.routingRuleId, callFrom: route.from },
        );
        return read(WireSipCall, created, 'a call');
      }),

    listCalls: (page = { page: 1, perPage: 20 }) =>
      run(async () => {
        const result = await calls.list(page);
        return { calls: result.data.map((item) => read(WireSipCall, item, 'a call list')), hasNextPage: result.hasNextPage, total: result.total };
      }),

    async listAllCalls() {
      const all: WireSipCall[] = [];
      for (let page = 1; ; page += 1) {
        if (page > MAX_CALL_PAGES) throw new AppError('provider', `VideoSDK kept sending more SIP call pages after ${MAX_CALL_PAGES}; stopped reading.`);
        const answer = await run(async () => calls.list({ page, perPage: CALLS_PER_PAGE }));
        all.push(...answer.data.map((item) => read(WireSipCall, item, 'a call list')));
        if (!answer.hasNextPage || answer.data.length === 0) return all;
      }
    },

    endCall: (callId) =>
      run(async () => {
        await calls.end(callId);
      }),
  };
}
