import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { MeetingsSnapshot } from '../../../preload/contract';
import { FakeCallDeckApi, NO_MEETING } from './fake-api';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const OPEN: MeetingsSnapshot = {
  ...NO_MEETING,
  watching: true,
  meeting: { id: 'm1', number: '26345551234', title: 'All hands' },
  participants: [
    { id: 'p1', displayName: 'Reception', email: 'reception@example.com', host: true, coHost: false, muted: false, video: 'on', state: 'joined' },
    { id: 'p2', displayName: 'Sam Rivera', host: false, coHost: false, muted: true, video: 'off', state: 'lobby' },
  ],
  leftCount: 1,
};

async function openView(snapshot: MeetingsSnapshot = OPEN) {
  const api = new FakeCallDeckApi();
  api.meetingsState = snapshot;
  const rendered = await renderApp([], api);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Meetings' }));
  // The view loads when first opened (lazy-views); its VideoSDK region shows it has.
  await screen.findByRole('region', { name: 'VideoSDK' }, { timeout: 5_000 });
  await flush();
  return { ...rendered, user, region: screen.getByRole('region', { name: 'Meeting' }) };
}

describe('the Meetings view', () => {
  test('says watch when it opens and unwatch when it closes, beside the live calls', async () => {
    const { api, user } = await openView();
    expect(api.invoked('meetings:watch')).toHaveLength(1);
    expect(screen.getByRole('list', { name: 'Active calls' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Meetings' }));
    await flush();
    expect(api.invoked('meetings:unwatch')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Meeting' })).toBeNull();
  });

  test('shows the meeting header and each person with role, state, mute and video; the lobby can be admitted', async () => {
    const { region, api, user } = await openView();
    expect(within(region).getByRole('heading', { name: 'All hands' })).toBeTruthy();
    expect(region.textContent).toContain('Meeting number 2634 555 1234');
    const list = within(region).getByRole('list', { name: 'Participants' });
    const sam = within(list).getByRole('listitem', { name: 'Sam Rivera' });
    expect(sam.textContent).toContain('In the lobby');
    expect(sam.textContent).toContain('Muted');
    expect(within(list).getByRole('listitem', { name: 'Reception' }).textContent).toContain('Host');
    expect(within(within(list).getByRole('listitem', { name: 'Reception' })).queryByRole('button', { name: 'Admit' })).toBeNull();
    await user.click(within(sam).getByRole('button', { name: 'Admit' }));
    await user.click(within(sam).getByRole('button', { name: 'Unmute' }));
    expect(api.invoked('meetings:admit')).toEqual([{ participantId: 'p2' }]);
    expect(api.invoked('meetings:unmute')).toEqual([{ participantId: 'p2' }]);
    expect(region.textContent).toContain('1 person has left.');
  });

  test('Expel asks first; Cancel sends nothing, the dialog\'s Expel does', async () => {
    const { region, api, user } = await openView();
    const reception = within(region).getByRole('listitem', { name: 'Reception' });
    await user.click(within(reception).getByRole('button', { name: 'Expel' }));
    // The dialog loads when first opened (lazy-views): its loading state carries the same name.
    await waitFor(() => expect(within(screen.getByRole('dialog', { name: 'Expel Reception?' })).queryByText('Loading…')).toBeNull(), { timeout: 5_000 });
    const dialog = screen.getByRole('dialog', { name: 'Expel Reception?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.invoked('meetings:expel')).toEqual([]);
    await user.click(within(reception).getByRole('button', { name: 'Expel' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Expel' }));
    expect(api.invoked('meetings:expel')).toEqual([{ participantId: 'p1' }]);
  });

  test('the display name counter counts characters, and 33 are refused without asking main', async () => {
    const { region, api, user } = await openView();
    const name = within(region).getByRole('textbox', { name: 'Display name' });
    await user.type(name, 'Zoë 👍🏽');
    expect(region.textContent).toContain('5 of 32 characters');
    await user.clear(name);
    await user.type(name, '😀'.repeat(33));
    expect(region.textContent).toContain('33 of 32 characters');
    await user.type(within(region).getByRole('textbox', { name: 'SIP address or number' }), 'sip:room@example.com');
    await user.click(within(region).getByRole('button', { name: 'Call out' }));
    expect(api.invoked('meetings:callout')).toEqual([]);
    expect(within(region).getByRole('alert').textContent).toContain('at most 32 characters; this one has 33');
  });

  test("main's invalid address lands under the address field; a good call-out clears the form", async () => {
    const { region, api, user } = await openView();
    api.respond('meetings:callout', { ok: false, error: { code: 'invalid-input', message: 'A meeting calls out to a full phone number or a SIP address, not an extension.' } });
    const address = within(region).getByRole('textbox', { name: 'SIP address or number' }) as HTMLInputElement;
    await user.type(address, '1002');
    await user.type(within(region).getByRole('textbox', { name: 'Display name' }), 'Desk');
    await user.click(within(region).getByRole('button', { name: 'Call out' }));
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(within(region).getByRole('alert').textContent).toContain('not an extension');
    api.respond('meetings:callout', { ok: true, value: { participantId: 'c1' } });
    await user.clear(address);
    await user.type(address, '+1 415 555 0123');
    await user.click(within(region).getByRole('button', { name: 'Call out' }));
    expect(api.invoked('meetings:callout').at(-1)).toEqual({ address: '+1 415 555 0123', displayName: 'Desk' });
    expect(address.value).toBe('');
  });

  test('while the roster cannot refresh it says so and offers no Mute, Admit or Expel; they return with the next refresh', async () => {
    const { region, api } = await openView();
    const list = within(region).getByRole('list', { name: 'Participants' });
    const buttons = () => within(list).queryAllByRole('button').map((b) => b.textContent);
    expect(buttons()).toEqual(['Mute', 'Expel', 'Admit', 'Unmute', 'Expel']);

    await act(async () => api.emitMeetings({ ...OPEN, sync: { state: 'error', error: { code: 'network', message: 'CallDeck could not reach Webex.' } } }));
    await flush();
    expect(region.textContent).toContain("Couldn't refresh the participants");
    expect(within(list).getByRole('listitem', { name: 'Sam Rivera' }).textContent).toContain('In the lobby');
    expect(buttons()).toEqual([]);
    expect(region.textContent).toContain('Mute, Admit and Expel return when the participants refresh again.');

    await act(async () => api.emitMeetings({ ...OPEN, sync: { state: 'ok', updatedAt: new Date().toISOString() } }));
    await flush();
    expect(buttons()).toEqual(['Mute', 'Expel', 'Admit', 'Unmute', 'Expel']);
  });

  test('pending call-outs show a countdown and Cancel call-out; unanswered ones say No answer', async () => {
    const { region, api, user } = await openView();
    const now = Date.now();
    await act(async () =>
      api.emitMeetings({
        ...OPEN,
        callouts: [
          { participantId: 'c1', displayName: 'Boardroom', address: 'boardroom@example.com', startedAt: new Date(now).toISOString(), endsAt: new Date(now + 30_000).toISOString(), state: 'ringing' },
          { participantId: 'c2', displayName: 'Lobby phone', address: '(415) 555-0123', startedAt: new Date(now - 40_000).toISOString(), endsAt: new Date(now - 10_000).toISOString(), state: 'no-answer' },
        ],
      }),
    );
    await flush();
    const list = within(region).getByRole('list', { name: 'Calling out' });
    const ringing = within(list).getByRole('listitem', { name: 'Boardroom' });
    expect(ringing.textContent).toMatch(/Ringing · (29|30) s left/);
    expect(within(list).getByRole('listitem', { name: 'Lobby phone' }).textContent).toContain('No answer');
    await user.click(within(ringing).getByRole('button', { name: 'Cancel call-out' }));
    expect(api.invoked('meetings:cancelCallout')).toEqual([{ participantId: 'c1' }]);
  });

  test('without the meeting scopes it names them and says how to sign in again, and offers no meeting tools', async () => {
    const { region } = await openView({
      ...NO_MEETING,
      access: { state: 'needs-scopes', scopes: ['meeting:participants_read', 'meeting:participants_write'], howTo: 'Turn on "Use Webex Meetings" … then sign in again.' },
    });
    const scopes = within(region).getByRole('list', { name: 'Scopes to add' });
    expect(scopes.textContent).toContain('meeting:participants_read');
    expect(region.textContent).toContain('sign in again');
    expect(within(region).queryByRole('textbox', { name: 'Meeting ID or number' })).toBeNull();
  });

  test('a failed open shows main\'s words and the tracking ID under the field', async () => {
    const { region, api, user } = await openView(NO_MEETING);
    api.respond('meetings:open', {
      ok: false,
      error: { code: 'forbidden', status: 403, message: 'You must be the host or a cohost of this meeting.', trackingId: 'ROUTER_123', details: ['Only the meeting host or a cohost can do this.'] },
    });
    await user.type(within(region).getByRole('textbox', { name: 'Meeting ID or number' }), '2634 555 1234{Enter}');
    expect(api.invoked('meetings:open')).toEqual([{ meeting: '2634 555 1234' }]);
    const alert = within(region).getByRole('alert');
    expect(alert.textContent).toContain('host or a cohost');
    expect(alert.textContent).toContain('ROUTER_123');
  });
});

