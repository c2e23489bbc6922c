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

  test('[MTG-11] the display name counter counts UTF-16 units but says characters, and 34 are refused without asking main', async () => {
    const { region, api, user } = await openView();
    const name = within(region).getByRole('textbox', { name: 'Display name' });
    await user.type(name, 'Zoë 👍🏽');
    expect(region.textContent).toContain('8 of 32 characters');
    await user.clear(name);
    await user.type(name, '😀'.repeat(17));
    expect(region.textContent).toContain('34 of 32 characters');
    await user.type(within(region).getByRole('textbox', { name: 'SIP address or number' }), 'sip:room@example.com');
    await user.click(within(region).getByRole('button', { name: 'Call out' }));
    expect(api.invoked('meetings:callout')).toEqual([]);
    expect(within(region).getByRole('alert').textContent).toContain('at most 32 characters; this one has 34');
  });

  test('[MTG-07] the call-out form says up front to join the meeting in Webex first', async () => {
    const { region } = await openView();
    const form = within(region).getByRole('form', { name: 'Call someone into the meeting' });
    expect(form.textContent).toContain('Join the meeting in Webex first, then call out.');
  });

  test('[MTG-12] "Admit all" shows while someone waits in the lobby and asks main once', async () => {
    const { region, api, user } = await openView();
    await user.click(within(region).getByRole('button', { name: 'Admit all' }));
    expect(api.invoked('meetings:admitAll')).toHaveLength(1);
    act(() => api.emitMeetings({ ...OPEN, participants: OPEN.participants.map((p) => ({ ...p, state: 'joined' as const })) }));
    await flush();
    expect(within(region).queryByRole('button', { name: 'Admit all' })).toBeNull();
  });

  test('[MTG-13] no Expel on your own row', async () => {
    const { region } = await openView({ ...OPEN, participants: OPEN.participants.map((p) => (p.host ? { ...p, you: true } : p)) });
    const list = within(region).getByRole('list', { name: 'Participants' });
    const me = within(list).getByRole('listitem', { name: 'Reception' });
    expect(me.textContent).toContain('You');
    expect(within(me).queryByRole('button', { name: 'Expel' })).toBeNull();
    expect(within(within(list).getByRole('listitem', { name: 'Sam Rivera' })).getByRole('button', { name: 'Expel' })).toBeTruthy();
  });

  test('[MTG-14] a short note near the controls says Webex Meetings app users may not be changed, and the list is read again', async () => {
    const { region } = await openView();
    expect(region.textContent).toContain('People on the Webex Meetings app may not be muted, admitted or expelled even when Webex says it worked');
  });

  test('[MTG-05] a hidden roster: the view says only the host sees it, with Webex words, and keeps Call out and the Calling out list', async () => {
    const hidden: MeetingsSnapshot = {
      ...OPEN,
      participants: [],
      leftCount: 0,
      rosterHidden: { code: 'forbidden', status: 403, message: "Webex shows the participant list only to the meeting's host (or an admin). Webex said: “Nope.”", trackingId: 'T1' },
      callouts: [
        { participantId: 'c1', displayName: 'Boardroom', address: 'sip:boardroom@example.com', startedAt: new Date().toISOString(), endsAt: new Date(Date.now() + 30_000).toISOString(), state: 'ringing' },
      ],
    };
    const { region, api, user } = await openView(hidden);
    expect(within(region).queryByRole('list', { name: 'Participants' })).toBeNull();
    const note = within(region).getByRole('status', { name: 'Participant list' });
    expect(note.textContent).toContain("only to the meeting's host");
    expect(note.textContent).toContain('Webex said: “Nope.”');
    expect(within(region).getByRole('button', { name: 'Call out' })).toBeTruthy();
    const ringing = within(within(region).getByRole('list', { name: 'Calling out' })).getByRole('listitem', { name: 'Boardroom' });
    await user.click(within(ringing).getByRole('button', { name: 'Cancel call-out' }));
    expect(api.invoked('meetings:cancelCallout')).toEqual([{ participantId: 'c1' }]);
  });

  test('[MTG-08] a call-out row Webex gave no participant ID says it cannot be cancelled here', async () => {
    const { region } = await openView({
      ...OPEN,
      callouts: [
        { participantId: 'invitation:x', canCancel: false, displayName: 'Boardroom', address: 'sip:b@example.com', startedAt: new Date().toISOString(), endsAt: new Date(Date.now() + 30_000).toISOString(), state: 'ringing' },
      ],
    });
    const row = within(within(region).getByRole('list', { name: 'Calling out' })).getByRole('listitem', { name: 'Boardroom' });
    expect(within(row).queryByRole('button', { name: 'Cancel call-out' })).toBeNull();
    expect(row.textContent).toContain('cannot be cancelled here');
  });

  test('[MTG-02] a meeting Webex does not list yet says it calls out by number', async () => {
    const { region } = await openView({ ...OPEN, meeting: { ...OPEN.meeting!, listed: false } });
    expect(region.textContent).toContain('Webex does not list the running meeting yet');
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

