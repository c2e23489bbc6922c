import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { VideoSdkSnapshot } from '../../../preload/contract';
import { FakeCallDeckApi } from './fake-api';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const WITH_ACCOUNT: VideoSdkSnapshot = { account: { available: true, source: 'saved' }, calls: [], loaded: true };

async function openRegion(snapshot: VideoSdkSnapshot = WITH_ACCOUNT) {
  const api = new FakeCallDeckApi();
  api.videosdkState = snapshot;
  const user = userEvent.setup();
  const rendered = await renderApp([], api);
  await user.click(screen.getByRole('button', { name: 'Meetings' }));
  // The view loads when first opened (lazy-views).
  const region = await screen.findByRole('region', { name: 'VideoSDK' }, { timeout: 5_000 });
  await flush();
  return { ...rendered, user, region };
}

describe('the VideoSDK region', () => {
  test('watches the list only while the Meetings view is shown', async () => {
    const { api, user } = await openRegion();
    expect(api.invoked('videosdk:watch')).toEqual([{ open: true }]);
    await user.click(screen.getByRole('button', { name: 'Meetings' }));
    await flush();
    expect(api.invoked('videosdk:watch')).toEqual([{ open: true }, { open: false }]);
  });

  test('sends a trunk call with trimmed IDs and the number in E.164, then shows the participant ID', async () => {
    const { api, user, region } = await openRegion();
    const box = (name: string) => within(region).getByRole('textbox', { name });
    await user.type(box('Room ID'), '  room-1 ');
    await user.type(box('Call to'), '(415) 555-0123');
    await user.type(box('Trunk ID'), 'trunk_1 ');
    await user.type(box('Display name'), ' Reception ');
    await user.click(within(region).getByRole('button', { name: 'Start SIP call' }));
    await flush();
    expect(api.invoked('videosdk:start')).toEqual([{ route: 'trunk', roomId: 'room-1', to: '+14155550123', trunkId: 'trunk_1', displayName: 'Reception' }]);
    expect(within(region).getByRole('status')).toHaveProperty('textContent', 'Participant ID: participant-1');
  });

  test('refuses empty IDs and garbage destinations in the window and sends nothing', async () => {
    const { api, user, region } = await openRegion();
    await user.click(within(region).getByRole('radio', { name: 'Gateway' }));
    await user.type(within(region).getByRole('textbox', { name: 'Call to' }), 'not a number');
    await user.click(within(region).getByRole('button', { name: 'Start SIP call' }));
    await flush();
    const alerts = within(region).getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['Enter the room ID.', expect.stringContaining('cannot contain letters'), 'Enter the gateway ID.']);
    expect(api.invoked('videosdk:start')).toEqual([]);
  });

  test('shows VideoSDK’s refusal as an alert in the region, not also in the app’s message list', async () => {
    const { api, user, region } = await openRegion();
    api.respond('videosdk:start', { ok: false, error: { code: 'not-found', status: 404, message: 'SIP trunk nope not found.' } });
    await user.type(within(region).getByRole('textbox', { name: 'Room ID' }), 'r');
    await user.type(within(region).getByRole('textbox', { name: 'Call to' }), '+14155550123');
    await user.type(within(region).getByRole('textbox', { name: 'Trunk ID' }), 'nope');
    await user.type(within(region).getByRole('textbox', { name: 'Display name' }), 'D');
    await user.click(within(region).getByRole('button', { name: 'Start SIP call' }));
    await flush();
    expect(within(region).getByRole('alert').textContent).toContain('SIP trunk nope not found.');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  test('lists calls with status in words, and ends a live one', async () => {
    const { api, user, region } = await openRegion({
      ...WITH_ACCOUNT,
      calls: [
        { id: 'c2', to: 'sip:alice@example.com', roomId: 'room-2', status: 'answered', statusText: 'Answered', live: true, startedAt: new Date(Date.now() - 65_000).toISOString() },
        { id: 'c1', to: '+14155550123', roomId: 'room-1', status: 'not-answered', statusText: 'Not answered', live: false, startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-02T09:00:30Z' },
      ],
    });
    const list = within(region).getByRole('list', { name: 'SIP calls' });
    const live = within(list).getByRole('listitem', { name: 'SIP call to sip:alice@example.com' });
    expect(live.textContent).toContain('Answered');
    expect(live.textContent).toContain('Room room-2');
    expect(within(live).getByLabelText('Duration').textContent).toMatch(/^01:0\d$/);
    const done = within(list).getByRole('listitem', { name: /^SIP call to \+1 415/ });
    expect(done.textContent).toContain('Not answered');
    expect(within(done).getByLabelText('Duration').textContent).toBe('00:30');
    expect(within(done).queryByRole('button', { name: 'End SIP call' })).toBeNull();
    await user.click(within(live).getByRole('button', { name: 'End SIP call' }));
    expect(api.invoked('videosdk:end')).toEqual([{ callId: 'c2' }]);
  });

  test('[VSDK-05] a trunk call the list does not show stays listed with its participant ID, and says it cannot be ended here', async () => {
    const { region } = await openRegion({
      ...WITH_ACCOUNT,
      trunkCalls: [{ participantId: 'sip_abc123', to: '+14155550123', roomId: 'abcd-efgh-ijkl', startedAt: new Date().toISOString() }],
    });
    const row = within(within(region).getByRole('list', { name: 'SIP calls' })).getByRole('listitem', { name: /^SIP call to \+1 415/ });
    expect(row.textContent).toContain('Participant ID sip_abc123');
    expect(row.textContent).toContain('Room abcd-efgh-ijkl');
    expect(row.textContent).toContain('cannot be ended from here');
    expect(within(row).queryByRole('button', { name: 'End SIP call' })).toBeNull();
  });

  test('without an account, says how to add one', async () => {
    const { region } = await openRegion({ account: { available: false }, calls: [], loaded: false });
    expect(region.textContent).toContain('add your VideoSDK API key and secret in Settings → Accounts');
    expect(within(region).queryByRole('button', { name: 'Start SIP call' })).toBeNull();
  });

  test('follows main’s snapshots', async () => {
    const { api, region } = await openRegion();
    await act(async () => {
      api.emit('videosdk:changed', { ...WITH_ACCOUNT, problem: { code: 'unauthorized', message: 'The VideoSDK API key or secret is wrong; check them in Settings → Accounts.' } });
    });
    expect(within(region).getByRole('alert').textContent).toContain('key or secret is wrong');
  });
});
