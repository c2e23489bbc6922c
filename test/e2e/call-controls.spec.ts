/**
 * The rest of the call controls through the window, against the built-in line: the call's "More
 * actions" menu (Ignore, Unavailable, Forward…, Park at…), retrieving my own park, Barge in,
 * Transfer → Voicemail, my line and voicemail waiting (window and tray), dial by name, the history
 * filter, and the window at its minimum width.
 */
import type { Page } from '@playwright/test';
import type { SandboxExchange, TestLine } from '../line-kit/index.js';
import type { Harness } from '../harness/harness-server.js';
import { WEBEX_APP_ID } from '../../main/sandbox/index.js';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

/** Records the JSON body of every request to one Call Controls action. */
function bodiesOf(line: TestLine, action: string): unknown[] {
  const bodies: unknown[] = [];
  line.control.onExchange((x: SandboxExchange) => {
    if (x.method === 'POST' && x.path === `/v1/telephony/calls/${action}`) bodies.push(x.requestBody === '' ? {} : JSON.parse(x.requestBody));
  });
  return bodies;
}

async function ringing(app: Page, line: TestLine, name: string, number: string) {
  const id = line.control.incomingCall({ from: { name, number } });
  await expect(callWith(app, name).getByRole('button', { name: 'Answer' })).toBeVisible();
  return id;
}

async function connectedCall(app: Page, line: TestLine, name: string, number: string) {
  const id = await ringing(app, line, name, number);
  await callWith(app, name).getByRole('button', { name: 'Answer' }).click();
  await expect(callWith(app, name)).toContainText('Connected');
  return id;
}

async function trayToolTip(harness: Harness): Promise<string> {
  const response = await fetch(`${harness.origin}/__harness/state`, { headers: { 'x-harness-secret': harness.secret } });
  return ((await response.json()) as { tray: { toolTip: string } }).tray.toolTip;
}

test.describe('a ringing call’s menu', () => {
  test('Ignore stops it ringing here while the caller rings on; Decline ends it at once', async ({ app, line }) => {
    const rejects = bodiesOf(line, 'reject');
    const ignoredId = await ringing(app, line, 'Ana Silva', '+12015550123');
    const menuButton = callWith(app, 'Ana Silva').getByRole('button', { name: 'More actions' });
    await menuButton.click();
    const menu = app.getByRole('menu', { name: 'More actions for Ana Silva' });
    await expect(menu.getByRole('menuitem', { name: 'Ignore' })).toHaveAccessibleDescription(/caller keeps hearing it ring/);
    // Keyboard: the first item has focus; Enter chooses it.
    await expect(menu.getByRole('menuitem', { name: 'Ignore' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(callWith(app, 'Ana Silva')).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'Ignored: Ana Silva' })).toContainText('the caller hears ringing until no one answers');
    expect(line.control.state().ignored.map((i) => i.callId)).toEqual([ignoredId]);
    expect(line.control.state().history).toEqual([]);

    await ringing(app, line, 'Ben Okafor', '+442079460958');
    await callWith(app, 'Ben Okafor').getByRole('button', { name: 'Decline' }).click();
    await expect(callWith(app, 'Ben Okafor')).toHaveCount(0);
    expect(line.control.state().ignored).toHaveLength(1);
    expect(line.control.state().history).toMatchObject([{ type: 'missed', number: '+442079460958' }]);
    expect(rejects).toEqual([{ callId: ignoredId, action: 'ignore' }, { callId: expect.any(String) }]);
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('Unavailable rejects with temporarilyUnavailable, chosen by keyboard', async ({ app, line }) => {
    const rejects = bodiesOf(line, 'reject');
    const id = await ringing(app, line, 'Chen Wei', '+16505550100');
    await callWith(app, 'Chen Wei').getByRole('button', { name: 'More actions' }).focus();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('menuitem', { name: 'Unavailable' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(callWith(app, 'Chen Wei')).toHaveCount(0);
    expect(rejects).toEqual([{ callId: id, action: 'temporarilyUnavailable' }]);
  });

  test('Escape closes the menu and gives focus back to its button', async ({ app, line }) => {
    await ringing(app, line, 'Dana Levi', '+13125550182');
    const button = callWith(app, 'Dana Levi').getByRole('button', { name: 'More actions' });
    await button.click();
    await expect(app.getByRole('menu')).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(app.getByRole('menu')).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('Forward… sends the call straight to a colleague’s voicemail', async ({ app, line }) => {
    const diverts = bodiesOf(line, 'divert');
    const id = await ringing(app, line, 'Elena García', '+34915550123');
    await callWith(app, 'Elena García').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Forward…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Forward call from Elena García' });
    await dialog.getByRole('button', { name: 'Forward' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Enter where to forward the call.');
    await dialog.getByRole('textbox', { name: 'Forward to' }).fill('1002');
    await dialog.getByRole('checkbox', { name: 'Straight to their voicemail' }).check();
    await dialog.getByRole('button', { name: 'Forward' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(callWith(app, 'Elena García')).toHaveCount(0);
    expect(diverts).toEqual([{ callId: id, destination: '1002', toVoicemail: true }]);
    expect(line.control.state().diverts).toMatchObject([{ callId: id, destination: '1002', toVoicemail: true }]);
  });

  test('Forward… to a number rings that number instead', async ({ app, line }) => {
    const diverts = bodiesOf(line, 'divert');
    const id = await ringing(app, line, 'Tom Okafor', '+442075550164');
    await callWith(app, 'Tom Okafor').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Forward…' }).click();
    await app.getByRole('dialog').getByRole('textbox', { name: 'Forward to' }).fill('(415) 555-0102');
    await app.getByRole('dialog').getByRole('button', { name: 'Forward' }).click();
    await expect(callWith(app, 'Tom Okafor')).toHaveCount(0);
    expect(diverts).toEqual([{ callId: id, destination: '+14155550102' }]);
  });
});

test.describe('park and retrieve, barge in, transfer to voicemail', () => {
  test('Park at… the group: parked on the spot Webex picks, and Retrieve from it sends that number', async ({ app, line }) => {
    const retrieves = bodiesOf(line, 'retrieve');
    const parks = bodiesOf(line, 'park');
    const id = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await callWith(app, 'Ana Silva').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Park at…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Park call with Ana Silva' });
    await dialog.getByRole('textbox', { name: 'Park at' }).fill('4107');
    await dialog.getByRole('checkbox', { name: 'Group park' }).check();
    await dialog.getByRole('button', { name: 'Park' }).click();
    await expect(callWith(app, 'Ana Silva')).toHaveCount(0);
    expect(parks).toEqual([{ callId: id, isGroupPark: true }]);
    const spot = line.control.state().parked[0]?.parkedAgainst.number;
    expect(spot).toBe('4101');

    await app.getByRole('button', { name: 'Retrieve from 4101' }).click();
    await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
    // Retrieve rings the chosen device (Webex's preferred answer endpoint until another is chosen).
    expect(retrieves).toEqual([{ destination: '4101', endpointId: WEBEX_APP_ID }]);
  });

  test('Park at… an extension, then one-click Park on my line and Retrieve with an empty extension', async ({ app, line }) => {
    const retrieves = bodiesOf(line, 'retrieve');
    const parks = bodiesOf(line, 'park');
    await connectedCall(app, line, 'Ben Okafor', '+442079460958');
    await callWith(app, 'Ben Okafor').getByRole('button', { name: 'More actions' }).click();
    await app.getByRole('menuitem', { name: 'Park at…' }).click();
    await app.getByRole('dialog').getByRole('textbox', { name: 'Park at' }).fill('4107');
    await app.getByRole('dialog').getByRole('button', { name: 'Park' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Parked on 4107: Ben Okafor' })).toBeVisible();

    await connectedCall(app, line, 'Chen Wei', '+16505550100');
    await callWith(app, 'Chen Wei').getByRole('button', { name: 'Park', exact: true }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Parked on 4142: Chen Wei' })).toBeVisible();
    await app.getByRole('button', { name: 'Retrieve', exact: true }).click();
    await expect(callWith(app, 'Chen Wei')).toContainText('Connected');
    expect(parks.map((p) => (p as { destination?: string }).destination)).toEqual(['4107', undefined]);
    expect(retrieves).toEqual([{ endpointId: WEBEX_APP_ID }]);
    expect(line.control.state().parked.map((p) => p.parkedAgainst.number)).toEqual(['4107']);
  });

  test('[CC-31] Barge in joins a colleague’s answered call by extension, and says why when there is none', async ({ app, line }) => {
    const barges = bodiesOf(line, 'bargeIn');
    await app.getByRole('textbox', { name: 'Colleague to barge in on' }).fill('1003');
    await app.getByRole('button', { name: 'Barge in' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'no answered call' })).toBeVisible();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    line.control.colleagueOnCall({ colleague: { name: 'Jordan Lee', number: '1003' }, with: { number: '+12015550170' } });
    await app.getByRole('textbox', { name: 'Colleague to barge in on' }).fill('1003');
    await app.getByRole('button', { name: 'Barge in' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    await expect(calls(app).getByRole('listitem').first()).toContainText('Connected');
    expect(barges).toEqual([
      { target: '1003', endpointId: WEBEX_APP_ID },
      { target: '1003', endpointId: WEBEX_APP_ID },
    ]);
  });

  test('[CC-20] Transfer → Voicemail sends an incoming call into the target’s voicemail, and an outgoing one too', async ({ app, line }) => {
    const diverts = bodiesOf(line, 'divert');
    const id = await connectedCall(app, line, 'Hannah Schmidt', '1007');
    await callWith(app, 'Hannah Schmidt').getByRole('button', { name: 'Transfer' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Voicemail' }).check();
    await dialog.getByRole('textbox', { name: 'Transfer to' }).fill('1002');
    await dialog.getByRole('button', { name: 'Transfer now' }).click();
    await expect(callWith(app, 'Hannah Schmidt')).toHaveCount(0);
    expect(diverts).toEqual([{ callId: id, destination: '1002', toVoicemail: true }]);

    line.control.setDialBehavior({ answerAfterMs: 50 });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('1003');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(calls(app).getByRole('listitem').first()).toContainText('Connected');
    await calls(app).getByRole('listitem').first().getByRole('button', { name: 'Transfer' }).click();
    await app.getByRole('dialog').getByRole('radio', { name: 'Voicemail' }).check();
    await app.getByRole('dialog').getByRole('textbox', { name: 'Transfer to' }).fill('1002');
    await app.getByRole('dialog').getByRole('button', { name: 'Transfer now' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    expect(diverts).toHaveLength(2);
    expect(diverts[1]).toMatchObject({ destination: '1002', toVoicemail: true });
  });
});

test.describe('who and what is waiting', () => {
  test('the header shows my line, and voicemail waiting in the window and the tray, refreshed when a call ends', async ({ app, line, harness }) => {
    const header = app.getByRole('banner');
    // Not an admin: the extension is people/me's work_extension, routing prefix included.
    await expect(header).toContainText('Ext. 81004142 · +1 415 555 0142');
    await expect(header).not.toContainText('voicemail');
    expect(await trayToolTip(harness)).not.toContain('voicemail');

    // A caller sent to my voicemail leaves a message; the call ending refreshes the count.
    const id = await ringing(app, line, 'Priya Natarajan', '+12125550142');
    await callWith(app, 'Priya Natarajan').getByRole('button', { name: 'Send to voicemail' }).click();
    await expect(header).toContainText('1 new voicemail');
    await expect.poll(() => trayToolTip(harness)).toContain('1 new voicemail');
    expect(line.control.state().diverts).toMatchObject([{ callId: id, toVoicemail: true }]);

    line.control.leaveVoicemail({ from: { number: '+13125550187' } });
    const other = await ringing(app, line, 'Marcus Webb', '+13125550187');
    line.control.remoteHangup(other);
    await expect(header).toContainText('2 new voicemails');
    await expect.poll(() => trayToolTip(harness)).toContain('2 new voicemails');

    // Heard on the desk phone: nothing shows once none are new.
    line.control.hearVoicemail();
    line.control.remoteHangup(await ringing(app, line, 'Jordan Lee', '1003'));
    await expect(header).not.toContainText('voicemail');
    await expect.poll(() => trayToolTip(harness)).not.toContain('voicemail');
  });

  test('[PPL-03] dial by name: options show name, number and work extension; the keyboard chooses; a name without a number dials the work extension', async ({ app, line }) => {
    const dials = bodiesOf(line, 'dial');
    line.control.setDialBehavior({ answerAfterMs: null });
    const field = app.getByRole('combobox', { name: 'Number to call' });
    await field.fill('S');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await field.fill('Sam');
    const options = app.getByRole('listbox', { name: 'People in your directory' }).getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.first()).toContainText('Sam Rivera');
    await expect(options.first()).toContainText('+1 415 555 0102 · Ext. 81001002');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await field.press('ArrowDown');
    await field.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');
    await field.press('Enter');
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    expect(dials).toEqual([{ destination: '+14155550151', endpointId: WEBEX_APP_ID }]);
    await expect(field).toHaveValue('');

    await field.fill('Jordan');
    await app.getByRole('option', { name: /Jordan Lee/ }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(2);
    expect(dials).toEqual([
      { destination: '+14155550151', endpointId: WEBEX_APP_ID },
      { destination: '81001003', endpointId: WEBEX_APP_ID },
    ]);

    const searches = line.control.state().requests.filter((r) => r.path === '/v1/people');
    expect(searches.length).toBeGreaterThan(0);
    // Typed numbers dial as before, without asking the directory.
    await field.fill('(202) 555-0147');
    await field.press('Enter');
    await expect(calls(app).getByRole('listitem')).toHaveCount(3);
    expect(dials.at(-1)).toEqual({ destination: '+12025550147', endpointId: WEBEX_APP_ID });
    expect(line.control.state().requests.filter((r) => r.path === '/v1/people')).toHaveLength(searches.length);
  });

  test('a name nobody has says so, and Escape closes the list', async ({ app }) => {
    const field = app.getByRole('combobox', { name: 'Number to call' });
    await field.fill('Zyx');
    await expect(app.getByText('No one in the directory matches “Zyx”.')).toBeVisible();
    await field.press('Escape');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  test('the history filter shows All, Missed, Received or Placed calls', async ({ app, line }) => {
    const missed = line.control.incomingCall({ from: { name: 'Missed Caller', number: '+12015550111' } });
    await expect(callWith(app, 'Missed Caller')).toBeVisible();
    line.control.remoteHangup(missed);
    await connectedCall(app, line, 'Received Caller', '+12015550122');
    line.control.remoteHangup(line.control.state().calls[0]?.id ?? '');
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    // Click to Dial: the call is placed when the phone is picked up. History is re-read when a call
    // ends: ending the dialled call brings its placed record in, rather than racing the read the
    // previous call's end started.
    line.control.setDialBehavior({ answerAfterMs: null, pickUpAfterMs: 0 });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('+1 201 555 0133');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    const placed = calls(app).getByRole('listitem', { name: /201 555 0133/ });
    await expect(placed).toContainText('Calling…');
    await placed.getByRole('button', { name: 'Hang up' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);

    const history = app.getByRole('list', { name: 'Call history' });
    await expect(history.getByRole('listitem')).toHaveCount(3);
    const filter = app.getByRole('radiogroup', { name: 'Show calls' });
    await filter.getByRole('radio', { name: 'Missed' }).check();
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('Missed Caller');
    await filter.getByRole('radio', { name: 'Received' }).check();
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('Received Caller');
    await filter.getByRole('radio', { name: 'Placed' }).check();
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history).toContainText('+1 201 555 0133');
    await filter.getByRole('radio', { name: 'All' }).check();
    await expect(history.getByRole('listitem')).toHaveCount(3);
  });
});

test.describe('the window at 420 × 640', () => {
  test.use({ viewport: { width: 420, height: 640 } });

  test('one column, a header under 120 px, nothing sideways, and a ringing call’s Answer in view', async ({ app, line }) => {
    // Two calls in hand (one recording, which needs the On Demand mode) and a note, then one rings: the worst ordinary moment.
    line.control.setRecordingMode('onDemand');
    await connectedCall(app, line, 'Ben Okafor', '+442079460958');
    await callWith(app, 'Ben Okafor').getByRole('button', { name: 'Hold' }).click();
    await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await callWith(app, 'Ana Silva').getByRole('button', { name: 'Start recording' }).click();
    const gone = line.control.incomingCall({ from: { name: 'Chen Wei', number: '+16505550100' } });
    await expect(callWith(app, 'Chen Wei')).toBeVisible();
    line.control.leaveVoicemail({ from: { number: '+13125550187' } });
    line.control.answeredElsewhere(gone); // a call ending refreshes the voicemail count
    await expect(app.getByText('Call ended: Chen Wei')).toBeVisible();
    line.control.incomingCall({ from: { name: 'Marcus Webb', number: '+13125550187' }, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } });
    const answer = callWith(app, 'Marcus Webb').getByRole('button', { name: 'Answer' });
    await expect(answer).toBeVisible();
    await expect(app.getByRole('banner')).toContainText('1 new voicemail');

    const header = await app.getByRole('banner').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(120);
    const box = await answer.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(640);
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(header?.height ?? 0);
    expect(await app.evaluate(() => window.scrollY)).toBe(0);

    // One column: the calls, the dialer and other actions are stacked at the same left edge.
    const callsPane = await app.getByRole('region', { name: 'Active calls' }).boundingBox();
    const dialPane = await app.getByRole('region', { name: 'Make a call' }).boundingBox();
    expect(dialPane?.x).toBe(callsPane?.x);
    expect(dialPane?.y ?? 0).toBeGreaterThan((callsPane?.y ?? 0) + (callsPane?.height ?? 0) - 1);

    const overflow = () =>
      app.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.map((el) => el.className || el.tagName).slice(0, 5) };
      });
    let measured = await overflow();
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    expect(measured.wide).toEqual([]);

    // The menu and the dial-by-name list stay inside the window too.
    await callWith(app, 'Marcus Webb').getByRole('button', { name: 'More actions' }).click();
    await expect(app.getByRole('menu')).toBeVisible();
    measured = await overflow();
    expect(measured.wide).toEqual([]);
    await app.keyboard.press('Escape');
    await app.getByRole('combobox', { name: 'Number to call' }).fill('Sa');
    await expect(app.getByRole('listbox', { name: 'People in your directory' }).getByRole('option').first()).toBeVisible();
    measured = await overflow();
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    expect(measured.wide).toEqual([]);
  });
});
