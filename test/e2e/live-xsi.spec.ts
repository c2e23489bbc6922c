/**
 * XSI events as a user of an organisation with XSI meets them: the header says "Live: XSI events"
 * without any address to set, calls arrive through the channel, and a channel the server drops is
 * replaced without the status ever falling back.
 */
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { FakeKeychain } from '../fakes/fake-keychain.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';
import { expect, test as base } from './fixtures.js';

const test = base.extend({
  harness: async ({ line, log }, use) => {
    line.xsi.setEnabled(true);
    const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
    const harness = await startHarness({
      ports: createHarnessPorts({ log, keychain: new FakeKeychain() }),
      openLine: () => openLine({ env, clock: systemClock, log }),
      accounts: { loopbackPort: 'random' },
      events: { timings: { safetyNetMs: 30_000, silenceGraceMs: 25_000, retryMs: 3_000 } },
    });
    await use(harness);
    await harness.close();
  },
});

test('[EVT-21] with XSI on, the header says "Live: XSI events", calls arrive through the channel, and a dropped channel is replaced', async ({ app, line }) => {
  const header = app.getByRole('banner');
  await expect(header.getByText('Live: XSI events', { exact: true })).toBeVisible();
  const calls = app.getByRole('list', { name: 'Active calls' });

  const first = line.control.incomingCall({ from: { name: 'Gail Channel', number: '+14155550111' } });
  await expect(calls.getByText('Gail Channel')).toBeVisible();
  line.control.remoteHangup(first);
  await expect(calls.getByText('Gail Channel')).toHaveCount(0);

  line.xsi.dropChannels();
  await expect.poll(() => line.xsi.openChannels().length).toBe(1);
  const second = line.control.incomingCall({ from: { name: 'Hal Reopened', number: '+14155550112' } });
  await expect(calls.getByText('Hal Reopened')).toBeVisible();
  await expect(header.getByText('Live: XSI events', { exact: true })).toBeVisible();
  line.control.remoteHangup(second);
});
