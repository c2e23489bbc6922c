/**
 * The built-in line's OAuth side: one registered integration, authorization codes bound to a PKCE
 * challenge, and access and refresh tokens that expire on the line's clock, so tests can make a
 * token run out without waiting. It issues real random tokens, which a leak test can search for.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../main/core/ports.js';
import { sameSecret } from '../../main/core/same-secret.js';

export interface SandboxOAuthOptions {
  clientId?: string;
  /** Absent: random. */
  clientSecret?: string;
  /** Webex's defaults: 14 days and 90 days. */
  accessTokenTtlMs?: number;
  refreshTokenTtlMs?: number;
}

export interface SandboxOAuthStats {
  authorizations: number;
  codeGrants: number;
  refreshGrants: number;
  /** Webex API requests authorised by an OAuth access token (rather than the line's own token). */
  oauthApiRequests: number;
}

/** What tests steer; in-process only. */
export interface SandboxOAuth {
  readonly client: { id: string; secret: string };
  /** The scopes the next grants carry; undefined grants what was asked for. */
  setGrantedScopes(scopes: string[] | undefined): void;
  /** Whether token answers name their `scope` (default true); OAuth lets a server leave it out when it is what was asked for. */
  setScopeInAnswers(on: boolean): void;
  /** Every access token issued so far stops working (the API answers 401). */
  expireAccessTokens(): void;
  /** Every refresh token issued so far is refused. */
  revokeRefreshTokens(): void;
  /** The next /authorize answers with this OAuth error instead of a code. */
  denyNextAuthorization(error?: string, description?: string): void;
  stats(): SandboxOAuthStats;
  issued(): { accessTokens: string[]; refreshTokens: string[] };
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  expiresAt: number;
}

interface TokenInfo {
  expiresAt: number;
  scopes: string[];
  revoked: boolean;
}

export type AuthorizeOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'refuse'; message: string };

export type TokenOutcome = { status: number; body: Record<string, unknown> };

const CODE_TTL_MS = 10 * 60_000;

const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;


function isLoopbackHttp(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  } catch {
    return false;
  }
}

export class OAuthBook implements SandboxOAuth {
  readonly client: { id: string; secret: string };
  private readonly accessTtl: number;
  private readonly refreshTtl: number;
  private grantScopes: string[] | undefined;
  private scopeInAnswers = true;
  private denial: { error: string; description: string } | undefined;
  private readonly codes = new Map<string, CodeGrant>();
  private readonly access = new Map<string, TokenInfo>();
  private readonly refresh = new Map<string, TokenInfo>();
  private readonly counts: SandboxOAuthStats = { authorizations: 0, codeGrants: 0, refreshGrants: 0, oauthApiRequests: 0 };

  constructor(
    private readonly clock: Clock,
    opts: SandboxOAuthOptions = {},
  ) {
    this.client = { id: opts.clientId ?? 'calldeck-sandbox', secret: opts.clientSecret ?? token('sandbox_cs') };
    this.accessTtl = opts.accessTokenTtlMs ?? 14 * 24 * 3600_000;
    this.refreshTtl = opts.refreshTokenTtlMs ?? 90 * 24 * 3600_000;
  }

  setScopeInAnswers(on: boolean): void {
    this.scopeInAnswers = on;
  }

  setGrantedScopes(scopes: string[] | undefined): void {
    this.grantScopes = scopes ? [...scopes] : undefined;
  }
  expireAccessTokens(): void {
    for (const info of this.access.values()) info.revoked = true;
  }
  revokeRefreshTokens(): void {
    for (const info of this.refresh.values()) info.revoked = true;
  }
  denyNextAuthorization(error = 'access_denied', description = 'The user declined to authorize CallDeck.'): void {
    this.denial = { error, description };
  }
  stats(): SandboxOAuthStats {
    return { ...this.counts };
  }
  issued(): { accessTokens: string[]; refreshTokens: string[] } {
    return { accessTokens: [...this.access.keys()], refreshTokens: [...this.refresh.keys()] };
  }

  /** The scopes an access token this book issued was granted; undefined for any other token. */
  scopesOf(bearer: string | undefined): readonly string[] | undefined {
    return bearer === undefined ? undefined : this.access.get(bearer)?.scopes;
  }

  /** Bearer check for the API: a live OAuth access token. */
  acceptsAccessToken(bearer: string | undefined): boolean {
    if (bearer === undefined) return false;
    const info = this.access.get(bearer);
    const ok = info !== undefined && !info.revoked && this.clock.now() < info.expiresAt;
    if (ok) this.counts.oauthApiRequests += 1;
    return ok;
  }

  authorize(query: URLSearchParams): AuthorizeOutcome {
    const clientId = query.get('client_id');
    const redirectUri = query.get('redirect_uri');
    // Like Webex, an unknown client or redirect gets an error page, never a redirect.
    if (clientId === null || !sameSecret(clientId, this.client.id)) return { kind: 'refuse', message: 'Invalid client_id.' };
    if (redirectUri === null || !isLoopbackHttp(redirectUri)) {
      return { kind: 'refuse', message: 'redirect_uri must be an http://127.0.0.1 or http://localhost address.' };
    }
    const back = (params: Record<string, string>) => {
      const url = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const state = query.get('state');
      if (state !== null) url.searchParams.set('state', state);
      return { kind: 'redirect' as const, location: url.toString() };
    };
    const fail = (error: string, description: string) => back({ error, error_description: description });

    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
    const challenge = query.get('code_challenge');
    if (query.get('code_challenge_method') !== 'S256' || challenge === null || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return fail('invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256.');
    }
    const scopes = (query.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    if (scopes.length === 0) return fail('invalid_scope', 'scope is required.');
    if (this.denial) {
      const { error, description } = this.denial;
      this.denial = undefined;
      return fail(error, description);
    }
    this.counts.authorizations += 1;
    const code = token('sandbox_code');
    this.codes.set(code, {
      clientId,
      redirectUri,
      challenge,
      scopes: this.grantScopes ?? scopes,
      expiresAt: this.clock.now() + CODE_TTL_MS,
    });
    return back({ code });
  }

  token(form: URLSearchParams): TokenOutcome {
    const clientId = form.get('client_id') ?? '';
    const clientSecret = form.get('client_secret') ?? '';
    if (!sameSecret(clientId, this.client.id) || !sameSecret(clientSecret, this.client.secret)) {
      return refusal(401, 'invalid_client', 'The client ID or client secret is not valid.');
    }
    switch (form.get('grant_type')) {
      case 'authorization_code':
        return this.exchange(form);
      case 'refresh_token':
        return this.renew(form);
      default:
        return refusal(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
    }
  }

  private exchange(form: URLSearchParams): TokenOutcome {
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    // One use only, even when it fails: a replayed code is refused.
    this.codes.delete(code);
    if (!grant || this.clock.now() >= grant.expiresAt) return refusal(400, 'invalid_grant', 'The authorization code is invalid, used or expired.');
    if (form.get('redirect_uri') !== grant.redirectUri) return refusal(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
    const verifier = form.get('code_verifier') ?? '';
    const expected = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (verifier.length < 43 || !sameSecret(expected, grant.challenge)) return refusal(400, 'invalid_grant', 'PKCE verification failed: code_verifier does not match.');
    this.counts.codeGrants += 1;
    const refreshToken = token('sandbox_rt');
    const info: TokenInfo = { expiresAt: this.clock.now() + this.refreshTtl, scopes: grant.scopes, revoked: false };
    this.refresh.set(refreshToken, info);
    return this.grantAccess(refreshToken, info);
  }

  private renew(form: URLSearchParams): TokenOutcome {
    const refreshToken = form.get('refresh_token') ?? '';
    const info = this.refresh.get(refreshToken);
    if (!info || info.revoked || this.clock.now() >= info.expiresAt) return refusal(400, 'invalid_grant', 'The refresh token is invalid or expired.');
    this.counts.refreshGrants += 1;
    return this.grantAccess(refreshToken, info);
  }

  private grantAccess(refreshToken: string, refreshInfo: TokenInfo): TokenOutcome {
    const now = this.clock.now();
    const accessToken = token('sandbox_at');
    this.access.set(accessToken, { expiresAt: now + this.accessTtl, scopes: refreshInfo.scopes, revoked: false });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: Math.floor(this.accessTtl / 1000),
        refresh_token: refreshToken,
        refresh_token_expires_in: Math.max(0, Math.floor((refreshInfo.expiresAt - now) / 1000)),
        token_type: 'Bearer',
        ...(this.scopeInAnswers ? { scope: refreshInfo.scopes.join(' ') } : {}),
      },
    };
  }
}

function refusal(status: number, error: string, description: string): TokenOutcome {
  return { status, body: { error, error_description: description, message: description, errors: [{ description }] } };
}
