import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s256 } from '../../../main/auth/pkce.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { raw, testAgent } from '../sandbox/raw-http.js';

let agent: Agent;
let line: TestLine;
let clock: FakeClock;
const exchanges: SandboxExchange[] = [];
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const REDIRECT = 'http://127.0.0.1:6001/callback';

beforeAll(async () => {
  agent = testAgent();
  clock = new FakeClock();
  line = await startTestLine({ clock, oauth: { accessTokenTtlMs: 60_000, refreshTokenTtlMs: 600_000 } });
  line.control.onExchange((x) => exchanges.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

function authorizeUrl(params: Record<string, string> = {}): string {
  const url = new URL(`${line.baseUrl}/authorize`);
  const all = {
    client_id: line.oauth.client.id,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'spark:calls_read spark:calls_write',
    state: 'st-1',
    code_challenge: s256(VERIFIER),
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return url.toString();
}

async function code(params: Record<string, string> = {}): Promise<string> {
  const res = await raw(agent, authorizeUrl(params));
  expect(res.status).toBe(302);
  const location = new URL(String(res.headers.location));
  expect(location.searchParams.get('state')).toBe('st-1');
  return location.searchParams.get('code') ?? '';
}

const token = (form: Record<string, string>) =>
  raw(agent, `${line.baseUrl}/access_token`, {
    method: 'POST',
    rawBody: new URLSearchParams({ client_id: line.oauth.client.id, client_secret: line.oauth.client.secret, ...form }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('the built-in line as an OAuth server', () => {
  it('redirects /authorize straight back to the loopback redirect with a code and the state', async () => {
    expect(await code()).toMatch(/^sandbox_code_/);
  });

  it('insists on PKCE S256 and a loopback redirect', async () => {
    const plain = await raw(agent, authorizeUrl({ code_challenge_method: 'plain' }));
    expect(new URL(String(plain.headers.location)).searchParams.get('error')).toBe('invalid_request');
    expect((await raw(agent, authorizeUrl({ redirect_uri: 'https://evil.example/cb' }))).status).toBe(400);
    expect((await raw(agent, authorizeUrl({ client_id: 'someone-else' }))).status).toBe(400);
  });

  it('exchanges a code once, only with the right verifier, redirect and client secret', async () => {
    const c1 = await code();
    expect((await token({ grant_type: 'authorization_code', code: c1, redirect_uri: REDIRECT, code_verifier: 'x'.repeat(43) })).status).toBe(400);
    // Refused attempts burn the code too.
    expect((await token({ grant_type: 'authorization_code', code: c1, redirect_uri: REDIRECT, code_verifier: VERIFIER })).status).toBe(400);

    const c2 = await code();
    const wrongSecret = await raw(agent, `${line.baseUrl}/access_token`, {
      method: 'POST',
      rawBody: new URLSearchParams({ grant_type: 'authorization_code', client_id: line.oauth.client.id, client_secret: 'nope', code: c2, redirect_uri: REDIRECT, code_verifier: VERIFIER }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.json).toMatchObject({ error: 'invalid_client' });

    const c3 = await code();
    const ok = await token({ grant_type: 'authorization_code', code: c3, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ expires_in: 60, refresh_token_expires_in: 600, token_type: 'Bearer', scope: 'spark:calls_read spark:calls_write' });
    const again = await token({ grant_type: 'authorization_code', code: c3, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(again.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('issues access tokens that work on the API until they expire on the line clock, and refreshes them', async () => {
    const c = await code();
    const grant = (await token({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT, code_verifier: VERIFIER })).json as Record<string, string>;
    const me = await raw(agent, `${line.baseUrl}/people/me`, { token: grant.access_token! });
    expect(me.json).toMatchObject({ displayName: 'Alex Morgan', emails: ['alex.morgan@example.com'] });
    expect((await raw(agent, `${line.baseUrl}/telephony/calls`, { token: grant.access_token! })).status).toBe(200);

    clock.advance(60_000);
    expect((await raw(agent, `${line.baseUrl}/telephony/calls`, { token: grant.access_token! })).status).toBe(401);
    const renewed = await token({ grant_type: 'refresh_token', refresh_token: grant.refresh_token! });
    expect(renewed.status).toBe(200);
    const next = (renewed.json as Record<string, string>).access_token!;
    expect(next).not.toBe(grant.access_token);
    expect((await raw(agent, `${line.baseUrl}/telephony/calls`, { token: next })).status).toBe(200);

    line.oauth.revokeRefreshTokens();
    expect((await token({ grant_type: 'refresh_token', refresh_token: grant.refresh_token! })).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('never keeps secrets, codes or verifiers in its exchange log', async () => {
    const logged = JSON.stringify(exchanges.filter((x) => x.path === '/v1/access_token'));
    expect(logged).toContain('client_secret=[redacted]');
    expect(logged).not.toContain(line.oauth.client.secret);
    expect(logged).not.toContain(VERIFIER);
  });
});
