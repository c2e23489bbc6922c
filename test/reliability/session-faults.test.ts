/**
 * The 401 rows that need a signed-in OAuth account: Webex rejects the access token mid-session.
 * A token the account can refresh is refreshed once and the line carries on; one that cannot be
 * refreshed signs the account out, back to the default line, keeping the account's settings.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, DEFAULT_LABEL, type World } from './kit/world.js';

async function signedInWorld(): Promise<World> {
  const world = await createWorld();
  await world.ok('settings:set', { defaultCountry: 'GB' });
  await world.signInWithOAuth();
  world.line.control.incomingCall({ from: { number: '+14155550100', name: 'Ada Lovelace' } });
  await world.run(3_000);
  expect(world.core.snapshot().line).toMatchObject({ state: 'ok' });
  expect(world.core.snapshot().line.label).not.toBe(DEFAULT_LABEL);
  return world;
}

describe('a 401 mid-session', () => {
  it('an OAuth account refreshes once and the line recovers within the same poll', async () => {
    const world = await signedInWorld();
    try {
      const { refreshGrants } = world.line.oauth.stats();
      world.line.oauth.expireAccessTokens();
      const expiredAt = world.clock.now();
      // Ten polls' worth of 401s would be ten refreshes if the session did not single-flight them.
      await world.run(10_000);
      expect(world.line.oauth.stats().refreshGrants).toBe(refreshGrants + 1);
      const unauthorized = world.events.filter((e) => e.at >= expiredAt && e.channel === 'calls:changed' && (e.payload as { line: { state: string } }).line.state !== 'ok');
      expect(unauthorized, 'the person never saw the line fail').toEqual([]);
      expect(world.webex()).toMatchObject({ status: 'signed-in', inUse: true });
      expect(world.core.snapshot().calls[0]?.actions.length).toBeGreaterThan(0);
      expect(world.core.settings.get().defaultCountry).toBe('GB');
      expect(world.crashes).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it('a token that cannot be refreshed signs the account out, keeps its settings, and falls back to the default line', async () => {
    const world = await signedInWorld();
    try {
      const before = world.webex();
      world.line.oauth.revokeRefreshTokens();
      world.line.oauth.expireAccessTokens();
      const took = await world.runUntil(() => world.webex()?.status === 'signed-out' && world.core.snapshot().line.label === DEFAULT_LABEL, 10_000);
      expect(took).toBeDefined();
      const after = world.webex();
      expect(after?.problem ?? '').not.toBe('');
      // What the person configured stays: the integration, its address and the app settings.
      expect(after).toMatchObject({ clientId: before?.clientId, baseUrl: before?.baseUrl, redirectUri: before?.redirectUri, hasClientSecret: true });
      expect(world.accountsStore.read()).toMatchObject({ ok: true, data: { accounts: [{ clientId: before?.clientId }] } });
      expect(world.core.settings.get().defaultCountry).toBe('GB');
      await world.run(3_000);
      expect(world.core.snapshot().line.state).toBe('ok');
      expect(world.crashes).toEqual([]);
      console.info(`unrefreshable 401: signed out and back on the default line after ${took} ms`);
    } finally {
      await world.close();
    }
  });
});
