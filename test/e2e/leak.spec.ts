import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { everyFault, freePort, startRelay } from '../line-kit/index.js';
import { expect, followInBrowser, openAccounts, startSignIn, test } from './accounts-fixtures.js';
import { closeMeetings, openVideoSdk } from './videosdk-steps.js';

/**
 * The leak test: a whole session (live updates through webhooks, sign in, use the line, VideoSDK
 * keys and a minted token, sign out), then every place a secret could surface is searched for every secret. Each place is also
 * checked for a harmless value that must be there, so an empty capture cannot pass for a clean one.
 */
test('no secret reaches the bridge, the page, web storage, the stored documents or the logs', async ({ page, harness, line, log }) => {
  // Every fault kind below takes a poll or two to play out.
  test.setTimeout(90_000);
  const frames: string[] = [];
  const faulted: string[] = [];
  line.control.onExchange((x) => {
    if (x.fault !== undefined) faulted.push(x.fault);
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => frames.push(String(frame.payload)));
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
  });
  await page.goto(harness.url);
  await expect(page.getByRole('list', { name: 'Active calls' })).toBeVisible();

  // Live updates through webhooks, each made with a fresh secret: before sign-in and after it.
  const relay = await startRelay({ targetPort: await freePort() });
  const webhookSecrets = new Set<string>();
  const keepWebhookSecrets = () => {
    for (const hook of line.webhooks.list()) if (hook.secret !== undefined) webhookSecrets.add(hook.secret);
  };
  await page.getByRole('button', { name: 'Settings' }).click();
  const liveUpdates = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Live updates' });
  await liveUpdates.getByRole('textbox', { name: 'Webhook address' }).fill(relay.url);
  await liveUpdates.getByRole('textbox', { name: 'Local port' }).fill(String(relay.targetPort));
  await liveUpdates.getByRole('button', { name: 'Use these addresses' }).click();
  await expect(liveUpdates.getByText('Live: webhooks', { exact: true })).toBeVisible();
  keepWebhookSecrets();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();

  // Sign in through the UI and the system browser.
  const authorizeUrl = await startSignIn(page, harness, line);
  expect((await followInBrowser(authorizeUrl)).status).toBe(200);
  const webex = page.getByRole('group', { name: 'Webex' });
  await expect(webex.getByRole('status')).toContainText('Signed in as Alex Morgan');

  // Use the API: a call rings on the account's line, is answered and hung up.
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();
  line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
  const call = page.getByRole('listitem', { name: 'Call with Ana Silva' });
  await call.getByRole('button', { name: 'Answer' }).click();
  await expect(call).toContainText('Connected');
  await call.getByRole('button', { name: 'Hang up' }).click();
  await expect(call).toHaveCount(0);
  // The signed-in line has its own webhooks by now, made with new secrets and delivered to.
  await expect(page.getByRole('banner').getByText('Live: webhooks', { exact: true })).toBeVisible();
  keepWebhookSecrets();
  expect(webhookSecrets.size).toBeGreaterThanOrEqual(8);
  expect(line.webhooks.deliveries().some((d) => d.status === 200)).toBe(true);
  // Back to polling for the fault rounds below (they ride on polls); stopping deletes the webhooks.
  await page.getByRole('button', { name: 'Settings' }).click();
  await liveUpdates.getByRole('button', { name: 'Stop webhooks' }).click();
  await expect(liveUpdates.getByText('Refreshing every 2 s', { exact: true })).toBeVisible();
  await expect.poll(() => line.webhooks.list().length).toBe(0);
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();

  // Force a renewal too, so a refresh token has been used and a second access token issued.
  line.oauth.expireAccessTokens();
  line.control.incomingCall({ from: { name: 'Bo Chen', number: '+12015550124' } });
  await expect(page.getByRole('listitem', { name: 'Call with Bo Chen' })).toBeVisible();
  expect(line.oauth.stats().refreshGrants).toBeGreaterThanOrEqual(1);

  // Every fault kind of the reliability suite, on polls and on an action, while signed in: error
  // paths and their logs are where tokens escape.
  for (const fault of LEAK_FAULTS) {
    const before = faulted.length;
    line.control.injectFault({ ...fault, path: '/telephony/calls' });
    await expect.poll(() => faulted.length, { timeout: 20_000 }).toBeGreaterThan(before);
  }
  const bo = page.getByRole('listitem', { name: 'Call with Bo Chen' });
  line.control.injectFault({ kind: 'status', status: 500, path: '/telephony/calls/answer' });
  await bo.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByRole('alert')).toContainText('Something went wrong on the server.');
  line.control.injectFault({ kind: 'status', status: 401, path: '/telephony/calls/answer' });
  await bo.getByRole('button', { name: 'Answer' }).click();
  await expect(bo).toContainText('Connected');

  // VideoSDK keys through the UI; main mints tokens with them.
  const videoSdkSecret = `vsdk_secret_${randomBytes(16).toString('hex')}`;
  const accounts = await openAccounts(page);
  const videoSdk = accounts.getByRole('form', { name: 'VideoSDK' });
  line.videosdk.state.addProject({ apiKey: 'vsdk-api-key-public', secret: videoSdkSecret });
  await videoSdk.getByRole('textbox', { name: 'API key' }).fill('vsdk-api-key-public');
  await videoSdk.getByLabel('API secret').fill(videoSdkSecret);
  await videoSdk.getByText('Advanced', { exact: true }).click();
  await videoSdk.getByRole('textbox', { name: 'VideoSDK API address' }).fill(line.videosdk.origin);
  await videoSdk.getByRole('button', { name: 'Save VideoSDK keys' }).click();
  await expect(videoSdk.getByRole('status')).toHaveText('API key and secret saved.');
  const jwts = [harness.core.accounts.mintVideoSdkToken(), harness.core.accounts.mintVideoSdkToken({ ttlSec: 60 })];
  expect(jwts[0]).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

  // Use them: a SIP call into a VideoSDK room, followed in the list and ended; a token per request.
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();
  line.videosdk.state.addRoom('leak-room');
  const region = await openVideoSdk(page);
  await region.getByRole('radio', { name: 'Gateway' }).check();
  await region.getByRole('textbox', { name: 'Room ID' }).fill('leak-room');
  await region.getByRole('textbox', { name: 'Call to' }).fill('+14155550123');
  await region.getByRole('textbox', { name: 'Gateway ID' }).fill('gw_sandbox_1');
  await region.getByRole('button', { name: 'Start SIP call' }).click();
  const sipCall = region.getByRole('listitem', { name: /^SIP call to / });
  await expect(sipCall).toContainText('Answered', { timeout: 10_000 });
  await sipCall.getByRole('button', { name: 'End SIP call' }).click();
  await expect(sipCall).toContainText('Ended');
  const lineTokens = line.videosdk.acceptedTokens();
  const savedKeyTokens = lineTokens.filter((t) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()).apikey === 'vsdk-api-key-public');
  expect(savedKeyTokens.length).toBeGreaterThanOrEqual(3);
  expect(new Set(lineTokens).size).toBeGreaterThanOrEqual(2);
  const meetingsDom = await domText(page);
  await closeMeetings(page);

  // Sign out.
  await openAccounts(page);
  await webex.getByRole('button', { name: 'Sign out' }).click();
  await expect(webex.getByRole('status')).toHaveText('Not signed in.');

  const issued = line.oauth.issued();
  expect(issued.accessTokens.length).toBeGreaterThanOrEqual(2);
  const secrets: Record<string, string> = {
    'client secret': line.oauth.client.secret,
    'VideoSDK secret': videoSdkSecret,
    'VideoSDK secret (environment account)': line.videosdk.project.secret,
    ...Object.fromEntries(lineTokens.map((t, i) => [`VideoSDK token ${i + 1} (sent to the line)`, t])),
    ...Object.fromEntries(issued.accessTokens.map((t, i) => [`access token ${i + 1}`, t])),
    ...Object.fromEntries(issued.refreshTokens.map((t, i) => [`refresh token ${i + 1}`, t])),
    ...Object.fromEntries(jwts.map((t, i) => [`minted JWT ${i + 1}`, t])),
    ...Object.fromEntries([...webhookSecrets].map((t, i) => [`webhook secret ${i + 1}`, t])),
  };
  await relay.stop();

  const places: Record<string, string> = {
    'bridge frames': frames.join('\n'),
    DOM: await domText(page),
    'DOM of the Meetings view': meetingsDom,
    'web storage': await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })),
    'stored documents': JSON.stringify({
      settings: harness.ports.settingsStore.current(),
      callLog: harness.ports.callLogStore.current(),
      accounts: harness.ports.accountsStore.current(),
      vault: harness.ports.vaultStore.current(),
    }),
    logs: JSON.stringify(log.lines),
  };

  // The search can see: each place holds something it should.
  expect(frames.length).toBeGreaterThan(20);
  expect(places['bridge frames']).toContain('vsdk-api-key-public');
  expect(places['bridge frames']).toContain('leak-room');
  expect(places['DOM of the Meetings view']).toContain('leak-room');
  expect(places['bridge frames']).toContain(line.oauth.client.id);
  expect(places.DOM).toContain(line.oauth.client.id);
  expect(places['stored documents']).toContain(line.oauth.client.id);
  expect(places.logs).toContain('signed in to webex');

  const hits = Object.entries(places).flatMap(([place, text]) =>
    Object.entries(secrets)
      .filter(([, secret]) => text.includes(secret))
      .map(([name]) => `${name} in ${place}`),
  );
  expect(hits).toEqual([]);
});

// (429 without Retry-After takes the same path after a 5 s wait; the unit suite covers it.)
const LEAK_FAULTS = everyFault({ slowMs: 300 });

/** The markup plus what it does not serialise: the current value of every field. */
async function domText(page: Page): Promise<string> {
  const html = await page.content();
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value));
  return `${html}\n${values.join('\n')}`;
}
