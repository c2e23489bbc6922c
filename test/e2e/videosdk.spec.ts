import type { SandboxExchange } from '../../main/sandbox/index.js';
import { expect, test } from './fixtures.js';
import { openVideoSdk } from './videosdk-steps.js';

test('[VSDK-05] a trunk call shows the participant ID VideoSDK gave it, and stays listed though VideoSDK does not list it', async ({ app, line }) => {
  const region = await openVideoSdk(app);
  await expect(region.getByRole('radio', { name: 'Trunk' })).toBeChecked();
  await region.getByRole('textbox', { name: 'Room ID' }).fill(' abcd-efgh-ijkl ');
  await region.getByRole('textbox', { name: 'Call to' }).fill('+1 415 555 0123');
  await region.getByRole('textbox', { name: 'Trunk ID' }).fill('trunk_sandbox_1');
  await region.getByRole('textbox', { name: 'Display name' }).fill('Reception');
  await region.getByRole('textbox', { name: 'From number' }).fill('+14155550101');
  await region.getByRole('button', { name: 'Start SIP call' }).click();

  await expect(region.getByRole('status').filter({ hasText: 'Participant ID:' })).toBeVisible();
  const [placed] = line.videosdk.state.calls();
  expect(placed).toMatchObject({ roomId: 'abcd-efgh-ijkl', to: '+14155550123', from: '+14155550101', trunkId: 'trunk_sandbox_1', displayName: 'Reception' });
  await expect(region.getByRole('status').filter({ hasText: 'Participant ID:' })).toHaveText(`Participant ID: ${placed!.participantId}`);
  const row = region.getByRole('list', { name: 'SIP calls' }).getByRole('listitem', { name: /^SIP call to \+1 415/ });
  await expect(row).toContainText(`Participant ID ${placed!.participantId}`);
  await expect(row).toContainText('cannot be ended from here');
  await expect(row.getByRole('button', { name: 'End SIP call' })).toHaveCount(0);
});

test('[VSDK-04] a room that does not exist: the window says so', async ({ app, line }) => {
  const region = await openVideoSdk(app);
  await region.getByRole('radio', { name: 'Gateway' }).check();
  await region.getByRole('textbox', { name: 'Room ID' }).fill('wrong-room-id');
  await region.getByRole('textbox', { name: 'Call to' }).fill('sip:alice@example.com');
  await region.getByRole('textbox', { name: 'Gateway ID' }).fill('gw_sandbox_1');
  await region.getByRole('button', { name: 'Start SIP call' }).click();
  await expect(region.getByRole('alert')).toContainText('The room wrong-room-id does not exist');
  expect(line.videosdk.state.calls()).toEqual([]);
});

test('[VSDK-03] more than 20 calls: the SIP calls list shows every one', async ({ app, line }) => {
  for (let i = 0; i < 23; i += 1) {
    line.videosdk.state.startCall({ to: `+141555502${String(i).padStart(2, '0')}`, roomId: 'abcd-efgh-ijkl', gatewayId: 'gw_sandbox_1' });
  }
  const region = await openVideoSdk(app);
  await expect(region.getByRole('list', { name: 'SIP calls' }).getByRole('listitem')).toHaveCount(23);
  await expect(region.getByRole('list', { name: 'SIP calls' }).getByRole('listitem', { name: /0200$/ })).toBeVisible();
});

test('a gateway call is listed, turns Answered, and End SIP call turns it Ended', async ({ app, line }) => {
  line.videosdk.state.addRoom('room-42');
  const region = await openVideoSdk(app);
  await region.getByRole('radio', { name: 'Gateway' }).check();
  await expect(region.getByRole('textbox', { name: 'Trunk ID' })).toHaveCount(0);
  await region.getByRole('textbox', { name: 'Room ID' }).fill('room-42');
  await region.getByRole('textbox', { name: 'Call to' }).fill('sip:alice@example.com');
  await region.getByRole('textbox', { name: 'Gateway ID' }).fill('gw_sandbox_1');
  await region.getByRole('button', { name: 'Start SIP call' }).click();

  const call = region.getByRole('list', { name: 'SIP calls' }).getByRole('listitem', { name: 'SIP call to sip:alice@example.com' });
  await expect(call).toBeVisible();
  await expect(call).toContainText('Room room-42');
  await expect(call).toContainText('Answered', { timeout: 10_000 });
  await expect(call.getByLabel('Duration')).toHaveText(/^\d\d:\d\d$/);

  await call.getByRole('button', { name: 'End SIP call' }).click();
  await expect(call).toContainText('Ended');
  await expect(call.getByRole('button', { name: 'End SIP call' })).toHaveCount(0);
  expect(line.videosdk.state.calls()[0]).toMatchObject({ status: 'ended', gatewayId: 'gw_sandbox_1', roomId: 'room-42' });
});

test('garbage in "Call to" is refused in the window and nothing is sent', async ({ app, line }) => {
  const posts: SandboxExchange[] = [];
  line.control.onExchange((x) => {
    if (x.method === 'POST' && x.path.startsWith('/v2/')) posts.push(x);
  });
  const region = await openVideoSdk(app);
  await region.getByRole('textbox', { name: 'Room ID' }).fill('room-1');
  await region.getByRole('textbox', { name: 'Trunk ID' }).fill('trunk_sandbox_1');
  await region.getByRole('textbox', { name: 'Display name' }).fill('Reception');
  for (const garbage of ['call bob', '12', 'sip:@example.com', '+1 415 555 0123 ext', '']) {
    await region.getByRole('textbox', { name: 'Call to' }).fill(garbage);
    await region.getByRole('button', { name: 'Start SIP call' }).click();
    await expect(region.getByRole('textbox', { name: 'Call to' })).toHaveAttribute('aria-invalid', 'true');
    await expect(region.getByRole('alert').first()).toBeVisible();
  }
  // A blank room ID is refused too, with its own message.
  await region.getByRole('textbox', { name: 'Room ID' }).fill('   ');
  await region.getByRole('button', { name: 'Start SIP call' }).click();
  await expect(region.getByText('Enter the room ID.')).toBeVisible();
  expect(posts).toEqual([]);
  expect(line.videosdk.state.calls()).toEqual([]);
});

test('VideoSDK’s refusal shows as an alert in its own words', async ({ app }) => {
  const region = await openVideoSdk(app);
  await region.getByRole('textbox', { name: 'Room ID' }).fill('room-1');
  await region.getByRole('textbox', { name: 'Call to' }).fill('+14155550123');
  await region.getByRole('textbox', { name: 'Trunk ID' }).fill('trunk_nowhere');
  await region.getByRole('textbox', { name: 'Display name' }).fill('Reception');
  await region.getByRole('button', { name: 'Start SIP call' }).click();
  await expect(region.getByRole('alert')).toContainText('SIP trunk trunk_nowhere not found.');
});

test.describe('with a wrong secret', () => {
  test('a 401 says the key or secret is wrong and points to Settings → Accounts', async ({ app, line }) => {
    line.videosdk.state.projects[0]!.secret = 'rotated-on-the-dashboard';
    const region = await openVideoSdk(app);
    await expect(region.getByRole('alert')).toContainText('key or secret is wrong');
    await expect(region.getByRole('alert')).toContainText('Settings → Accounts');
  });
});

test.describe('without a VideoSDK account', () => {
  test.use({ videoSdkAccount: 'none' });

  test('the region says how to add one', async ({ app }) => {
    const region = await openVideoSdk(app);
    await expect(region).toContainText('add your VideoSDK API key and secret in Settings → Accounts');
    await expect(region.getByRole('button', { name: 'Start SIP call' })).toHaveCount(0);
    await region.getByRole('button', { name: 'Open Settings' }).click();
    await expect(app.getByRole('region', { name: 'Accounts' })).toBeVisible();
  });
});
