import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type HotkeyAction } from '../../../preload/contract.js';
import { createCallsFeature } from '../../../main/calls/calls-feature.js';
import { AppError } from '../../../main/core/app-error.js';
import type { Line } from '../../../main/providers/line.js';
import { createDesktopFeature, WAYLAND_CAVEAT } from '../../../main/desktop/desktop-feature.js';
import { FEEDBACK_MS } from '../../../main/desktop/feedback.js';
import { createEventHub } from '../../../main/ipc/event-hub.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import type { WebexCall } from '../../../main/providers/webex/schemas.js';
import { FakeAutoStart, FakeLifecycle, FakePopup } from '../../fakes/desktop-fakes.js';
import { FakeCallsProvider, type ProviderMethod } from '../../fakes/fake-calls-provider.js';
import { FakePeopleProvider, FakeVoicemailProvider } from '../../fakes/fake-people-provider.js';
import { FakeClock, FAKE_CLOCK_START } from '../../fakes/fake-clock.js';
import {
  FakeClipboard,
  FakeNotifier,
  FakeShortcuts,
  FakeSystemEvents,
  FakeTray,
  FakeWindow,
  MemoryLogger,
  MemorySettingsStore,
} from '../../fakes/in-memory-ports.js';
import { missedRecord, party, webexCall } from '../../fakes/webex-call-fixtures.js';

const iso = (seconds: number) => new Date(FAKE_CLOCK_START + seconds * 1000).toISOString();
const ringingCall = (id: string, name: string, createdSec: number, extra: Partial<WebexCall> = {}) =>
  webexCall({ id, remoteParty: party({ name, number: '+12015550123' }), created: iso(createdSec), ...extra });
const connectedCall = (id: string, name: string, answeredSec: number, extra: Partial<WebexCall> = {}) =>
  webexCall({ id, state: 'connected', remoteParty: party({ name, number: '+442079460958' }), created: iso(answeredSec - 5), answered: iso(answeredSec), ...extra });
const heldCall = (id: string, name: string, answeredSec: number) => ({ ...connectedCall(id, name, answeredSec), state: 'held' as const });

async function setup(options: { wayland?: boolean; autoStart?: FakeAutoStart; settings?: Partial<typeof DEFAULT_SETTINGS> } = {}) {
  const clock = new FakeClock();
  const log = new MemoryLogger();
  const provider = new FakeCallsProvider(clock);
  const voicemail = new FakeVoicemailProvider();
  const line: Line = { provider, people: new FakePeopleProvider(), voicemail, mode: 'account', label: 'Webex · test', close: async () => undefined };
  const settings = createSettingsService(new MemorySettingsStore({ ...DEFAULT_SETTINGS, ...options.settings }), log);
  const calls = createCallsFeature({ clock, log, settings, callLogStore: new MemorySettingsStore(), line });
  const events = createEventHub(log);
  const sent: { channel: string; payload: unknown }[] = [];
  events.attach({ id: 1, isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) });
  events.markReady(1);
  const ports = {
    shortcuts: new FakeShortcuts(),
    tray: new FakeTray(),
    popup: new FakePopup(),
    notifier: new FakeNotifier(),
    window: new FakeWindow(),
    clipboard: new FakeClipboard(),
    system: new FakeSystemEvents(),
    autoStart: options.autoStart ?? new FakeAutoStart(),
    lifecycle: new FakeLifecycle(),
  };
  ports.window.visible = false;
  const desktop = createDesktopFeature({ ...ports, clock, log, settings, calls, events, platform: 'linux', wayland: options.wayland ?? false });
  await clock.advanceAsync(0);

  /** Puts calls on the line and lets the app see them. */
  const show = async (...list: WebexCall[]) => {
    provider.calls = list;
    await calls.refresh();
    await clock.advanceAsync(0);
  };
  const press = async (action: HotkeyAction) => {
    expect(ports.shortcuts.press(settings.get().hotkeys[action])).toBe(true);
    await clock.advanceAsync(0);
  };
  const click = async (id: string) => {
    expect(ports.tray.click(id)).toBe(true);
    await clock.advanceAsync(0);
  };
  const sentOf = (method: ProviderMethod) => provider.sent.filter((request) => request.method === method).map((request) => request.args);
  const callsSent = () => provider.sent.filter((request) => request.method !== 'setDoNotDisturb');
  return { clock, provider, settings, calls, desktop, events, sent, ports, show, press, click, sentOf, callsSent };
}

type Row = [name: string, action: HotkeyAction, calls: () => WebexCall[], expected: [ProviderMethod, string] | RegExp];

// The hotkey semantics, pressed through the registered shortcut exactly as the OS would.
const table: Row[] = [
  ['Answer takes the oldest alerting call', 'answer', () => [ringingCall('new', 'Ben', 20), ringingCall('old', 'Ana', 5)], ['answer', 'old']],
  ['Answer with nothing ringing says so', 'answer', () => [connectedCall('t', 'Ana', 10)], /No call is ringing/],
  ['Hold holds the connected call', 'holdResume', () => [connectedCall('t', 'Ana', 10), heldCall('h', 'Ben', 5)], ['hold', 't']],
  ['Hold resumes the most recently held call when none is connected', 'holdResume', () => [heldCall('a', 'Ana', 5), heldCall('b', 'Ben', 30)], ['resume', 'b']],
  ['Hold with no call says so', 'holdResume', () => [], /No call to hold or resume/],
  ['Hang up ends the connected call, not the ringing one', 'hangupDecline', () => [ringingCall('r', 'Ben', 20), connectedCall('t', 'Ana', 10)], ['hangup', 't']],
  ['Hang up declines when only a ringing call exists', 'hangupDecline', () => [ringingCall('r', 'Ben', 20)], ['reject', 'r']],
  ['Hang up never ends a held call blind', 'hangupDecline', () => [heldCall('h', 'Ana', 5)], /on hold/],
  ['Mute mutes the connected call', 'muteUnmute', () => [connectedCall('t', 'Ana', 10)], ['mute', 't']],
  ['Mute unmutes a muted call', 'muteUnmute', () => [connectedCall('t', 'Ana', 10, { muted: true })], ['unmute', 't']],
  ['Mute with no connected call says so', 'muteUnmute', () => [heldCall('h', 'Ana', 5)], /No connected call to mute/],
];

describe('global hotkeys', () => {
  it.each(table)('%s', async (_name, action, list, expected) => {
    const app = await setup();
    await app.show(...list());
    await app.press(action);
    if (expected instanceof RegExp) {
      expect(app.callsSent()).toEqual([]);
      expect(app.desktop.state().feedback?.text).toMatch(expected);
      expect(app.ports.tray.toolTip).toMatch(expected);
      // Nothing to act on is not an error worth a notification.
      expect(app.ports.notifier.shown).toEqual([]);
    } else {
      expect(app.callsSent().map((r) => [r.method, r.args[0]])).toEqual([expected]);
    }
  });

  it('the feedback leaves the tooltip after a few seconds', async () => {
    const app = await setup();
    await app.press('answer');
    expect(app.ports.tray.toolTip).toBe('No call is ringing.');
    await app.clock.advanceAsync(FEEDBACK_MS);
    expect(app.ports.tray.toolTip).toBe('CallDeck · No calls');
    expect(app.desktop.state().feedback).toBeNull();
  });

  it('a second press while the first answer is in flight sends one request', async () => {
    const app = await setup();
    await app.show(ringingCall('r', 'Ana', 1));
    app.ports.shortcuts.press(DEFAULT_SETTINGS.hotkeys.answer);
    app.ports.shortcuts.press(DEFAULT_SETTINGS.hotkeys.answer);
    await app.clock.advanceAsync(0);
    expect(app.sentOf('answer')).toEqual([['r']]);
  });

  it('a failed action is reported with the provider message, as a notification too', async () => {
    const app = await setup();
    await app.show(connectedCall('t', 'Ana Silva', 10));
    app.provider.failNext('hold', new AppError('provider', 'Call is not in a holdable state', { trackingId: 'TRK_1' }));
    await app.press('holdResume');
    expect(app.ports.notifier.shown).toEqual([
      { title: 'CallDeck', body: "Couldn't hold the call with Ana Silva: Call is not in a holdable state (Tracking ID: TRK_1)" },
    ]);
  });

  it('shows registration status, including a shortcut another application holds, and a new choice', async () => {
    const app = await setup();
    app.ports.shortcuts.taken.add('CommandOrControl+Alt+Q');
    app.settings.set({ hotkeys: { ...DEFAULT_SETTINGS.hotkeys, muteUnmute: 'CommandOrControl+Alt+Q' } });
    expect(app.desktop.state().hotkeys.find((h) => h.action === 'muteUnmute')).toMatchObject({ registration: 'in-use', message: /another application/ });
    app.settings.set({ hotkeys: { ...DEFAULT_SETTINGS.hotkeys, muteUnmute: 'CommandOrControl+Alt+U' } });
    expect(app.desktop.state().hotkeys.find((h) => h.action === 'muteUnmute')).toMatchObject({ registration: 'registered' });
    const lastEvent = app.sent.filter((e) => e.channel === 'desktop:changed').at(-1)?.payload as { hotkeys: { action: string; registration: string }[] };
    expect(lastEvent.hotkeys.find((h) => h.action === 'muteUnmute')?.registration).toBe('registered');
  });

  it('says on Wayland that a registered shortcut may not work', async () => {
    expect((await setup({ wayland: true })).desktop.state().hotkeyCaveat).toBe(WAYLAND_CAVEAT);
    expect((await setup()).desktop.state().hotkeyCaveat).toBeUndefined();
  });
});

describe('dial clipboard', () => {
  it('dials a valid number and says what it is calling', async () => {
    const app = await setup();
    app.ports.clipboard.text = ' (202) 555-0147\n';
    await app.press('dialClipboard');
    expect(app.sentOf('dial')).toEqual([['+12025550147']]);
    expect(app.desktop.state().feedback).toMatchObject({ text: 'Calling (202) 555-0147', tone: 'info' });
  });

  it('dials a tel: link on the clipboard, sending its extension once connected', async () => {
    const app = await setup();
    app.ports.clipboard.text = 'tel:+1-202-555-0147;ext=42';
    await app.press('dialClipboard');
    const callId = 'dialled-1';
    await app.show(webexCall({ id: callId, state: 'connecting', personality: 'originator' }));
    expect(app.sentOf('transmitDtmf')).toEqual([]);
    await app.show(webexCall({ id: callId, state: 'connected', personality: 'originator', answered: iso(3) }));
    expect(app.sentOf('transmitDtmf')).toEqual([[callId, ',42']]);
  });

  it('says why it dials nothing, without repeating what the clipboard holds', async () => {
    const app = await setup();
    app.ports.clipboard.text = 'hunter2-secret';
    await app.press('dialClipboard');
    expect(app.sentOf('dial')).toEqual([]);
    const said = app.desktop.state().feedback;
    expect(said).toMatchObject({ tone: 'error', text: expect.stringMatching(/does not hold a number.*letters/) });
    expect(JSON.stringify(app.ports.notifier.shown)).not.toContain('hunter2');
  });

  it('an empty clipboard dials nothing', async () => {
    const app = await setup();
    await app.press('dialClipboard');
    expect(app.sentOf('dial')).toEqual([]);
    expect(app.desktop.state().feedback?.text).toMatch(/clipboard is empty/);
  });
});

describe('the tray', () => {
  it('rebuilds and re-sets the menu on every change, and acts on the call it names', async () => {
    const app = await setup();
    const menus = () => app.ports.tray.menu.map((item) => item.label);
    expect(menus()).not.toContain('Answer Ana Silva');
    await app.show(ringingCall('r', 'Ana Silva', 1));
    expect(app.ports.tray.icon).toBe('ringing');
    await app.click('call:answer:r');
    expect(app.sentOf('answer')).toEqual([['r']]);
    await app.show(connectedCall('r', 'Ana Silva', 2));
    expect(menus()).toEqual(expect.arrayContaining(['On a call with Ana Silva', 'Hold', 'Mute', 'Hang up']));
    expect(app.ports.tray.icon).toBe('on-call');
    await app.click('call:hold:r');
    expect(app.sentOf('hold')).toEqual([['r']]);
  });

  it('an item from a menu that was open while the call moved on acts on nothing and says why', async () => {
    const app = await setup();
    await app.show(ringingCall('r', 'Ana Silva', 1));
    // The person opened the menu here; the OS keeps calling back with the menu's ids.
    const staleMenu = new FakeTray();
    staleMenu.setMenu(app.ports.tray.menu, (app.ports.tray as unknown as { onClick: (id: string) => void }).onClick);
    await app.show(connectedCall('r', 'Ana Silva', 2));
    expect(staleMenu.click('call:answer:r')).toBe(true);
    await app.clock.advanceAsync(0);
    expect(app.callsSent()).toEqual([]);
    expect(app.desktop.state().feedback?.text).toBe("Can't answer the call with Ana Silva now.");
    await app.show();
    expect(staleMenu.click('call:decline:r')).toBe(true);
    await app.clock.advanceAsync(0);
    expect(app.desktop.state().feedback?.text).toBe('That call has ended.');
  });

  it('Show, Settings… and Quit', async () => {
    const app = await setup();
    await app.click('show');
    expect(app.ports.window.visible).toBe(true);
    app.ports.window.visible = false;
    await app.click('settings');
    expect(app.ports.window.visible).toBe(true);
    expect(app.desktop.state().settingsRequested).toBe(true);
    await app.desktop.handlers['desktop:settingsShown'](undefined);
    expect(app.desktop.state().settingsRequested).toBe(false);
    await app.click('quit');
    expect(app.ports.lifecycle.quits).toBe(1);
  });

  it('the tooltip counts a connected call every second', async () => {
    const app = await setup();
    await app.show(connectedCall('t', 'Ana Silva', 0));
    expect(app.ports.tray.toolTip).toBe('On a call with Ana Silva · 00:00');
    await app.clock.advanceAsync(3000);
    expect(app.ports.tray.toolTip).toBe('On a call with Ana Silva · 00:03');
  });
});

describe('the incoming-call popup', () => {
  it('appears for a ringing call, stacks, and closes when the call is answered here', async () => {
    const app = await setup();
    await app.show(ringingCall('a', 'Ana Silva', 1));
    expect(app.ports.popup.state.cards.map((c) => c.name)).toEqual(['Ana Silva']);
    await app.show(ringingCall('a', 'Ana Silva', 1), ringingCall('b', 'Ben Okafor', 2));
    expect(app.ports.popup.state.cards.map((c) => c.name)).toEqual(['Ana Silva', 'Ben Okafor']);
    expect(app.ports.popup.shows).toBe(1);
    await app.show(connectedCall('a', 'Ana Silva', 3), ringingCall('b', 'Ben Okafor', 2));
    expect(app.ports.popup.state.cards.map((c) => c.name)).toEqual(['Ben Okafor']);
    await app.show(connectedCall('a', 'Ana Silva', 3), connectedCall('b', 'Ben Okafor', 4));
    expect(app.ports.popup.visible).toBe(false);
    expect(app.sent.filter((e) => e.channel === 'popup:changed').at(-1)?.payload).toEqual({ cards: [], more: 0 });
  });

  it('[CC-07] closes when the call stops ringing with no missed record (e.g. a colleague took it), without a notification', async () => {
    const app = await setup();
    await app.show(ringingCall('a', 'Ana Silva', 1, { redirections: [{ reason: 'huntGroup', redirectingParty: party({ name: 'Sales' }) }] }));
    expect(app.ports.popup.visible).toBe(true);
    await app.show();
    expect(app.ports.popup.visible).toBe(false);
    expect(app.ports.notifier.shown).toEqual([]);
  });

  it('closes when the caller gives up, and the missed call raises an OS notification', async () => {
    const app = await setup();
    await app.show(ringingCall('a', 'Ana Silva', 1));
    app.provider.historyRecords.missed.push(missedRecord({ time: iso(2) }));
    await app.show();
    await app.clock.advanceAsync(0);
    expect(app.ports.popup.visible).toBe(false);
    expect(app.ports.notifier.shown).toEqual([{ title: 'Missed call: Ana Silva', body: '+1 201 555 0123' }]);
  });

  it('a dismissed card stays away while that call rings; the call is still in the tray', async () => {
    const app = await setup();
    await app.show(ringingCall('a', 'Ana Silva', 1));
    await app.desktop.handlers['popup:dismiss']({ callId: 'a' });
    expect(app.ports.popup.visible).toBe(false);
    expect(app.ports.tray.menu.some((item) => item.id === 'call:answer:a')).toBe(true);
  });
});

describe('Click to Dial: our own phone alerting for a dial', () => {
  const myDial = (id = 'd1') => webexCall({ id, personality: 'clickToDial', state: 'alerting', remoteParty: party({ name: 'Ana Silva', number: '1002' }), created: iso(1) });

  it('[CC-01] is never an incoming call: no popup, no ringing icon or "Ringing", no Answer or Decline; the tray says what to do and cancels with hangup', async () => {
    const app = await setup();
    await app.show(myDial());
    expect(app.ports.popup.visible).toBe(false);
    expect(app.ports.popup.state.cards).toEqual([]);
    expect(app.ports.tray.icon).toBe('on-call');
    expect(app.ports.tray.toolTip).toContain('Pick up your phone to call Ana Silva');
    expect(app.ports.tray.toolTip).not.toMatch(/Ringing|ringing/);
    const labels = app.ports.tray.menu.map((item) => item.label);
    expect(labels).toContain('Pick up your phone to call Ana Silva');
    expect(labels.filter((l) => /Answer|Decline/.test(l))).toEqual([]);
    await app.press('answer');
    expect(app.callsSent()).toEqual([]);
    await app.click('call:hangup:d1');
    expect(app.sentOf('hangup')).toEqual([['d1']]);
    expect(app.sentOf('reject')).toEqual([]);
  });

  it('[CC-04] the hang-up hotkey cancels my own dial with hangup, never reject', async () => {
    const app = await setup();
    await app.show(myDial());
    await app.press('hangupDecline');
    expect(app.sentOf('hangup')).toEqual([['d1']]);
    expect(app.sentOf('reject')).toEqual([]);
  });

  it('[CC-01] a dial that stops alerting raises no missed-call notification, even with a missed record around', async () => {
    const app = await setup();
    await app.show(myDial());
    app.provider.historyRecords.missed.push(missedRecord({ time: iso(2), number: '1002', name: 'Ana Silva' }));
    await app.show();
    await app.clock.advanceAsync(0);
    expect(app.ports.notifier.shown).toEqual([]);
  });
});

describe('Do Not Disturb', () => {
  it('round trip: reads Webex, changes it from the window, then from the tray', async () => {
    const app = await setup();
    expect(app.desktop.state().dnd.status).toBe('off');
    expect(await app.desktop.handlers['desktop:setDnd']({ enabled: true })).toEqual({ status: 'on', updating: false });
    expect(app.provider.dnd).toBe(true);
    expect(app.ports.tray.menu.find((i) => i.id === 'dnd')?.checked).toBe(true);
    expect(app.ports.tray.icon).toBe('dnd');
    await app.click('dnd');
    expect(app.provider.dnd).toBe(false);
    expect(app.sentOf('setDoNotDisturb')).toEqual([[true], [false]]);
    expect(app.desktop.state().dnd.status).toBe('off');
  });

  it('picks up a change made on the phone', async () => {
    const app = await setup();
    app.provider.dnd = true;
    app.ports.system.emit('resume');
    await app.clock.advanceAsync(0);
    expect(app.desktop.state().dnd.status).toBe('on');
  });

  it('[DND-01] keeps the popup and the ringing icon quiet; the call is still listed to see and answer', async () => {
    const app = await setup();
    await app.show(ringingCall('a', 'Ana Silva', 1));
    expect(app.ports.popup.visible).toBe(true);
    await app.desktop.handlers['desktop:setDnd']({ enabled: true });
    expect(app.ports.popup.visible).toBe(false);
    expect(app.ports.tray.icon).toBe('dnd');
    expect(app.calls.snapshot().calls.map((c) => [c.id, c.state])).toEqual([['a', 'alerting']]);
    expect(app.calls.snapshot().calls[0]?.actions).toContain('answer');
  });

  it('[DND-02] a call that rang during Do Not Disturb raises no missed-call notification, even with a missed record and DND off by then', async () => {
    const app = await setup();
    await app.desktop.handlers['desktop:setDnd']({ enabled: true });
    await app.show(ringingCall('a', 'Ana Silva', 1));
    await app.desktop.handlers['desktop:setDnd']({ enabled: false });
    app.provider.historyRecords.missed.push(missedRecord({ time: iso(2) }));
    await app.show();
    await app.clock.advanceAsync(0);
    expect(app.ports.notifier.shown).toEqual([]);
    // Outside Do Not Disturb the same thing notifies (the rule, not a broken notifier).
    await app.show(ringingCall('b', 'Ben Okafor', 3));
    app.provider.historyRecords.missed.push(missedRecord({ time: iso(4), name: 'Ben Okafor' }));
    await app.show();
    await app.clock.advanceAsync(0);
    expect(app.ports.notifier.shown.map((n) => n.title)).toEqual(['Missed call: Ben Okafor']);
  });

  it('a failed change says why and keeps the last known state', async () => {
    const app = await setup();
    app.provider.failNext('setDoNotDisturb', new AppError('forbidden', 'Missing scope spark:telephony_config_write'));
    await app.click('dnd');
    expect(app.desktop.state().dnd).toMatchObject({ status: 'off', updating: false, error: expect.stringMatching(/Missing scope/) });
    expect(app.ports.notifier.shown[0]?.body).toMatch(/Couldn't turn Do Not Disturb on: Missing scope/);
  });
});

describe('phone links', () => {
  it('asks before dialing by default, shows the window, then dials what was confirmed', async () => {
    const app = await setup();
    expect(app.desktop.openLink('tel:+1-202-555-0147')).toEqual({ outcome: 'asked', id: 1 });
    expect(app.ports.window.visible).toBe(true);
    expect(app.desktop.state().link).toEqual({ kind: 'confirm', id: 1, link: 'tel:+1-202-555-0147', display: '(202) 555-0147' });
    expect(app.sentOf('dial')).toEqual([]);
    expect(await app.desktop.handlers['desktop:resolveLink']({ id: 1, dial: true })).toEqual({ callId: 'dialled-1' });
    expect(app.sentOf('dial')).toEqual([['+12025550147']]);
    expect(app.desktop.state().link).toBeNull();
    await expect(app.desktop.handlers['desktop:resolveLink']({ id: 1, dial: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(app.sentOf('dial')).toHaveLength(1);
  });

  it('Cancel dials nothing', async () => {
    const app = await setup();
    app.desktop.openLink('sip:alice@example.com');
    await app.desktop.handlers['desktop:resolveLink']({ id: 1, dial: false });
    expect(app.sentOf('dial')).toEqual([]);
  });

  it('"Dial immediately" dials at once', async () => {
    const app = await setup({ settings: { deepLinkAction: 'dial' } });
    expect(app.desktop.openArgv(['/opt/CallDeck/calldeck', 'tel:+12025550147'])).toEqual({ outcome: 'dialling', display: '(202) 555-0147' });
    await app.clock.advanceAsync(0);
    expect(app.sentOf('dial')).toEqual([['+12025550147']]);
  });

  it('an invalid link is explained in the window and dials nothing, whatever the setting', async () => {
    const app = await setup({ settings: { deepLinkAction: 'dial' } });
    const outcome = app.desktop.openLink('tel:javascript:alert(1)');
    expect(outcome).toMatchObject({ outcome: 'invalid', reason: expect.stringMatching(/letters/) });
    expect(app.desktop.state().link).toMatchObject({ kind: 'invalid', link: 'tel:javascript:alert(1)' });
    expect(app.ports.window.visible).toBe(true);
    await app.clock.advanceAsync(0);
    expect(app.callsSent()).toEqual([]);
  });

  it('a command line without a link does nothing', async () => {
    const app = await setup();
    expect(app.desktop.openArgv(['calldeck', '--hidden'])).toBeUndefined();
    expect(app.desktop.state().link).toBeNull();
  });
});

describe('start at login', () => {
  it('follows the setting', async () => {
    const autoStart = new FakeAutoStart();
    const app = await setup({ autoStart });
    app.settings.set({ startAtLogin: true });
    await app.clock.advanceAsync(0);
    expect(autoStart.enabled).toBe(true);
    app.settings.set({ startAtLogin: false });
    await app.clock.advanceAsync(0);
    expect(autoStart.changes).toEqual([true, false]);
  });

  it('says why where it is not available', async () => {
    const app = await setup({ autoStart: new FakeAutoStart({ supported: false, reason: 'Only the installed app can start at login.' }) });
    expect(app.desktop.state().autoStart).toEqual({ supported: false, note: 'Only the installed app can start at login.' });
  });
});
