/**
 * A token with exactly the scopes asked for, from a test line's own OAuth server (it grants what is
 * asked), by the authorization-code flow over raw HTTP: for line rules that depend on scopes.
 */
import type { Agent } from 'undici';
import { s256 } from '../../../main/auth/pkce.js';
import type { TestLine } from '../../line-kit/index.js';
import { raw } from './raw-http.js';

const REDIRECT = 'http://127.0.0.1:6001/callback';

export async function tokenWithScopes(agent: Agent, line: TestLine, scope: string): Promise<string> {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const url = new URL(`${line.baseUrl}/authorize`);
  const query = {
    client_id: line.oauth.client.id,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope,
    state: 's',
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const code = new URL(String((await raw(agent, url.toString())).headers.location)).searchParams.get('code') ?? '';
  const res = await raw(agent, `${line.baseUrl}/access_token`, {
    method: 'POST',
    rawBody: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: line.oauth.client.id,
      client_secret: line.oauth.client.secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return (res.json as { access_token: string }).access_token;
}
