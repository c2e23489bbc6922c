/**
 * The built-in line: a Webex-compatible HTTP server on 127.0.0.1 (random port, random bearer
 * token) serving the user-level Call Controls API under /v1, and VideoSDK's SIP call API under
 * /v2/ at the origin. Demo mode points the real Webex and VideoSDK clients at it. The test kit (test/line-kit) builds on the same server through `extensions`:
 * fault injection, the /__sandbox control API and the OAuth endpoints are not in the product.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Clock } from '../core/ports.js';
import { systemClock } from '../core/system-clock.js';
import { CallStateError } from './call-state.js';
import { createLineControl, type LineControl } from './control.js';
import { BodyTooLargeError, createResponder, readBody, redactedHeaders, trackingIdFor, type Responder, type SandboxExchange } from './http-io.js';
import { createLine } from './line.js';
import { createMeetingsBook, type MeetingsControl } from './meetings-state.js';
import { ENDPOINTS, createMeLines, type MeLines } from './me-lines-state.js';
import { createMeLinesRoutes, lineForCallRequest, noteCallPlaced } from './me-lines-routes.js';
import { matchMeetingRoute } from './meetings-routes.js';
import { meetingEvent } from './meeting-events.js';
import { PEOPLE_ROUTES } from './people-routes.js';
import { ROUTES, RequestError, describeZodError, matchRoute, parseJsonBody } from './routes.js';
import { VOICEMAIL_ROUTES } from './voicemail-routes.js';
import { lineEvents } from './call-events.js';
import { runWebhookRoute } from './webhooks-routes.js';
import { createWebhooksBook, type WebhooksControl } from './webhooks-state.js';
import { TokenBook, bearerToken } from './tokens.js';
import { VIDEOSDK_PREFIX, createVideoSdkRoutes } from './videosdk-routes.js';
import { ME, toWirePerson } from './directory.js';
import { isXsiPath, runOrganization, runXsi } from './xsi-routes.js';
import { createXsiBook, type XsiControl, type XsiTimings } from './xsi-state.js';
import { createVideoSdkState, type VideoSdkProject, type VideoSdkState, type VideoSdkTimings } from './videosdk-state.js';

/** One request as an extension sees it, before the line authenticates and routes it. */
export interface SandboxRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly respond: Responder;
  /** Whether the request's bearer token is valid for the Webex API (the line's or an extension's). */
  authorised(): boolean;
  /** What the exchange log records of this request; an extension may redact, annotate or omit it. */
  readonly log: { omit: boolean; requestBody: string; fault?: string };
}

/**
 * Extends the line without the product carrying the extension: the test kit adds its control
 * API, faults and OAuth server this way. Extensions see each request in order, before the line.
 */
export interface SandboxExtension {
  /** Resolves true when the extension answered the request (through `request.respond`). */
  handle?(request: SandboxRequest): boolean | Promise<boolean>;
  /** Bearer tokens the Webex API accepts besides the line's own (e.g. OAuth access tokens). */
  acceptsToken?(token: string | undefined): boolean;
  /** The scopes of a token this extension issued; undefined when it does not know the token. */
  tokenScopes?(token: string | undefined): readonly string[] | undefined;
  /** Sees every logged request/response pair once it is answered. */
  observe?(exchange: SandboxExchange): void;
}

export interface SandboxOptions {
  /** 0 or absent: a random free port. */
  port?: number;
  /** False: the user's devices carry no secondary line (no manager's line). Default true. */
  secondaryLines?: boolean;
  /** Absent: a random token. Ignored when `tokens` is given. */
  token?: string;
  /** The line's bearer tokens; the test kit passes its own book so it can expire and issue them. */
  tokens?: TokenBook;
  clock?: Clock;
  /** How long a parked call waits before it rings back on the parker's line. */
  parkRecallMs?: number;
  /** How long an ignored call rings on for the caller before it reaches voicemail. */
  noAnswerMs?: number;
  /** Extensions built on the line's control, consulted in order before the line's own routes. */
  extend?: (control: LineControl) => readonly SandboxExtension[];
  /** The VideoSDK project whose tokens the line accepts; absent: random keys. */
  videoSdkProject?: VideoSdkProject;
  videoSdkTimings?: Partial<VideoSdkTimings>;
  /** XSI-Events (off unless enabled here or through `xsi.setEnabled`). */
  xsi?: { enabled?: boolean; timings?: Partial<XsiTimings> };
}

/** The line's XSI-Events side: what tests steer, and its XSP hosts ("127.0.0.1:PORT", host 0 first). */
export interface SandboxXsi extends XsiControl {
  readonly hosts: readonly string[];
}

/** The line's VideoSDK side, at the API origin (paths under /v2/). */
export interface SandboxVideoSdk {
  /** e.g. http://127.0.0.1:PORT, the equivalent of https://api.videosdk.live. */
  readonly origin: string;
  /** The project demo mode signs its tokens for. */
  readonly project: VideoSdkProject;
  readonly state: VideoSdkState;
  /** Every token the line accepted, in order (for the leak test). */
  acceptedTokens(): readonly string[];
}

export interface SandboxLine {
  /** e.g. http://127.0.0.1:PORT/v1, the equivalent of https://webexapis.com/v1. */
  readonly baseUrl: string;
  /** The line's current bearer token. */
  readonly token: string;
  readonly control: LineControl;
  readonly videosdk: SandboxVideoSdk;
  /** The line's Webex Meetings: add meetings and people, script how call-outs are answered. */
  readonly meetings: MeetingsControl;
  readonly xsi: SandboxXsi;
  /** The line's webhooks: what is registered, what was delivered, and scripted delivery faults. */
  readonly webhooks: WebhooksControl;
  /** The user's devices, the manager's secondary line and the queues. */
  readonly meLines: MeLines;
  close(): Promise<void>;
}

export const DEFAULT_PARK_RECALL_MS = 45_000;
/** How long an ignored call keeps ringing for the caller before it goes to voicemail (Webex's default no-answer is about that). */
export const DEFAULT_NO_ANSWER_MS = 30_000;
const API_ROUTES = [...ROUTES, ...PEOPLE_ROUTES, ...VOICEMAIL_ROUTES];
const API_PREFIX = '/v1';
const UNAUTHORIZED = 'The request requires a valid access token set in the Authorization request header.';

function sendFailure(respond: Responder, error: unknown): void {
  if (error instanceof CallStateError || error instanceof RequestError) {
    respond.error(error.status, error.message);
  } else if (error instanceof z.ZodError) {
    respond.error(400, 'The request is not valid.', { descriptions: describeZodError(error) });
  } else if (error instanceof BodyTooLargeError) {
    respond.error(400, error.message);
  } else {
    respond.error(500, `Sandbox failure: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The XSI user id is the last segment inside the base64 person id (EVENTS.md §2.4). */
function sandboxXsiUser(): string {
  return Buffer.from(String(toWirePerson(ME, false).id), 'base64url').toString('utf8').split('/').at(-1) ?? '';
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxLine> {
  const clock = opts.clock ?? systemClock;
  const line = createLine({
    clock,
    parkRecallMs: opts.parkRecallMs ?? DEFAULT_PARK_RECALL_MS,
    noAnswerMs: opts.noAnswerMs ?? DEFAULT_NO_ANSWER_MS,
    endpointIds: ENDPOINTS.map((e) => e.id),
  });
  const meLines = createMeLines({
    clock,
    parkRecallMs: opts.parkRecallMs ?? DEFAULT_PARK_RECALL_MS,
    noAnswerMs: opts.noAnswerMs ?? DEFAULT_NO_ANSWER_MS,
    ...(opts.secondaryLines !== undefined ? { secondaryLines: opts.secondaryLines } : {}),
  });
  const apiRoutes = [...API_ROUTES, ...createMeLinesRoutes(meLines)];
  const tokens = opts.tokens ?? new TokenBook(opts.token);
  const xsiBook = createXsiBook({ clock, userId: sandboxXsiUser(), ...(opts.xsi?.timings ? { timings: opts.xsi.timings } : {}) });
  const xsiEnabled = opts.xsi?.enabled ?? false;
  xsiBook.control.setEnabled(xsiEnabled);
  const lineControl = createLineControl(line);
  const control: LineControl = {
    ...lineControl,
    // XSI first, so a reset ends channels rather than streaming the calls' release to them.
    reset: () => {
      xsiBook.reset();
      xsiBook.control.setEnabled(xsiEnabled);
      lineControl.reset();
    },
  };
  const meetings = createMeetingsBook(clock);
  const webhooks = createWebhooksBook(clock);
  // Every change at the line becomes the events Webex would deliver for it.
  line.onChange((before, after) => {
    const at = new Date(clock.now()).toISOString();
    for (const event of lineEvents(before, after, at)) webhooks.publish(event);
  });
  meetings.onParticipantMove((move) => {
    const event = meetingEvent(move);
    if (event) webhooks.publish(event);
  });
  const extensions = opts.extend?.(control) ?? [];
  const videoSdkState = createVideoSdkState({
    clock,
    ...(opts.videoSdkProject ? { project: opts.videoSdkProject } : {}),
    ...(opts.videoSdkTimings ? { timings: opts.videoSdkTimings } : {}),
  });
  const videoSdkRoutes = createVideoSdkRoutes({ state: videoSdkState, clock });
  const ownOrgId = String(toWirePerson(ME, false).orgId);
  const unobserve = line.onChange((before, after) => xsiBook.observe(before, after));
  const scopesOf = (header: string | string[] | undefined): readonly string[] | undefined => {
    const bearer = bearerToken(header);
    for (const extension of extensions) {
      const scopes = extension.tokenScopes?.(bearer);
      if (scopes !== undefined) return scopes;
    }
    return undefined;
  };
  const authorised = (header: string | string[] | undefined) => {
    const bearer = bearerToken(header);
    return tokens.acceptsForApi(bearer) || extensions.some((e) => e.acceptsToken?.(bearer) ?? false);
  };

  async function handle(req: IncomingMessage, res: ServerResponse, host = 0): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const log: SandboxRequest['log'] = { omit: false, requestBody: '' };
    const respond = createResponder(res, trackingIdFor(req), (outcome) => {
      if (log.omit) return;
      const exchange: SandboxExchange = {
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        requestHeaders: redactedHeaders(req),
        requestBody: log.requestBody,
        ...(outcome.status !== undefined ? { status: outcome.status } : {}),
        responseHeaders: outcome.headers,
        responseBody: outcome.body,
        ...(log.fault !== undefined ? { fault: log.fault } : {}),
      };
      for (const extension of extensions) extension.observe?.(exchange);
    });

    try {
      const body = await readBody(req);
      log.requestBody = body;
      const request: SandboxRequest = {
        method,
        url,
        headers: req.headers,
        body,
        respond,
        authorised: () => authorised(req.headers.authorization),
        log,
      };
      for (const extension of extensions) {
        if (extension.handle && (await extension.handle(request))) return;
      }

      if (isXsiPath(path)) {
        runXsi(xsiBook, {
          method,
          path,
          query: url.searchParams,
          body,
          host,
          authorised: authorised(req.headers.authorization),
          scopes: scopesOf(req.headers.authorization),
          respond,
        });
        return;
      }
      // The second XSP host serves XSI only.
      if (host !== 0) throw new RequestError(404, `No API at ${path}.`);
      if (path.startsWith(VIDEOSDK_PREFIX)) {
        const answer = videoSdkRoutes.handle({
          method,
          path,
          query: url.searchParams,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          bodyText: body,
        });
        respond.json(answer.status, answer.body);
        return;
      }
      if (!path.startsWith(`${API_PREFIX}/`)) throw new RequestError(404, `No API at ${path}.`);
      if (!authorised(req.headers.authorization)) {
        respond.error(401, UNAUTHORIZED);
        return;
      }
      const orgMatch = /^\/v1\/organizations\/([^/]+)$/.exec(path);
      if (orgMatch) {
        if (method !== 'GET') {
          respond.error(405, `${method} is not supported on ${path}.`, { headers: { Allow: 'GET' } });
          return;
        }
        const answer = runOrganization(xsiBook, {
          orgId: decodeURIComponent(orgMatch[1]!),
          ownOrgId,
          query: url.searchParams,
          scopes: scopesOf(req.headers.authorization),
          hosts: xsiHosts(),
        });
        if (answer.status === 404) respond.error(404, 'The requested resource could not be found.');
        else respond.json(answer.status, answer.body);
        return;
      }
      const hookResult = runWebhookRoute({
        method,
        path: path.slice(API_PREFIX.length),
        query: url.searchParams,
        body: () => parseJsonBody(body, req.headers['content-type']),
        book: webhooks,
        scopes: scopesOf(req.headers.authorization),
      });
      if (hookResult !== undefined) {
        if (hookResult.status === 405) respond.error(405, `${method} is not supported on ${path}.`, { headers: hookResult.headers ?? {} });
        else if (hookResult.body === undefined) respond.empty(hookResult.status);
        else respond.json(hookResult.status, hookResult.body);
        return;
      }
      const meetingMatch = matchMeetingRoute(method, path.slice(API_PREFIX.length));
      if (meetingMatch.kind === 'wrong-method') {
        respond.error(405, `${method} is not supported on ${path}.`, { headers: { Allow: meetingMatch.allowed.join(', ') } });
        return;
      }
      if (meetingMatch.kind === 'found') {
        const { route, params } = meetingMatch;
        const parsedBody = route.body ? parseJsonBody(body, req.headers['content-type']) : undefined;
        // The line's own address, as Webex names its own host in Link targets; never the request's Host header.
        const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}${API_PREFIX}`;
        const result = route.run({ meetings, body: parsedBody, params, query: url.searchParams, apiBase });
        if (result.body === undefined) respond.empty(result.status, result.headers);
        else respond.json(result.status, result.body, result.headers);
        return;
      }
      const match = matchRoute(method, path.slice(API_PREFIX.length), apiRoutes);
      if (match.kind === 'none') throw new RequestError(404, `No API at ${path}.`);
      if (match.kind === 'wrong-method') {
        respond.error(405, `${method} is not supported on ${path}.`, { headers: { Allow: match.allowed.join(', ') } });
        return;
      }
      const parsed = match.route.body ? parseJsonBody(body, req.headers['content-type']) : undefined;
      // The line's own address, as Webex names its own host in Link targets; never the request's Host header.
      const addressed = new URL(req.url ?? '/', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const { route } = match;
      const admin = tokens.isAdmin(bearerToken(req.headers.authorization));
      // lineOwnerId picks the line (a secondary line is a line of its own); endpointId the device.
      const target = route.path.startsWith('/telephony/calls') ? lineForCallRequest(meLines, line, route.operationId, parsed, url.searchParams) : line;
      const result = route.run({ line: target, body: parsed, params: match.params, query: url.searchParams, url: addressed, admin });
      noteCallPlaced(meLines, target, route.operationId, parsed, result);
      if (result.body === undefined) respond.empty(result.status, result.headers);
      else respond.json(result.status, result.body, result.headers);
    } catch (error) {
      sendFailure(respond, error);
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A second XSP host: XSI only, for fail-over and host affinity.
  const secondHost = createServer((req, res) => {
    void handle(req, res, 1);
  });
  await new Promise<void>((resolve, reject) => {
    secondHost.once('error', reject);
    secondHost.listen(0, '127.0.0.1', () => {
      secondHost.off('error', reject);
      resolve();
    });
  });
  const hosts = [`127.0.0.1:${port}`, `127.0.0.1:${(secondHost.address() as AddressInfo).port}`];
  function xsiHosts(): string[] {
    return hosts;
  }

  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    get token() {
      return tokens.current;
    },
    control,
    videosdk: {
      origin: `http://127.0.0.1:${port}`,
      project: videoSdkState.projects[0]!,
      state: videoSdkState,
      acceptedTokens: () => videoSdkRoutes.accepted(),
    },
    meetings: meetings.control,
    xsi: Object.assign(Object.create(null) as object, xsiBook.control, { hosts }) as SandboxXsi,
    webhooks: webhooks.control,
    meLines,
    async close() {
      unobserve();
      xsiBook.dispose();
      line.dispose();
      webhooks.dispose();
      meLines.dispose();
      meetings.dispose();
      await Promise.all(
        [server, secondHost].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
