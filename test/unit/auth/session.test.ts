import { afterEach, describe, expect, it } from 'vitest';
import { flushAsync } from '../../fakes/fake-clock.js';
import { createWorld, DEFAULT_LABEL, everything, signedIn, type World } from './account-world.js';

let world: World;
afterEach(async () => world?.close());

const TEN_MINUTES = 10 * 60_000;

describe('keeping a Webex sign-in alive', () => {
  it('renews the token before it expires (under five minutes left), once, and uses the new one', async () => {
    world = await createWorld({ sandbox: { oauth: { accessTokenTtlMs: TEN_MINUTES } } });
    await signedIn(world);
    await world.core.calls.refresh();
    expect(world.line.oauth.stats().refreshGrants).toBe(0);

    world.clock.advance(5 * 60_000 - 1_000); // 5 min 1 s left: not yet
    await world.core.calls.refresh();
    expect(world.line.oauth.stats().refreshGrants).toBe(0);

    world.clock.advance(2_000); // 4 min 59 s left
    await world.core.calls.refresh();
    await world.core.calls.refresh();
    expect(world.line.oauth.stats().refreshGrants).toBe(1);
    expect(world.line.oauth.issued().accessTokens).toHaveLength(2);

    // Past the first token's end, everything still works on the renewed one.
    world.clock.advance(5 * 60_000);
    world.line.control.incomingCall({ from: { number: '+12015550199' } });
    await world.core.calls.refresh();
    expect(world.core.snapshot().line.state).toBe('ok');
    expect(world.core.snapshot().calls).toHaveLength(1);
    expect(world.webex().status).toBe('signed-in');
  });

  it('renews once on a 401 and retries the request', async () => {
    world = await createWorld();
    await signedIn(world);
    world.line.oauth.expireAccessTokens();
    world.line.control.incomingCall({ from: { number: '+12015550199' } });
    await world.core.calls.refresh();
    expect(world.line.oauth.stats().refreshGrants).toBe(1);
    expect(world.core.snapshot().calls).toHaveLength(1);
    expect(world.core.snapshot().line.state).toBe('ok');
  });

  it('is single-flight: ten requests that all get a 401 cause one renewal, and all succeed', async () => {
    world = await createWorld();
    await signedIn(world);
    const provider = world.core.calls.line().provider;
    world.line.oauth.expireAccessTokens();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => provider.listCalls()));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill('fulfilled'));
    expect(world.line.oauth.stats().refreshGrants).toBe(1);
    // Each request was refused once, then retried: 20 in all, 10 of them with the new token.
    const statuses = world.line.control.state().requests.filter((r) => r.path === '/v1/telephony/calls').map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  });

  it('does not loop: a request refused again after the renewal fails with unauthorized', async () => {
    world = await createWorld();
    await signedIn(world);
    world.line.oauth.expireAccessTokens();
    world.line.control.injectFault({ kind: 'status', status: 401, times: 2, path: '/telephony/calls' });
    await expect(world.core.calls.line().provider.listCalls()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(world.line.oauth.stats().refreshGrants).toBe(1);
  });

  it('signs the account out when Webex refuses to renew, says so, and keeps the settings', async () => {
    world = await createWorld();
    await signedIn(world);
    const before = world.webex();
    world.line.oauth.revokeRefreshTokens();
    world.line.oauth.expireAccessTokens();
    await world.core.calls.refresh();
    await flushAsync();

    const account = world.webex();
    expect(account.status).toBe('signed-out');
    expect(account.problem).toBe(
      'You were signed out of Webex. Webex would not renew the sign-in: The refresh token is invalid or expired. Sign in again; your integration settings are kept.',
    );
    expect(account).toMatchObject({ clientId: before.clientId, redirectUri: before.redirectUri, baseUrl: before.baseUrl, hasClientSecret: true });
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
    for (const token of [...world.line.oauth.issued().accessTokens, ...world.line.oauth.issued().refreshTokens]) {
      expect(everything(world)).not.toContain(token);
    }
    // Signing in again is one click: the stored client secret is still there.
    const opened = world.browser.nextUrl();
    const again = world.call('accounts:signIn', { id: account.id });
    expect(new URL(await opened).pathname).toBe('/v1/authorize');
    await world.ok('accounts:cancelSignIn', { id: account.id });
    expect((await again).ok).toBe(false);
  });

  it('rides out a network failure while renewing, as long as the old token still works', async () => {
    world = await createWorld({ sandbox: { oauth: { accessTokenTtlMs: TEN_MINUTES } } });
    await signedIn(world);
    world.clock.advance(6 * 60_000);
    world.line.control.injectFault({ kind: 'status', status: 503, times: 1, path: '/access_token' });
    await world.core.calls.refresh();
    expect(world.core.snapshot().line.state).toBe('ok');
    expect(world.webex().status).toBe('signed-in');
    await world.core.calls.refresh();
    expect(world.line.oauth.stats().refreshGrants).toBe(1);
  });
});

describe('a personal access token', () => {
  it('says when it expires, and plainly once it has', async () => {
    world = await createWorld();
    const signedInAt = world.clock.now();
    const snapshot = await world.ok('accounts:usePat', { token: await world.seal('webex.pat', world.line.token), baseUrl: world.line.baseUrl });
    expect(snapshot.accounts[0]).toMatchObject({
      status: 'signed-in',
      method: 'pat',
      expiresAt: new Date(signedInAt + 12 * 3600_000).toISOString(),
      user: { displayName: 'Alex Morgan' },
      inUse: true,
    });
    expect(world.core.calls.line().mode).toBe('account');

    world.clock.advance(12 * 3600_000 - 1);
    await flushAsync();
    expect(world.webex().status).toBe('signed-in');
    world.clock.advance(1);
    await flushAsync();

    expect(world.webex()).toMatchObject({
      status: 'expired',
      expiresAt: new Date(signedInAt + 12 * 3600_000).toISOString(),
      problem: 'Your personal access token has expired (they last 12 hours). Paste a new one to control calls again.',
    });
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
    expect(everything(world)).not.toContain(world.line.token);

    // Still expired, and still saying so, after a restart.
    await world.restart();
    expect(world.webex().status).toBe('expired');
  });

  it('is refused with a clear message when Webex does not accept it', async () => {
    world = await createWorld();
    const result = await world.call('accounts:usePat', { token: await world.seal('webex.pat', 'not-a-token'), baseUrl: world.line.baseUrl });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unauthorized');
      expect(result.error.message).toMatch(/did not accept this personal access token/);
    }
    expect(world.core.accounts.snapshot().accounts).toEqual([]);
  });

  it('when Webex stops accepting it early, the account says so and the line goes back', async () => {
    world = await createWorld();
    await world.ok('accounts:usePat', { token: await world.seal('webex.pat', world.line.token), baseUrl: world.line.baseUrl });
    world.line.control.expireToken();
    await world.core.calls.refresh();
    await flushAsync();
    expect(world.webex()).toMatchObject({
      status: 'signed-out',
      problem: 'Webex no longer accepts your personal access token. Paste a new one to control calls again.',
    });
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
  });
});
