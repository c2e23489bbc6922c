import type { Page } from '@playwright/test';
import type { TrayMenuItem } from '../../main/core/ports.js';
import { POPUP_CARD_HEIGHT, popupSize } from '../../preload/common/popup-size.js';
import type { PopupState } from '../../preload/contract.js';
import type { Harness } from '../harness/harness-server.js';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

/** The harness's control routes: what a person does outside the window. */
function desk(harness: Harness) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${harness.origin}/__harness${path}`, {
      method,
      headers: { 'x-harness-secret': harness.secret, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return {
    press: (action: string) => call('POST', `/hotkey/${action}`),
    tray: async () => (await call('GET', '/tray')).body as TrayMenuItem[],
    trayLabels: async () => ((await call('GET', '/tray')).body as TrayMenuItem[]).filter((i) => i.type !== 'separator').map((i) => i.label),
    click: (id: string) => call('POST', `/tray/${encodeURIComponent(id)}`),
    popup: async () => (await call('GET', '/popup')).body as PopupState & { visible: boolean; shows: number },
    link: (body: { url: string } | { argv: string[] }) => call('POST', '/deeplink', body),
    copy: (text: string) => call('PUT', '/clipboard', { text }),
    take: (accelerator: string) => call('PUT', `/shortcuts/taken/${encodeURIComponent(accelerator)}`),
    state: async () =>
      (await call('GET', '/state')).body as {
        tray: { icon: string; toolTip: string };
        hotkeys: string[];
        notifications: { title: string; body: string }[];
        window: { visible: boolean };
      },
  };
}

/** Webex requests that act on calls or settings (not the polling GETs). */
const actions = (line: { control: { state(): { requests: { method: string; path: string }[] } } }) =>
  line.control.state().requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/^\/v1/, '')}`);

test.describe('global hotkeys', () => {
  test('answer, hold, resume, mute and hang up from the keyboard; the window follows', async ({ app, harness, line }) => {
    const d = desk(harness);
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await expect(callWith(app, 'Ana Silva')).toContainText('Ringing');

    expect((await d.press('answer')).status).toBe(200);
    await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
    await d.press('holdResume');
    await expect(callWith(app, 'Ana Silva')).toContainText('On hold');
    await d.press('holdResume');
    await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
    await d.press('muteUnmute');
    await expect(callWith(app, 'Ana Silva')).toContainText('Muted');
    await d.press('hangupDecline');
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    expect(actions(line).filter((a) => a.startsWith('POST /telephony/calls/'))).toEqual(
      ['answer', 'hold', 'resume', 'mute', 'hangup'].map((verb) => `POST /telephony/calls/${verb}`),
    );
  });

  test('with nothing to act on: brief feedback in the window and the tray, and nothing sent', async ({ app, harness, line }) => {
    const d = desk(harness);
    await d.press('answer');
    await expect(app.getByRole('status').filter({ hasText: 'No call is ringing.' })).toBeVisible();
    expect((await d.state()).tray.toolTip).toBe('No call is ringing.');
    await d.press('hangupDecline');
    await expect(app.getByText('No call to hang up.')).toBeVisible();
    expect(actions(line)).toEqual([]);
    // The feedback is brief: the tooltip goes back to describing the line.
    await expect.poll(async () => (await d.state()).tray.toolTip, { timeout: 8000 }).toBe('CallDeck · No calls');
  });

  test('hang up declines when only a ringing call exists', async ({ app, harness, line }) => {
    line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    await expect(callWith(app, 'Ben Okafor')).toContainText('Ringing');
    await desk(harness).press('hangupDecline');
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    expect(actions(line)).toEqual(['POST /telephony/calls/reject']);
  });

  test('dial clipboard dials a valid number, and says why for anything else', async ({ app, harness, line }) => {
    const d = desk(harness);
    line.control.setDialBehavior({ answerAfterMs: 200 });
    await d.copy('Call me: ');
    await d.press('dialClipboard');
    await expect(app.getByRole('status').filter({ hasText: 'The clipboard does not hold a number' })).toBeVisible();
    expect(actions(line)).toEqual([]);
    expect((await d.state()).notifications.at(-1)?.body).toMatch(/does not hold a number/);

    await d.copy(' (202) 555-0147\n');
    await d.press('dialClipboard');
    await expect(calls(app).getByRole('listitem').first()).toContainText('+1 202 555 0147');
    await expect(app.getByText('Calling (202) 555-0147')).toBeVisible();
    expect(actions(line)).toEqual(['POST /telephony/calls/dial']);
  });

  test('registration status in Settings: a shortcut in use by another application, then another choice', async ({ app, harness, line }) => {
    const d = desk(harness);
    await d.take('CommandOrControl+Alt+J');
    await app.getByRole('button', { name: 'Settings' }).click();
    const section = app.getByRole('region', { name: 'Hotkeys & desktop' });
    const field = section.getByRole('textbox', { name: 'Hold / Resume shortcut' });
    await expect(field).toHaveValue('Ctrl+Alt+H');
    await expect(section.getByText('Active')).toHaveCount(5);

    await field.click();
    await app.keyboard.press('Control+Alt+KeyJ');
    await expect(field).toHaveValue('Ctrl+Alt+J');
    await expect(section.getByText('In use by another application. Choose another shortcut.')).toBeVisible();

    await app.keyboard.press('Control+Alt+KeyK');
    await expect(field).toHaveValue('Ctrl+Alt+K');
    await expect(section.getByText('Active')).toHaveCount(5);
    expect((await d.state()).hotkeys).toContain('CommandOrControl+Alt+K');

    // The new key works the same way the old one did.
    await app.keyboard.press('Escape');
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await callWith(app, 'Ana Silva').getByRole('button', { name: 'Answer' }).click();
    await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
    await d.press('holdResume');
    await expect(callWith(app, 'Ana Silva')).toContainText('On hold');
  });
});

test.describe('tray', () => {
  test('the menu follows the line, and its items act on the call they name', async ({ app, harness, line }) => {
    const d = desk(harness);
    // The line's user is a queue agent, and covers Emma Wilson's line, which has a queue too.
    await expect
      .poll(() => d.trayLabels())
      .toEqual([
        'Queue availability',
        'Available',
        'Unavailable',
        'Queue availability (Emma Wilson)',
        'Available',
        'Unavailable',
        'Dial from clipboard…',
        'Do Not Disturb',
        'Show CallDeck',
        'Settings…',
        'Quit CallDeck',
      ]);
    expect((await d.state()).tray).toEqual({ icon: 'idle', toolTip: 'CallDeck · No calls' });

    const id = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' }, via: { reason: 'callQueue', name: 'Support' } });
    await expect.poll(() => d.trayLabels()).toEqual(expect.arrayContaining(['Ringing: Ana Silva · via Support call queue', 'Answer Ana Silva', 'Decline Ana Silva']));
    expect((await d.state()).tray.icon).toBe('ringing');

    expect((await d.click(`call:answer:${id}`)).status).toBe(200);
    await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
    await expect.poll(() => d.trayLabels()).toEqual(expect.arrayContaining(['On a call with Ana Silva', 'Hold', 'Mute', 'Hang up']));
    const tray = (await d.state()).tray;
    expect(tray.icon).toBe('on-call');
    expect(tray.toolTip).toMatch(/^On a call with Ana Silva · 00:0\d$/);

    await d.click(`call:hold:${id}`);
    await expect(callWith(app, 'Ana Silva')).toContainText('On hold');
    await expect.poll(async () => (await d.state()).tray.icon).toBe('on-hold');
    expect(await d.trayLabels()).toEqual(expect.arrayContaining(['On hold: Ana Silva', 'Resume']));
    // A held caller is never hung up blind, from the tray either.
    expect(await d.trayLabels()).not.toContain('Hang up');
  });

  test('Settings… brings the window up with Settings open; Show CallDeck and Quit', async ({ app, harness }) => {
    const d = desk(harness);
    await d.click('settings');
    await expect(app.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect((await d.state()).window.visible).toBe(true);
    expect((await d.click('quit')).status).toBe(200);
    expect(harness.ports.lifecycle.quits).toBe(1);
  });
});

test.describe('incoming-call popup', () => {
  test('shows who is calling and why; Answer in the popup answers and closes it', async ({ app, harness, line, context }) => {
    const d = desk(harness);
    line.control.incomingCall({ from: { name: 'Chen Wei', number: '+16505550100' }, via: { reason: 'callQueue', name: 'Support' } });
    await expect.poll(async () => (await d.popup()).visible).toBe(true);
    expect((await d.popup()).cards).toEqual([
      expect.objectContaining({ name: 'Chen Wei', number: '+1 650 555 0100', via: 'via Support call queue', actions: ['answer', 'decline', 'voicemail'] }),
    ]);

    const popup = await context.newPage();
    await popup.goto(`${harness.origin}/popup.html?secret=${harness.secret}`);
    const card = popup.getByRole('listitem', { name: 'Chen Wei' });
    await expect(card).toContainText('via Support call queue');
    await expect(card).toContainText('+1 650 555 0100');
    // The page lays out the card at the size main opened the window for: nothing is cut off.
    expect((await card.boundingBox())?.height).toBe(POPUP_CARD_HEIGHT);
    expect(await popup.locator('.popup').evaluate((el) => el.getBoundingClientRect().height)).toBe(popupSize(1, 0).height);
    // Keyboard accessible: Tab reaches the buttons, Enter presses them.
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Answer' })).toBeFocused();
    await popup.keyboard.press('Enter');

    await expect(callWith(app, 'Chen Wei')).toContainText('Connected');
    await expect(card).toHaveCount(0);
    expect(await d.popup()).toMatchObject({ visible: false, cards: [] });
  });

  test('stacks for several calls; closes for a call answered elsewhere and for a missed one, which raises a notification', async ({ app, harness, line }) => {
    const d = desk(harness);
    const first = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' }, via: { reason: 'huntGroup', name: 'Sales' } });
    const second = line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    await expect.poll(async () => (await d.popup()).cards.map((c) => c.name)).toEqual(['Ana Silva', 'Ben Okafor']);
    expect((await d.popup()).shows).toBe(1);

    line.control.answeredElsewhere(first);
    await expect.poll(async () => (await d.popup()).cards.map((c) => c.name)).toEqual(['Ben Okafor']);
    // No missed record and Webex never says who took it: a neutral note, no notification.
    await expect(app.getByText('Call ended: Ana Silva')).toBeVisible();

    line.control.remoteHangup(second);
    await expect.poll(async () => (await d.popup()).visible).toBe(false);
    await expect.poll(async () => (await d.state()).notifications).toEqual([{ title: 'Missed call: Ben Okafor', body: '+44 20 7946 0958' }]);
  });
});

test.describe('tel:, sip:, sips: and callto: links', () => {
  test('"Ask before dialing" confirms in the window, dials, then sends the extension once connected', async ({ app, harness, line }) => {
    line.control.setDialBehavior({ answerAfterMs: 300 });
    const outcome = await desk(harness).link({ url: 'tel:+1-202-555-0147;ext=42' });
    expect(outcome.body).toEqual({ outcome: 'asked', id: 1 });
    const dialog = app.getByRole('dialog', { name: 'Call this number?' });
    await expect(dialog).toContainText('(202) 555-0147');
    await expect(dialog).toContainText('Then extension 42');
    expect(actions(line)).toEqual([]);

    await dialog.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(calls(app).getByRole('listitem').first()).toContainText('Connected');
    await expect.poll(() => line.control.state().dtmf.map((d) => d.digits)).toEqual([',42']);
  });

  test('Cancel dials nothing', async ({ app, harness, line }) => {
    await desk(harness).link({ argv: ['/opt/CallDeck/calldeck', '--', 'sip:alice@example.com;transport=tls'] });
    const dialog = app.getByRole('dialog', { name: 'Call this number?' });
    await expect(dialog).toContainText('alice@example.com');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(actions(line)).toEqual([]);
  });

  test('a hostile link is explained and dials nothing, even with "Dial immediately"', async ({ app, harness, line }) => {
    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByRole('radio', { name: 'Dial immediately' }).check();
    await app.getByRole('button', { name: 'Close' }).click();

    const outcome = await desk(harness).link({ url: 'tel:javascript:alert(1)' });
    expect(outcome.body).toMatchObject({ outcome: 'invalid' });
    const dialog = app.getByRole('dialog', { name: "Can't call this link" });
    await expect(dialog).toContainText('A phone link cannot contain letters.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await desk(harness).link({ url: `tel:+1201%0A5550123` });
    await expect(app.getByRole('dialog', { name: "Can't call this link" })).toContainText('control or invisible characters');
    expect(actions(line)).toEqual([]);
  });

  test('"Dial immediately" dials a callto: link without asking', async ({ app, harness, line }) => {
    line.control.setDialBehavior({ answerAfterMs: 200 });
    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByRole('radio', { name: 'Dial immediately' }).check();
    await app.getByRole('button', { name: 'Close' }).click();
    expect((await desk(harness).link({ url: 'callto:+1-202-555-0147' })).body).toEqual({ outcome: 'dialling', display: '(202) 555-0147' });
    await expect(calls(app).getByRole('listitem').first()).toContainText('+1 202 555 0147');
    await expect(app.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('Do Not Disturb', () => {
  test('round trip: the window switch and the tray checkbox change the Webex setting, and each shows the other', async ({ app, harness, line }) => {
    const d = desk(harness);
    const toggle = app.getByRole('switch', { name: 'Do Not Disturb' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(line.control.state().dnd.enabled).toBe(true);
    expect(actions(line)).toEqual(['PUT /telephony/config/people/me/settings/doNotDisturb']);
    const dnd = async () => (await d.tray()).find((item) => item.id === 'dnd');
    await expect.poll(async () => (await dnd())?.checked).toBe(true);
    expect((await d.state()).tray).toEqual({ icon: 'dnd', toolTip: 'CallDeck · Do Not Disturb' });

    await d.click('dnd');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(line.control.state().dnd.enabled).toBe(false);
    expect((await dnd())?.checked).toBe(false);
  });

  test('while it is on, the popup and the ringing icon stay quiet', async ({ app, harness, line }) => {
    const d = desk(harness);
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await expect.poll(async () => (await d.popup()).visible).toBe(true);
    expect((await d.state()).tray.icon).toBe('ringing');

    await app.getByRole('switch', { name: 'Do Not Disturb' }).click();
    await expect.poll(async () => (await d.popup()).visible).toBe(false);
    expect((await d.state()).tray.icon).toBe('dnd');
    // The call is still there to answer, if the person wants to.
    await expect(callWith(app, 'Ana Silva')).toContainText('Ringing');
    expect(await d.trayLabels()).toContain('Answer Ana Silva');
  });
});
