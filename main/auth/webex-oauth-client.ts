/**
 * Webex's OAuth token endpoint (`POST /access_token`, form-encoded, client secret included as
 * Webex requires even with PKCE) and `GET /people/me`. Request bodies and token answers are never
 * logged; failures keep Webex's words and trackingId.
 */
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import { readErrorBody } from '../providers/http-errors.js';
import { createHttpClient } from '../providers/http.js';

export interface TokenGrant {
  accessToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
  /** As Webex reported them; undefined when its answer did not say. */
  scopes?: string[];
}

export interface WebexUser {
  displayName: string;
  email?: string;
}

export interface OAuthClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
  dispatcher?: Dispatcher;
  log?: Logger;
}

export interface WebexOAuthClient {
  exchangeCode(args: { code: string; redirectUri: string; verifier: string }): Promise<TokenGrant>;
  refresh(refreshToken: string): Promise<TokenGrant>;
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});

const OAuthErrorBody = z.looseObject({ error: z.string(), error_description: z.string().optional() });

const Person = z.looseObject({
  displayName: z.string().optional(),
  nickName: z.string().optional(),
  emails: z.array(z.string()).optional(),
});

export function createWebexOAuthClient(opts: OAuthClientOptions): WebexOAuthClient {
  // The token endpoint takes the client's credentials in the form, not a bearer token.
  const http = createHttpClient({
    baseUrl: opts.baseUrl,
    service: 'Webex',
    now: opts.now,
    ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });

  async function grant(form: Record<string, string>, what: 'sign-in' | 'refresh'): Promise<TokenGrant> {
    const res = await http.request({
      method: 'POST',
      path: '/access_token',
      form: { ...form, client_id: opts.clientId, client_secret: opts.clientSecret },
      describeFailure: ({ status, bodyText, error }) => tokenError({ status, text: bodyText, base: error, what }),
    });
    const parsed = TokenResponse.safeParse(res.body);
    if (!parsed.success) throw new AppError('provider', 'Webex sent a token answer CallDeck could not read.', { status: res.status });
    const t = parsed.data;
    const now = opts.now();
    return {
      accessToken: t.access_token,
      accessExpiresAt: now + t.expires_in * 1000,
      ...(t.refresh_token !== undefined ? { refreshToken: t.refresh_token } : {}),
      ...(t.refresh_token_expires_in !== undefined ? { refreshExpiresAt: now + t.refresh_token_expires_in * 1000 } : {}),
      ...(t.scope !== undefined ? { scopes: t.scope.split(/[\s,]+/).filter(Boolean) } : {}),
    };
  }

  return {
    exchangeCode: ({ code, redirectUri, verifier }) =>
      grant({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }, 'sign-in'),
    refresh: (refreshToken) => grant({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh'),
  };
}

/**
 * 400 and 401 from the token endpoint are final (a bad code, client or refresh token): they
 * become `unauthorized`. Everything else keeps its usual meaning, so callers can tell a refused
 * refresh from a network blip.
 */
function tokenError(args: { status: number; text: string; base: AppError; what: 'sign-in' | 'refresh' }): AppError {
  const { base } = args;
  if (args.status !== 400 && args.status !== 401) return base;
  const oauth = OAuthErrorBody.safeParse(safeJson(args.text));
  const said = ((oauth.success ? oauth.data.error_description ?? oauth.data.error : undefined) ?? readErrorBody(args.text).message)?.replace(/[.\s]+$/, '');
  const message =
    args.what === 'sign-in'
      ? `Webex did not accept the sign-in${said ? `: ${said}` : ''}. Check the client ID and client secret of your integration.`
      : `Webex would not renew the sign-in${said ? `: ${said}` : ''}.`;
  return new AppError('unauthorized', message, {
    status: args.status,
    ...(base.trackingId !== undefined ? { trackingId: base.trackingId } : {}),
  });
}

/** Who the token belongs to. A token without spark:people_read cannot say; that is not a failure. */
export async function fetchWebexUser(opts: { baseUrl: string; token: string; log?: Logger; dispatcher?: Dispatcher }): Promise<WebexUser | undefined> {
  const http = createHttpClient({
    baseUrl: opts.baseUrl,
    getToken: async () => opts.token,
    service: 'Webex',
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
  });
  try {
    const res = await http.request({ method: 'GET', path: '/people/me' });
    const person = Person.safeParse(res.body);
    if (!person.success) return undefined;
    const email = person.data.emails?.[0];
    const displayName = person.data.displayName ?? person.data.nickName ?? email ?? 'Webex user';
    return { displayName, ...(email !== undefined ? { email } : {}) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return undefined;
    throw error;
  } finally {
    await http.close();
  }
}

/** The parsed JSON, or undefined for no text or text that is not JSON. */
export function safeJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
