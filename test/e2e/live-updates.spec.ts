/**
 * Live updates as a new user meets them: set the webhook address in Settings, watch the status say
 * "Live: webhooks", stop the relay and watch it fall back to polling, restart it and watch it
 * return. The line delivers through a relay stand-in to the receiver, over real loopback HTTP;
 * the app's timings are shortened so the fall-back and the return take seconds, not minutes.
 */
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { freePort, startRelay, type Relay } from '../line-kit/index.js';
import { FakeKeychain } from '../fakes/fake-keychain.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';
import { expect, test as base } from './fixtures.js';

const test = base.extend<{ relay: Relay }>({
  relay: async ({ line }, use) => {
    void line;
    const relay = await startRelay({ targetPort: await freePort() });
    await use(relay);
    await relay.stop();
  },
  harness: async ({ line, log }, use) => {
    const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
    const harness = await startHarness({
      ports: createHarnessPorts({ log, keychain: new FakeKeychain() }),
      openLine: () => openLine({ env, clock: systemClock, log }),
      accounts: { loopbackPort: 'random' },
      events: {
        timings: { safetyNetMs: 4_000, silenceGraceMs: 1_500, retryMs: 3_000 },
        webhookTimings: { checkEveryMs: 10_000, recheckEveryMs: 2_000 },
      },
    });
    await use(harness);
    await harness.close();
  },
});

test('[EVT-06] a new user turns on webhooks in Settings, and the status follows the relay going away and coming back', async ({ app, line, relay }) => {
  const header = app.getByRole('banner');
  await expect(header.getByText('Refreshing every 2 s', { exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Live updates' });
  await section.getByRole('textbox', { name: 'Webhook address' }).fill(relay.url);
  await section.getByRole('textbox', { name: 'Local port' }).fill(String(relay.targetPort));
  await section.getByRole('button', { name: 'Use these addresses' }).click();
  await expect(section.getByText('Live: webhooks', { exact: true })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await expect(header.getByText('Live: webhooks', { exact: true })).toBeVisible();

  const calls = app.getByRole('list', { name: 'Active calls' });
  const first = line.control.incomingCall({ from: { name: 'Dana Push', number: '+14155550101' } });
  await expect(calls.getByText('Dana Push')).toBeVisible();
  line.control.remoteHangup(first);
  await expect(calls.getByText('Dana Push')).toHaveCount(0);

  // The relay stops: the next call still arrives (the safety-net poll), and the status says polling.
  await relay.stop();
  const second = line.control.incomingCall({ from: { name: 'Eli Relay', number: '+14155550102' } });
  await expect(calls.getByText('Eli Relay')).toBeVisible({ timeout: 10_000 });
  line.control.remoteHangup(second);
  await expect(header.getByText('Refreshing every 2 s', { exact: true })).toBeVisible({ timeout: 15_000 });

  // The relay is back: within a retry the webhooks are fresh, and the next delivery makes them live.
  await relay.start();
  await expect(async () => {
    const id = line.control.incomingCall({ from: { name: 'Fay Back', number: '+14155550103' } });
    try {
      await expect(header.getByText('Live: webhooks', { exact: true })).toBeVisible({ timeout: 2_500 });
    } finally {
      line.control.remoteHangup(id);
    }
  }).toPass({ timeout: 30_000 });
});

test('an address that is not https is refused in Settings with a clear error, and nothing changes', async ({ app }) => {
  await app.getByRole('button', { name: 'Settings' }).click();
  const section = app.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Live updates' });
  await section.getByRole('textbox', { name: 'Webhook address' }).fill('http://relay.example.com/hook');
  await section.getByRole('textbox', { name: 'Local port' }).fill('8123');
  await section.getByRole('button', { name: 'Use these addresses' }).click();
  await expect(section.getByRole('alert')).toHaveText('Enter an https:// address (http:// only for this computer)');
  await expect(section.getByText('Refreshing every 2 s', { exact: true })).toBeVisible();
});
