/**
 * Signing out with live updates through webhooks: the signed-in account's webhooks belong to its
 * line and its token, so they are deleted at Webex before the switch to the default line, and
 * sign-out answers only then. Deliveries go straight to the receiver on loopback (CALLDECK_WEBHOOK_*).
 */
import { afterEach, expect, it } from 'vitest';
import { freePort } from '../../line-kit/index.js';
import { configureSandboxIntegration, createWorld, DEFAULT_LABEL, signInThroughBrowser, type World } from './account-world.js';

let world: World | undefined;
afterEach(async () => world?.close());

it('signing out deletes the account’s webhooks at Webex before it answers', async () => {
  const port = await freePort();
  world = await createWorld({ events: { webhookEnvironment: { url: `http://127.0.0.1:${port}/calldeck-hooks`, port } } });
  const line = world.line;
  await configureSandboxIntegration(world);
  const { result } = await signInThroughBrowser(world);
  expect(result.ok).toBe(true);
  const signedInWorld = world;
  // The account line's own webhooks: made after sign-in (the default line's are gone with the switch).
  await expect.poll(() => signedInWorld.core.liveEvents.status().source, { timeout: 10_000 }).toBe('webhooks');
  const accountHooks = line.webhooks.list().map((hook) => hook.id);
  expect(accountHooks).toHaveLength(4);
  const deletes: { path: string; status?: number }[] = [];
  const unobserve = line.control.onExchange((e) => {
    if (e.method === 'DELETE') deletes.push({ path: e.path, ...(e.status !== undefined ? { status: e.status } : {}) });
  });
  // Webex's pace rather than loopback's: a sign-out that did not wait would answer with them still there.
  line.control.injectFault({ kind: 'slow', delayMs: 300, times: 'always', method: 'DELETE', path: '/webhooks' });

  await world.ok('accounts:signOut', { id: world.webex().id });

  expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
  const left = new Set(line.webhooks.list().map((hook) => hook.id));
  expect(accountHooks.filter((id) => left.has(id))).toEqual([]);
  // Deleted by the sign-out itself, with the account's token still good (not by a later clean-up).
  unobserve();
  const ofAccount = deletes.filter((d) => accountHooks.some((id) => d.path.endsWith(`/webhooks/${encodeURIComponent(id)}`)));
  expect(ofAccount.map((d) => d.status)).toEqual([204, 204, 204, 204]);
  expect(world.log.lines.filter((l) => l.message === 'events: could not delete a webhook')).toEqual([]);
});
