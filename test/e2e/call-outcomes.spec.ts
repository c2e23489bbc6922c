/**
 * Calls as Webex really behaves, tried in the window as a new user would: a dial rings the user's
 * own phone first (Click to Dial) and can be cancelled before they pick up; a call the user turns
 * away says what they did; a call ringing during Do Not Disturb is shown quietly.
 */
import type { Page } from '@playwright/test';
import type { PopupState } from '../../preload/contract.js';
import type { Harness } from '../harness/harness-server.js';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

/** What the tray, popup and notifications show, through the harness's control routes. */
function desk(harness: Harness) {
  const call = async (method: string, path: string) => {
    const response = await fetch(`${harness.origin}/__harness${path}`, { method, headers: { 'x-harness-secret': harness.secret } });
    return (await response.json()) as unknown;
  };
  return {
    press: (action: string) => call('POST', `/hotkey/${action}`),
    click: (id: string) => call('POST', `/tray/${encodeURIComponent(id)}`),
    popup: async () => (await call('GET', '/popup')) as PopupState & { visible: boolean; shows: number },
    state: async () =>
      (await call('GET', '/state')) as { tray: { icon: string; toolTip: string }; notifications: { title: string; body: string }[] },
  };
}

/** Call-control requests the app sent (not the polling GETs). */
const sent = (line: { control: { state(): { requests: { method: string; path: string }[] } } }) =>
  line.control
    .state()
    .requests.filter((r) => r.method === 'POST')
    .map((r) => r.path.replace(/^\/v1\/telephony\/calls\//, ''));

test.describe('dialling: the phone rings first (Click to Dial)', () => {
  test('[CC-01] a dial says to pick up the phone, is never treated as incoming, then calls out once picked up', async ({ app, harness, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('1002');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    const call = calls(app).getByRole('listitem').first();
    await expect(call).toContainText('Pick up your phone to call 1002');
    await expect(call).not.toContainText('Ringing');
    for (const name of ['Answer', 'Decline', 'Send to voicemail', 'Ignore']) await expect(call.getByRole('button', { name })).toHaveCount(0);
    await expect(call.getByRole('button', { name: 'Cancel call' })).toBeVisible();
    const d = desk(harness);
    expect((await d.popup()).cards).toEqual([]);
    const { tray } = await d.state();
    expect(tray.icon).not.toBe('ringing');
    expect(tray.toolTip).toContain('Pick up your phone to call 1002');
    expect(tray.toolTip).not.toMatch(/Ringing/);

    const [dialled] = line.control.state().calls;
    line.control.pickUp(dialled?.id ?? '');
    await expect(call).toContainText('Calling…');
    line.control.remoteAnswer(dialled?.id ?? '');
    await expect(call).toContainText('Connected');
    expect(sent(line)).toEqual(['dial']);
    expect((await d.state()).notifications).toEqual([]);
  });

  test('[CC-04] cancelling a dial before picking up sends hangup (never reject) and says so', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('(202) 555-0147');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    const call = calls(app).getByRole('listitem').first();
    await expect(call).toContainText('Pick up your phone to call');
    await call.getByRole('button', { name: 'Cancel call' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: /You cancelled the call to/ })).toBeVisible();
    await expect(app.getByText(/Missed call/)).toHaveCount(0);
    expect(sent(line)).toEqual(['dial', 'hangup']);
  });

  test('[CC-04] the hang-up hotkey cancels my own dial with hangup', async ({ app, harness, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('1003');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(calls(app).getByRole('listitem').first()).toContainText('Pick up your phone to call 1003');
    await desk(harness).press('hangupDecline');
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    expect(sent(line)).toEqual(['dial', 'hangup']);
  });

  test('[CC-02] when picking up gives the outgoing call a new id, the window just goes on to "Calling…" and "Connected"', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: 300, pickUpAfterMs: 300, newCallOnPickUp: true });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('1004');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    const call = calls(app).getByRole('listitem').first();
    await expect(call).toContainText('Connected');
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    await expect(app.getByRole('status').filter({ hasText: /cancelled|Call ended/ })).toHaveCount(0);
  });

  test('[CC-03] retrieve rings my phone first too: no Answer, then Connected to the parked caller', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: null });
    const id = line.control.incomingCall({ from: { name: 'Iris Novak', number: '+12025550190' } });
    await callWith(app, 'Iris Novak').getByRole('button', { name: 'Answer' }).click();
    await callWith(app, 'Iris Novak').getByRole('button', { name: 'Park' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    expect(line.control.state().parked.map((p) => p.callId)).toEqual([id]);
    const status = app.getByRole('status').filter({ hasText: 'Parked on' });
    const extension = /Parked on (\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? '';
    await app.getByRole('textbox', { name: 'Park extension' }).fill(extension);
    await app.getByRole('button', { name: 'Retrieve', exact: true }).click();
    const call = callWith(app, 'Iris Novak');
    await expect(call).toContainText('Pick up your phone to call Iris Novak');
    await expect(call.getByRole('button', { name: 'Answer' })).toHaveCount(0);
    line.control.pickUp(line.control.state().calls[0]?.id ?? '');
    await expect(call).toContainText('Connected');
  });
});

test.describe('a call turned away says what the user did', () => {
  test('[CC-08] Decline: "You declined …", never "Missed call"', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await callWith(app, 'Ana Silva').getByRole('button', { name: 'Decline' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'You declined the call from Ana Silva' })).toBeVisible();
    await expect(app.getByText(/Missed call|Answered elsewhere/)).toHaveCount(0);
    // The history says so too (it pairs with Webex's own missed record of the same call).
    const history = app.getByRole('list', { name: 'Call history' });
    await expect(history.getByRole('listitem').first()).toContainText('Declined');
  });

  test('[CC-08] Ignore: the ignored note, never "Missed call", no missed-call notification', async ({ app, harness, line }) => {
    line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    await callWith(app, 'Ben Okafor').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Ignore' }).click();
    await expect(callWith(app, 'Ben Okafor')).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'Ignored: Ben Okafor' })).toBeVisible();
    await expect(app.getByText(/Missed call|Answered elsewhere/)).toHaveCount(0);
    expect((await desk(harness).state()).notifications).toEqual([]);
  });

  test('[CC-08] Forward…: "You forwarded …"; Send to voicemail: "You sent … to voicemail"', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Elena García', number: '+34915550123' } });
    await callWith(app, 'Elena García').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Forward…' }).click();
    await app.getByRole('dialog').getByRole('textbox', { name: 'Forward to' }).fill('1002');
    await app.getByRole('dialog').getByRole('button', { name: 'Forward' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'You forwarded the call from Elena García' })).toBeVisible();

    line.control.incomingCall({ from: { name: 'Tom Okafor', number: '+442075550164' } });
    await callWith(app, 'Tom Okafor').getByRole('button', { name: 'Send to voicemail' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'You sent Tom Okafor to voicemail' })).toBeVisible();
    await expect(app.getByText(/Missed call|Answered elsewhere/)).toHaveCount(0);
  });

  test('[CC-07] a caller who gives up leaves Webex\'s missed record: "Missed call" and a notification', async ({ app, harness, line }) => {
    const id = line.control.incomingCall({ from: { name: 'Dana Levi', number: '+13125550182' } });
    await expect(callWith(app, 'Dana Levi')).toBeVisible();
    line.control.remoteHangup(id);
    await expect(app.getByRole('status').filter({ hasText: 'Missed call: Dana Levi' })).toBeVisible();
    await expect.poll(async () => (await desk(harness).state()).notifications.map((n) => n.title)).toEqual(['Missed call: Dana Levi']);
  });
});

test.describe('Do Not Disturb', () => {
  test('[DND-01] [DND-02] an incoming call during Do Not Disturb is shown quietly: listed with Answer, no popup, no ringing icon, no missed-call notification', async ({ app, harness, line }) => {
    const d = desk(harness);
    await d.click('dnd');
    await expect.poll(() => line.control.state().dnd.enabled).toBe(true);
    await expect.poll(async () => (await d.state()).tray.icon).toBe('dnd');
    const id = line.control.incomingCall({ from: { name: 'Hannah Schmidt', number: '1007' } });
    const call = callWith(app, 'Hannah Schmidt');
    await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible();
    const popup = await d.popup();
    expect(popup.cards).toEqual([]);
    expect(popup.visible).toBe(false);
    expect((await d.state()).tray.icon).toBe('dnd');

    line.control.remoteHangup(id);
    await expect(call).toHaveCount(0);
    // Webex still records it as missed (the window says so), but nothing pops up on the desktop.
    await expect(app.getByRole('status').filter({ hasText: 'Missed call: Hannah Schmidt' })).toBeVisible();
    expect((await d.state()).notifications).toEqual([]);
  });
});
