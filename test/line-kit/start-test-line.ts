/**
 * The built-in line as tests use it: the product's line (main/sandbox) plus the test kit's
 * extensions, in the order a real deployment would meet them: the /__sandbox control API (never
 * logged), injected faults (which strike before authentication, as a proxy or an overloaded front
 * end would), and the OAuth endpoints under /v1.
 */
import type { Clock } from '../../main/core/ports.js';
import { systemClock } from '../../main/core/system-clock.js';
import {
  TokenBook,
  bearerToken,
  parseJsonBody,
  startSandbox,
  type LineControl,
  type SandboxExtension,
  type SandboxLine,
  type SandboxOptions,
  type SandboxXsi,
  type WebhooksControl,
} from '../../main/sandbox/index.js';
import { CONTROL_PREFIX, runControl } from './control-routes.js';
import { FaultQueue, playFault } from './faults.js';
import { OAuthBook, type SandboxOAuth, type SandboxOAuthOptions } from './oauth-book.js';
import { OAUTH_API_PATHS, redactForm, runOAuthRoute } from './oauth-routes.js';
import { createTestControl, type SandboxControl, type TestControl } from './test-control.js';

export interface TestLineOptions extends Omit<SandboxOptions, 'extend' | 'tokens'> {
  /** The integration tests sign in with (client, token lifetimes). */
  oauth?: SandboxOAuthOptions;
}

export interface TestLine extends SandboxLine {
  /** The line's current bearer token (changes when control.issueToken() is called). */
  readonly token: string;
  readonly control: SandboxControl;
  /** The OAuth side: the integration's client ID and secret, token expiry, counters. */
  readonly oauth: SandboxOAuth;
}

const UNAUTHORIZED = 'The request requires a valid access token set in the Authorization request header.';
const API_PREFIX = '/v1';

function controlApi(control: SandboxControl, tokens: TokenBook, webhooks: () => WebhooksControl | undefined, xsi: () => SandboxXsi | undefined): SandboxExtension {
  return {
    handle(request) {
      const path = request.url.pathname;
      if (path !== CONTROL_PREFIX && !path.startsWith(`${CONTROL_PREFIX}/`)) return false;
      request.log.omit = true;
      if (!tokens.acceptsForControl(bearerToken(request.headers.authorization))) {
        request.respond.error(401, UNAUTHORIZED);
        return true;
      }
      const body = request.method === 'GET' ? {} : parseJsonBody(request.body, request.headers['content-type']);
      const result = runControl(control, request.method, path, body, webhooks(), xsi());
      if (result.body === undefined) request.respond.empty(result.status);
      else request.respond.json(result.status, result.body);
      return true;
    },
  };
}

function faultInjection(faults: FaultQueue): SandboxExtension {
  return {
    async handle(request) {
      const armed = faults.take(request.url.pathname, request.method);
      if (!armed) return false;
      request.log.fault = armed.kind;
      return playFault(armed, request.respond);
    },
  };
}

function oauthServer(book: OAuthBook): SandboxExtension {
  return {
    acceptsToken: (token) => book.acceptsAccessToken(token),
    tokenScopes: (token) => book.scopesOf(token),
    handle(request) {
      const path = request.url.pathname;
      const apiPath = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : undefined;
      if (apiPath === undefined || !OAUTH_API_PATHS.has(apiPath)) return false;
      // The exchange log must not keep client secrets, codes or verifiers.
      if (apiPath === '/access_token') request.log.requestBody = redactForm(request.body);
      const req = {
        method: request.method,
        apiPath,
        query: request.url.searchParams,
        body: request.body,
        contentType: request.headers['content-type'],
        authorised: request.authorised(),
      };
      runOAuthRoute(book, req, request.respond);
      return true;
    },
  };
}

export async function startTestLine(opts: TestLineOptions = {}): Promise<TestLine> {
  const { oauth: oauthOptions, ...lineOptions } = opts;
  const clock: Clock = opts.clock ?? systemClock;
  const tokens = new TokenBook(opts.token);
  const faults = new FaultQueue();
  const oauth = new OAuthBook(clock, oauthOptions);
  // The line hands its control to `extend` while it starts; the kit's control wraps it.
  let kit: TestControl | undefined;
  // The line's webhooks exist only once it has started; the control API asks for them per request.
  const started: { webhooks?: WebhooksControl; xsi?: SandboxXsi } = {};
  const extend = (line: LineControl): SandboxExtension[] => {
    const built = createTestControl({ line, faults, tokens });
    kit = built;
    return [controlApi(built.control, tokens, () => started.webhooks, () => started.xsi), faultInjection(faults), oauthServer(oauth), { observe: built.record }];
  };
  const line = await startSandbox({ ...lineOptions, clock, tokens, extend });
  started.webhooks = line.webhooks;
  if (!kit) throw new Error('startSandbox did not call extend');
  started.xsi = line.xsi;
  const control = kit.control;
  return {
    baseUrl: line.baseUrl,
    get token() {
      return line.token;
    },
    control,
    oauth,
    videosdk: line.videosdk,
    meetings: line.meetings,
    xsi: line.xsi,
    webhooks: line.webhooks,
    meLines: line.meLines,
    close: () => line.close(),
  };
}
