/**
 * The OAuth endpoints of the built-in line, under /v1 like Webex's:
 *
 *   GET  /v1/authorize      → 302 back to the loopback redirect_uri with ?code&state (for tests: no login page)
 *   POST /v1/access_token   form: authorization_code (+ PKCE verifier) or refresh_token, client secret required
 *
 * (GET /v1/people/me, which sign-in reads to show who signed in, is the People API in main/sandbox/people-routes.ts.)
 */
import type { Responder } from '../../main/sandbox/index.js';
import type { OAuthBook } from './oauth-book.js';

export const OAUTH_API_PATHS = new Set(['/authorize', '/access_token']);

export interface OAuthRequest {
  method: string;
  /** Path below /v1. */
  apiPath: string;
  query: URLSearchParams;
  body: string;
  contentType: string | undefined;
}

export function runOAuthRoute(book: OAuthBook, req: OAuthRequest, respond: Responder): void {
  const allow = (method: string) => {
    if (req.method === method) return true;
    respond.error(405, `${req.method} is not supported on /v1${req.apiPath}.`, { headers: { Allow: method } });
    return false;
  };
  switch (req.apiPath) {
    case '/authorize': {
      if (!allow('GET')) return;
      const outcome = book.authorize(req.query);
      if (outcome.kind === 'refuse') respond.error(400, outcome.message);
      else respond.empty(302, { Location: outcome.location, 'Cache-Control': 'no-store' });
      return;
    }
    case '/access_token': {
      if (!allow('POST')) return;
      if (!/^application\/x-www-form-urlencoded\b/i.test(req.contentType ?? '')) {
        respond.error(415, 'The token request must be application/x-www-form-urlencoded.');
        return;
      }
      const outcome = book.token(new URLSearchParams(req.body));
      const body = outcome.status === 200 ? outcome.body : { ...outcome.body, trackingId: respond.trackingId };
      respond.json(outcome.status, body, { 'Cache-Control': 'no-store' });
      return;
    }
  }
}

/** What the exchange log keeps of a token request: field names, never their values. */
export function redactForm(body: string): string {
  const names = [...new URLSearchParams(body).keys()];
  return names.map((name) => `${name}=[redacted]`).join('&');
}
