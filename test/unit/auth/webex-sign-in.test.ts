import { afterEach, describe, expect, it } from 'vitest';
import { WEBEX_SCOPES } from '../../../preload/contract.js';
import { authorizeUrl } from '../../../main/auth/webex-sign-in.js';
import { integrationScopes } from '../../../preload/common/accounts.js';
import { flushAsync } from '../../fakes/fake-clock.js';
import { browse, configureSandboxIntegration, createWorld, DEFAULT_LABEL, everything, issuedSecrets, signInThroughBrowser, type World } from './account-world.js';

let world: World;
afterEach(async () => world?.close());

async function refused(url: string): Promise<boolean> {
  try {
    await browse(url);
    return false;
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as { code?: string }).code ?? error));
  }
}

describe('signing in with a Webex integration', () => {
  it('opens /authorize in the system browser with PKCE S256, a random state and exactly the scopes', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    const { authorizeUrl, callbackPage, result } = await signInThroughBrowser(world);

    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${world.line.baseUrl}/authorize`);
    const q = authorizeUrl.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(world.line.oauth.client.id);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('scope')?.split(' ')).toEqual([...WEBEX_SCOPES]);
    expect(authorizeUrl.search).toContain('scope=spark%3Acalls_read%20spark%3Acalls_write');
    // The configured path, on a random loopback port in tests; the secret never rides in the URL.
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(authorizeUrl.toString()).not.toContain(world.line.oauth.client.secret);

    expect(callbackPage.status).toBe(200);
    expect(callbackPage.text).toContain('You can close this tab');
    expect(result.ok).toBe(true);
    expect(world.line.oauth.stats()).toMatchObject({ authorizations: 1, codeGrants: 1 });

    const account = world.webex();
    expect(account).toMatchObject({
      status: 'signed-in',
      method: 'oauth',
      user: { displayName: 'Alex Morgan', email: 'alex.morgan@example.com' },
      missingScopes: [],
      inUse: true,
    });
    // The loopback listener took its one callback and is gone.
    expect(await refused(q.get('redirect_uri')!)).toBe(true);
  });

  it('uses a new state and verifier each time', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    const first = await signInThroughBrowser(world);
    const second = await signInThroughBrowser(world);
    expect(first.authorizeUrl.searchParams.get('state')).not.toBe(second.authorizeUrl.searchParams.get('state'));
    expect(first.authorizeUrl.searchParams.get('code_challenge')).not.toBe(second.authorizeUrl.searchParams.get('code_challenge'));
    expect(world.line.oauth.stats().codeGrants).toBe(2);
  });

  it('switches the calls to the account line and shows who signed in', async () => {
    world = await createWorld();
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);

    expect(world.core.calls.line()).toMatchObject({ mode: 'account', label: 'Webex · Alex Morgan (alex.morgan@example.com)' });
    expect(await world.ok('app:info')).toMatchObject({ mode: 'account', lineLabel: 'Webex · Alex Morgan (alex.morgan@example.com)' });
    const before = world.line.oauth.stats().oauthApiRequests;
    world.line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await world.core.calls.refresh();
    expect(world.core.snapshot().calls.map((c) => c.remote.name)).toEqual(['Ana Silva']);
    // Those requests carried the OAuth access token, not the line's own.
    expect(world.line.oauth.stats().oauthApiRequests).toBeGreaterThan(before);
  });

  it('signs out: back to the default line, secrets gone from memory and disk, settings kept', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);
    const secrets = issuedSecrets(world);
    const id = world.webex().id;

    const after = await world.ok('accounts:signOut', { id });
    expect(after.accounts[0]).toMatchObject({
      status: 'signed-out',
      clientId: world.line.oauth.client.id,
      redirectUri: 'http://127.0.0.1:6001/callback',
      hasClientSecret: false,
      inUse: false,
    });
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
    const vault = world.vaultStore.read();
    expect(vault).toEqual({ ok: true, data: { version: 1, entries: {} } });
    const all = everything(world);
    for (const secret of secrets) expect(all).not.toContain(secret);
    // And a request now would not use them: the session is closed.
    await world.core.calls.refresh();
    expect(world.core.snapshot().line.state).toBe('ok');
  });

  it('keeps every secret out of what crosses the bridge, the files and the logs while signed in', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);
    await world.core.calls.refresh();
    const secrets = issuedSecrets(world);
    const all = everything(world) + JSON.stringify(await world.ok('accounts:list'));
    for (const secret of secrets) expect(all).not.toContain(secret);
    // The vault file holds ciphertext for them, which is what lets the next start stay signed in.
    const vault = world.vaultStore.read();
    expect(vault.ok && Object.keys((vault.data as { entries: object }).entries).length).toBe(2);
  });
});

describe('a sign-in that does not finish', () => {
  it('refuses an answer with the wrong state, says so, and closes the listener', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    let callback = '';
    const { callbackPage, result } = await signInThroughBrowser(world, (url) => {
      url.searchParams.set('state', 'forged-state');
      callback = url.toString();
    });
    expect(callbackPage.status).toBe(400);
    expect(callbackPage.text).toContain('did not match');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('forbidden');
      expect(result.error.message).toMatch(/state did not match/);
    }
    expect(world.line.oauth.stats().codeGrants).toBe(0);
    expect(world.webex().status).toBe('signed-out');
    expect(await refused(callback)).toBe(true);
  });

  it('times out after the wait, with a message that says how long it waited', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    const opened = world.browser.nextUrl();
    const pending = world.call('accounts:signIn', { id: world.webex().id });
    const redirect = new URL(await opened).searchParams.get('redirect_uri')!;
    expect(world.webex()).toMatchObject({ status: 'signing-in', signInDeadline: new Date(world.clock.now() + 180_000).toISOString() });

    world.clock.advance(3 * 60_000 - 1);
    await flushAsync();
    expect(world.webex().status).toBe('signing-in');
    world.clock.advance(1);
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('timeout');
      expect(result.error.message).toBe(
        'Sign-in timed out: CallDeck waited 3 minutes and your browser never came back. Try again and finish signing in within 3 minutes.',
      );
    }
    expect(world.webex().status).toBe('signed-out');
    expect(await refused(redirect)).toBe(true);
  });

  it('can be cancelled while waiting for the browser', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    const opened = world.browser.nextUrl();
    const id = world.webex().id;
    const pending = world.call('accounts:signIn', { id });
    const authorizeUrl = new URL(await opened);
    expect(await world.ok('accounts:cancelSignIn', { id })).toBeNull();
    const result = await pending;
    expect(result).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Sign-in cancelled. Nothing was changed.' } });
    expect(await refused(authorizeUrl.searchParams.get('redirect_uri')!)).toBe(true);
    // A browser that comes back late finds nobody listening; nothing is exchanged.
    expect(world.line.oauth.stats().codeGrants).toBe(0);
  });

  it('passes on Webex refusing the authorization in its own words', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    world.line.oauth.denyNextAuthorization('access_denied', 'The user declined to authorize CallDeck.');
    const { result } = await signInThroughBrowser(world);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Webex did not sign you in: The user declined to authorize CallDeck. (access_denied).');
  });

  it('says the client secret is wrong when the token endpoint refuses it', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world, { clientSecret: await world.seal('webex.clientSecret', 'not-the-secret') });
    const { result } = await signInThroughBrowser(world);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unauthorized');
      expect(result.error.message).toMatch(/Check the client ID and client secret/);
    }
    expect(everything(world)).not.toContain('not-the-secret');
  });

  it('asks for the client secret before opening the browser', async () => {
    world = await createWorld();
    const snapshot = await world.ok('accounts:configureWebex', { clientId: 'C123', baseUrl: world.line.baseUrl });
    const result = await world.call('accounts:signIn', { id: snapshot.accounts[0]!.id });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Enter the client secret of your Webex integration first.' } });
    expect(world.browser.opened).toEqual([]);
  });
});

describe('scopes', () => {
  it('names exactly which call-control scope Webex did not grant', async () => {
    world = await createWorld();
    world.line.oauth.setGrantedScopes(WEBEX_SCOPES.filter((s) => s !== 'spark:calls_write'));
    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);
    expect(world.webex().missingScopes).toEqual([
      { scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' },
    ]);
  });
});

describe('"Use XSI events"', () => {
  it('off (and absent from older accounts): the authorize request does not ask for spark:xsi, and nothing is missing without it', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world);
    expect(world.webex().useXsi).toBe(false);
    const { authorizeUrl, result } = await signInThroughBrowser(world);
    expect(result.ok).toBe(true);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).not.toContain('spark:xsi');
    expect(world.webex().missingScopes).toEqual([]);
  });

  it('on: the authorize request asks for spark:xsi, and a token granted it shows nothing missing', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world, { useXsi: true });
    expect(world.webex().useXsi).toBe(true);
    const { authorizeUrl, result } = await signInThroughBrowser(world);
    expect(result.ok).toBe(true);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual([...WEBEX_SCOPES, 'spark:xsi']);
    expect(world.webex()).toMatchObject({ status: 'signed-in', useXsi: true, missingScopes: [] });
  });

  it('on, but Webex grants no spark:xsi: the account names it with what it is for', async () => {
    world = await createWorld();
    world.line.oauth.setGrantedScopes([...WEBEX_SCOPES]);
    await configureSandboxIntegration(world, { useXsi: true });
    await signInThroughBrowser(world);
    expect(world.webex().missingScopes).toEqual([{ scope: 'spark:xsi', neededFor: 'live call events through XSI' }]);
  });

  it('[EVT-20] in an org with XSI: the account line goes live through XSI only when opted in and granted spark:xsi', async () => {
    world = await createWorld();
    world.line.xsi.setEnabled(true);
    const liveSource = () => world.core.liveEvents.status().source;

    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);
    expect(world.webex().status).toBe('signed-in');
    // Give a wrongly started source time to reach the line: nothing may open.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushAsync();
    expect(liveSource()).toBe('poll');
    expect(world.line.xsi.seen().channelsOpened).toBe(0);

    await world.ok('accounts:signOut', { id: world.webex().id });
    await configureSandboxIntegration(world, { useXsi: true });
    await signInThroughBrowser(world);
    await expect.poll(liveSource).toBe('xsi');
    expect(world.line.xsi.openChannels()).toHaveLength(1);
    expect(world.line.xsi.subscriptions().map((s) => s.event)).toEqual(['Advanced Call']);
  });

  it('[EVT-20] a token answer without `scope`: what was asked is the most it carries, so without the opt-in XSI is not even tried', async () => {
    world = await createWorld();
    world.line.xsi.setEnabled(true);
    world.line.oauth.setScopeInAnswers(false);
    await configureSandboxIntegration(world);
    await signInThroughBrowser(world);
    expect(world.webex().status).toBe('signed-in');
    expect(world.webex().missingScopes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushAsync();
    // Not even the organisation lookup that would tell whether XSI is on.
    expect(world.line.control.state().requests.some((r) => r.path.includes('/organizations/'))).toBe(false);
    expect(world.core.liveEvents.status().source).toBe('poll');

    await world.ok('accounts:signOut', { id: world.webex().id });
    await configureSandboxIntegration(world, { useXsi: true });
    await signInThroughBrowser(world);
    await expect.poll(() => world.core.liveEvents.status().source).toBe('xsi');
  });

  it('[EVT-20] a personal access token needs no opt-in: it carries every scope, so XSI goes live and nothing is named missing', async () => {
    world = await createWorld();
    world.line.xsi.setEnabled(true);
    await world.ok('accounts:usePat', { token: await world.seal('webex.pat', world.line.token), baseUrl: world.line.baseUrl });
    expect(world.webex()).toMatchObject({ status: 'signed-in', method: 'pat', useXsi: false, missingScopes: [] });
    await expect.poll(() => world.core.liveEvents.status().source).toBe('xsi');
  });

  it('is kept across a restart, and a change applies from the next sign-in', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world, { useXsi: true });
    await world.restart();
    expect(world.webex().useXsi).toBe(true);
    // Saving the form without the field keeps the stored choice.
    await configureSandboxIntegration(world);
    expect(world.webex().useXsi).toBe(true);
    await configureSandboxIntegration(world, { useXsi: false });
    const { authorizeUrl } = await signInThroughBrowser(world);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).not.toContain('spark:xsi');
  });
});

describe('the redirect URI', () => {
  it('accepts a loopback URI with another port and path, and refuses anything else', async () => {
    world = await createWorld();
    expect((await world.call('accounts:configureWebex', { clientId: 'C1', redirectUri: 'http://localhost:7123/oauth/done' })).ok).toBe(true);
    for (const redirectUri of ['https://localhost:6001/callback', 'http://example.com:6001/callback', 'http://localhost/callback', 'http://localhost:6001/cb?x=1']) {
      const result = await world.call('accounts:configureWebex', { clientId: 'C1', redirectUri });
      expect(result.ok, redirectUri).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
  });
});

describe('the authorize URL', () => {
  it('builds the authorize URL with %20-separated scopes', () => {
    const url = new URL(authorizeUrl({ baseUrl: 'https://webexapis.com/v1', clientId: 'C1', redirectUri: 'http://localhost:6001/callback', state: 'st', challenge: 'ch' }));
    expect(url.origin + url.pathname).toBe('https://webexapis.com/v1/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'C1',
      response_type: 'code',
      redirect_uri: 'http://localhost:6001/callback',
      scope: 'spark:calls_read spark:calls_write spark:people_read spark:telephony_config_read spark:telephony_config_write',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('asks for the meeting scopes only with "Use Webex Meetings", and spark:xsi only with "Use XSI events"', () => {
    const scope = (optIns: { meetings?: boolean; xsi?: boolean }) =>
      new URL(
        authorizeUrl({
          baseUrl: 'https://webexapis.com/v1',
          clientId: 'C1',
          redirectUri: 'http://localhost:6001/callback',
          state: 'st',
          challenge: 'ch',
          scopes: integrationScopes(optIns),
        }),
      ).searchParams.get('scope');
    expect(scope({})).not.toContain('meeting:');
    expect(scope({})).not.toContain('spark:xsi');
    expect(scope({ meetings: true })).toBe(
      'spark:calls_read spark:calls_write spark:people_read spark:telephony_config_read spark:telephony_config_write meeting:participants_read meeting:participants_write meeting:schedules_read',
    );
    expect(scope({ xsi: true })).toBe('spark:calls_read spark:calls_write spark:people_read spark:telephony_config_read spark:telephony_config_write spark:xsi');
  });
});
