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
import type { Page } from '@playwright/test';
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

/** What a new user does: Settings → Live updates, the relay's address and port, then back to the calls. */
async function useRelay(app: Page, relay: Relay): Promise<void> {
  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Live updates' });
  await section.getByRole('textbox', { name: 'Webhook address' }).fill(relay.url);
  await section.getByRole('textbox', { name: 'Local port' }).fill(String(relay.targetPort));
  await section.getByRole('button', { name: 'Use these addresses' }).click();
  await expect(section.getByText('Live: webhooks', { exact: true })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await expect(app.getByRole('banner').getByText('Live: webhooks', { exact: true })).toBeVisible();
}

test('[EVT-06] a new user turns on webhooks in Settings, and the status follows the relay going away and coming back', async ({ app, line, relay }) => {
  const header = app.getByRole('banner');
  await expect(header.getByText('Refreshing every 2 s', { exact: true })).toBeVisible();
  await useRelay(app, relay);

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

test('[EVT-10] while I host the meeting open in Meetings, joins reach the roster through webhooks, which go when I close Meetings', async ({ app, line, relay }) => {
  await useRelay(app, relay);
  const meeting = line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: '26345551234',
    listedAfterMs: 0,
    participants: [{ displayName: 'Reception', email: 'reception@example.com', host: true }],
  });
  const rosterHooks = () => line.webhooks.list().filter((h) => h.resource === 'meetingParticipants').map((h) => h.event).sort();
  expect(rosterHooks()).toEqual([]);

  await app.getByRole('button', { name: 'Meetings' }).click();
  const region = app.getByRole('region', { name: 'Meeting' });
  await region.getByRole('textbox', { name: 'Meeting ID or number' }).fill('2634 555 1234');
  await region.getByRole('button', { name: 'Open meeting' }).click();
  await expect(region.getByRole('heading', { name: 'All hands' })).toBeVisible();
  await expect.poll(rosterHooks).toEqual(['joined', 'left']);

  line.meetings.addParticipant(meeting.id, { displayName: 'Gil Push' });
  await expect(region.getByRole('list', { name: 'Participants', exact: true }).getByText('Gil Push')).toBeVisible();
  // The join went to CallDeck's receiver and was taken.
  await expect.poll(() => line.webhooks.deliveries().filter((d) => d.resource === 'meetingParticipants').map((d) => d.status)).toEqual([200]);

  await app.getByRole('button', { name: 'Meetings' }).click();
  await expect(region).toHaveCount(0);
  await expect.poll(rosterHooks).toEqual([]);
  // The calls keep their webhooks.
  expect(line.webhooks.list().filter((h) => h.resource === 'telephony_calls')).toHaveLength(3);
});
