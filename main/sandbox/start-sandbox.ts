/**
 * The built-in line: a Webex-compatible HTTP server on 127.0.0.1 (random port, random bearer
 * token) serving the user-level Call Controls API under /v1, plus the control API under /__sandbox.
 * Demo mode and every integration test point the real Webex client at it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Clock } from '../core/ports.js';
import { systemClock } from '../core/system-clock.js';
import { CallStateError } from './call-state.js';
import { createControl, type SandboxControl } from './control.js';
import { CONTROL_PREFIX, runControl } from './control-routes.js';
import { FaultQueue, playFault } from './faults.js';
import { BodyTooLargeError, createResponder, readBody, redactedHeaders, trackingIdFor, type Responder } from './http-io.js';
import { createLine } from './line.js';
import { OAuthBook, type SandboxOAuth, type SandboxOAuthOptions } from './oauth-book.js';
import { OAUTH_API_PATHS, redactForm, runOAuthRoute } from './oauth-routes.js';
import { RequestError, describeZodError, matchRoute } from './routes.js';
import { TokenBook, bearerToken } from './tokens.js';
import { VIDEOSDK_PREFIX, createVideoSdkRoutes } from './videosdk-routes.js';
import { createVideoSdkState, type VideoSdkProject, type VideoSdkState, type VideoSdkTimings } from './videosdk-state.js';

export interface SandboxOptions {
  /** 0 or absent: a random free port. */
  port?: number;
  /** Absent: a random token. */
  token?: string;
  clock?: Clock;
  /** How long a parked call waits before it rings back on the parker's line. */
  parkRecallMs?: number;
  /** The built-in integration tests sign in with (client, token lifetimes, the person). */
  oauth?: SandboxOAuthOptions;
  /** The VideoSDK project whose tokens the line accepts; absent: random keys. */
  videoSdkProject?: VideoSdkProject;
  videoSdkTimings?: Partial<VideoSdkTimings>;
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
  /** The line's current bearer token (changes when control.issueToken() is called). */
  readonly token: string;
  readonly control: SandboxControl;
  /** The OAuth side: the integration's client ID and secret, token expiry, counters. */
  readonly oauth: SandboxOAuth;
  readonly videosdk: SandboxVideoSdk;
  close(): Promise<void>;
}

export const DEFAULT_PARK_RECALL_MS = 45_000;
const API_PREFIX = '/v1';
const UNAUTHORIZED = 'The request requires a valid access token set in the Authorization request header.';

function parseJsonBody(text: string, contentType: string | undefined): unknown {
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

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxLine> {
  const clock = opts.clock ?? systemClock;
  const line = createLine({ clock, parkRecallMs: opts.parkRecallMs ?? DEFAULT_PARK_RECALL_MS });
  const faults = new FaultQueue();
  const tokens = new TokenBook(opts.token);
  const { control, record } = createControl({ line, faults, tokens });
  const oauth = new OAuthBook(clock, opts.oauth);
  const videoSdkState = createVideoSdkState({
    clock,
    ...(opts.videoSdkProject ? { project: opts.videoSdkProject } : {}),
    ...(opts.videoSdkTimings ? { timings: opts.videoSdkTimings } : {}),
  });
  const videoSdkRoutes = createVideoSdkRoutes({ state: videoSdkState, clock });
  const authorised = (header: string | string[] | undefined) => {
    const bearer = bearerToken(header);
    return tokens.acceptsForApi(bearer) || oauth.acceptsAccessToken(bearer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const isControl = path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
    let requestBody = '';
    let fault: string | undefined;
    const respond = createResponder(res, trackingIdFor(req), (outcome) => {
      if (isControl) return;
      record({
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        requestHeaders: redactedHeaders(req),
        requestBody,
        ...(outcome.status !== undefined ? { status: outcome.status } : {}),
        responseHeaders: outcome.headers,
        responseBody: outcome.body,
        ...(fault !== undefined ? { fault } : {}),
      });
    });

    try {
      requestBody = await readBody(req);
      if (isControl) {
        if (!tokens.acceptsForControl(bearerToken(req.headers.authorization))) {
          respond.error(401, UNAUTHORIZED);
          return;
        }
        const body = method === 'GET' ? {} : parseJsonBody(requestBody, req.headers['content-type']);
        const result = runControl(control, method, path, body);
        if (result.body === undefined) respond.empty(result.status);
        else respond.json(result.status, result.body);
        return;
      }

      // Faults strike before authentication, as a proxy or an overloaded front end would.
      const armed = faults.take(path);
      if (armed) {
        fault = armed.kind;
        if (await playFault(armed, respond)) return;
      }

      if (path.startsWith(VIDEOSDK_PREFIX)) {
        const answer = videoSdkRoutes.handle({
          method,
          path,
          query: url.searchParams,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          bodyText: requestBody,
        });
        respond.json(answer.status, answer.body);
        return;
      }
      if (!path.startsWith(`${API_PREFIX}/`)) throw new RequestError(404, `No API at ${path}.`);
      const apiPath = path.slice(API_PREFIX.length);
      if (OAUTH_API_PATHS.has(apiPath)) {
        const body = requestBody;
        // The exchange log must not keep client secrets, codes or verifiers.
        if (apiPath === '/access_token') requestBody = redactForm(body);
        const contentType = req.headers['content-type'];
        runOAuthRoute(oauth, { method, apiPath, query: url.searchParams, body, contentType, authorised: authorised(req.headers.authorization) }, respond);
        return;
      }
      if (!authorised(req.headers.authorization)) {
        respond.error(401, UNAUTHORIZED);
        return;
      }
      const match = matchRoute(method, path.slice(API_PREFIX.length));
      if (match.kind === 'none') throw new RequestError(404, `No API at ${path}.`);
      if (match.kind === 'wrong-method') {
        respond.error(405, `${method} is not supported on ${path}.`, { headers: { Allow: match.allowed.join(', ') } });
        return;
      }
      const body = match.route.body ? parseJsonBody(requestBody, req.headers['content-type']) : undefined;
      const result = match.route.run({ line, body, params: match.params, query: url.searchParams });
      if (result.body === undefined) respond.empty(result.status);
      else respond.json(result.status, result.body);
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

  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    get token() {
      return tokens.current;
    },
    control,
    oauth,
    videosdk: {
      origin: `http://127.0.0.1:${port}`,
      project: videoSdkState.projects[0]!,
      state: videoSdkState,
      acceptedTokens: () => videoSdkRoutes.accepted(),
    },
    async close() {
      line.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
