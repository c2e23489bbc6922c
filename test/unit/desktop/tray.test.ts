import { describe, expect, it } from 'vitest';
import type { TrayMenuItem } from '../../../main/core/ports.js';
import { createTrayController } from '../../../main/desktop/tray-controller.js';
import { buildTrayMenu, callItemId, parseCallItemId } from '../../../main/desktop/tray-menu.js';
import { trayIcon, trayToolTip } from '../../../main/desktop/tray-status.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { at, desk, dialling, DND_ON, held, offline, ringing, T0, talking } from './desk-fixtures.js';

/** The menu as a person reads it: "label" for enabled items, "(label)" for disabled, "[x] label" for checkboxes. */
function read(menu: TrayMenuItem[]): string[] {
  return menu.map((item) => {
    if (item.type === 'separator') return '---';
    const label = item.type === 'checkbox' ? `[${item.checked ? 'x' : ' '}] ${item.label}` : item.label;
    return item.enabled === false ? `(${label})` : label;
  });
}

const FOOTER = ['---', 'Dial from clipboard…', '[ ] Do Not Disturb', '---', 'Show CallDeck', 'Settings…', 'Quit CallDeck'];

describe('the tray menu, for every state', () => {
  it('idle', () => {
    expect(read(buildTrayMenu(desk([])))).toEqual(FOOTER.slice(1));
  });

  it('one call ringing, via a call queue', () => {
    const call = ringing('r1', 'Ana Silva', 0, { redirections: [{ reason: 'callQueue', redirectingParty: { name: 'Support', privacyEnabled: false, callType: 'location' } }] });
    expect(read(buildTrayMenu(desk([call])))).toEqual([
      '(Ringing: Ana Silva · via Support call queue)',
      'Answer Ana Silva',
      'Decline Ana Silva',
      ...FOOTER,
    ]);
  });

  it('two calls ringing: each with Answer and Decline, the longest waiting first', () => {
    const menu = read(buildTrayMenu(desk([ringing('new', 'Ben Okafor', 20), ringing('old', 'Ana Silva', 5)])));
    expect(menu.slice(0, 7)).toEqual([
      '(Ringing: Ana Silva)',
      'Answer Ana Silva',
      'Decline Ana Silva',
      '---',
      '(Ringing: Ben Okafor)',
      'Answer Ben Okafor',
      'Decline Ben Okafor',
    ]);
  });

  it('on a call: Hold, Mute and Hang up for that call', () => {
    expect(read(buildTrayMenu(desk([talking('t', 'Ana Silva', 10)])))).toEqual(['(On a call with Ana Silva)', 'Hold', 'Mute', 'Hang up', ...FOOTER]);
  });

  it('on a muted call: Unmute', () => {
    expect(read(buildTrayMenu(desk([talking('t', 'Ana Silva', 10, { muted: true })]))).slice(0, 4)).toEqual([
      '(On a call with Ana Silva · muted)',
      'Hold',
      'Unmute',
      'Hang up',
    ]);
  });

  it('on hold: Resume only (a held caller is never hung up blind)', () => {
    expect(read(buildTrayMenu(desk([held('h', 'Chen Wei', 10)]))).slice(0, 2)).toEqual(['(On hold: Chen Wei)', 'Resume']);
  });

  it('dialling out: Cancel call', () => {
    expect(read(buildTrayMenu(desk([dialling('d', 'Dana Levi')]))).slice(0, 2)).toEqual(['(Calling Dana Levi…)', 'Cancel call']);
  });

  it('on a call with another ringing and one on hold: the ringing call first, then the call you are on', () => {
    const menu = read(buildTrayMenu(desk([held('h', 'Chen Wei', 1), talking('t', 'Ana Silva', 10), ringing('r', 'Ben Okafor', 30)])));
    expect(menu.slice(0, 8)).toEqual([
      '(Ringing: Ben Okafor)',
      'Answer Ben Okafor',
      'Decline Ben Okafor',
      '---',
      '(On a call with Ana Silva)',
      'Hold',
      'Mute',
      'Hang up',
    ]);
  });

  it('Do Not Disturb on: checked, and a ringing call can still be answered from the menu', () => {
    const menu = read(buildTrayMenu(desk([ringing('r', 'Ana Silva', 0)], { dnd: DND_ON })));
    expect(menu).toContain('[x] Do Not Disturb');
    expect(menu).toContain('Answer Ana Silva');
  });

  it('Do Not Disturb being changed: the checkbox waits', () => {
    expect(read(buildTrayMenu(desk([], { dnd: { status: 'off', updating: true } })))).toContain('([ ] Do Not Disturb)');
  });

  it('offline: calls offer nothing, so their items are disabled and dialling is off', () => {
    const menu = read(buildTrayMenu(desk([offline(ringing('r', 'Ana Silva', 0))], { line: { state: 'offline', label: 'x' } })));
    expect(menu.slice(0, 3)).toEqual(['(Ringing: Ana Silva)', '(Answer Ana Silva)', '(Decline Ana Silva)']);
    expect(menu).toContain('(Dial from clipboard…)');
  });

  it('signed out: no Do Not Disturb to change, but Show, Settings and Quit remain', () => {
    const menu = read(buildTrayMenu(desk([], { line: { state: 'unauthorized', label: 'x' } })));
    expect(menu).toEqual(['(Dial from clipboard…)', '([ ] Do Not Disturb)', '---', 'Show CallDeck', 'Settings…', 'Quit CallDeck']);
  });

  it('private callers are named as such, and long names are cut', () => {
    const privateCall = ringing('p', 'x', 0, { remoteParty: { privacyEnabled: true, callType: 'external' } });
    const longName = ringing('l', 'A'.repeat(80), 1);
    const menu = read(buildTrayMenu(desk([privateCall, longName])));
    expect(menu[1]).toBe('Answer Private number');
    expect(menu[5]?.length).toBeLessThanOrEqual('Answer '.length + 40);
    expect(menu[5]).toMatch(/…$/);
  });

  it('item ids carry the call and action, even for ids with colons', () => {
    expect(parseCallItemId(callItemId('Y2lzY286Ly91cy9DQUxM:1', 'hangup'))).toEqual({ callId: 'Y2lzY286Ly91cy9DQUxM:1', action: 'hangup' });
    expect(parseCallItemId('call:transfer:abc')).toBeUndefined();
    expect(parseCallItemId('quit')).toBeUndefined();
  });
});

describe('the tray icon and tooltip', () => {
  const now = T0 + 192_000 + 10_000;

  it.each([
    ['idle', desk([]), 'idle', 'CallDeck · No calls'],
    ['ringing', desk([ringing('r', 'Ana Silva', 0)]), 'ringing', 'Ringing: Ana Silva'],
    ['two ringing', desk([ringing('a', 'Ana Silva', 0), ringing('b', 'Ben Okafor', 1)]), 'ringing', '2 calls ringing'],
    ['on a call', desk([talking('t', 'Ana Silva', 10)]), 'on-call', 'On a call with Ana Silva · 03:12'],
    ['on a muted call with one held', desk([talking('t', 'Ana Silva', 10, { muted: true }), held('h', 'Chen Wei', 1)]), 'on-call', 'On a call with Ana Silva · 03:12 · muted · 1 on hold'],
    ['call waiting', desk([talking('t', 'Ana Silva', 10), ringing('r', 'Ben Okafor', 20)]), 'ringing', 'On a call with Ana Silva · 03:12 · 1 call ringing'],
    ['on hold', desk([held('h', 'Chen Wei', 1)]), 'on-hold', 'On hold: Chen Wei'],
    ['dialling', desk([dialling('d', 'Dana Levi')]), 'on-call', 'Calling Dana Levi…'],
    ['do not disturb', desk([], { dnd: DND_ON }), 'dnd', 'CallDeck · Do Not Disturb'],
    ['do not disturb keeps ringing quiet', desk([ringing('r', 'Ana Silva', 0)], { dnd: DND_ON }), 'dnd', 'CallDeck · Do Not Disturb'],
    ['on a call under do not disturb', desk([talking('t', 'Ana Silva', 10)], { dnd: DND_ON }), 'on-call', 'On a call with Ana Silva · 03:12 · Do Not Disturb'],
    ['offline', desk([], { line: { state: 'offline', label: 'x' } }), 'offline', 'CallDeck · Offline, reconnecting…'],
    ['line error', desk([], { line: { state: 'error', label: 'x', message: 'Webex answered 503' } }), 'offline', 'CallDeck · Offline: Webex answered 503'],
    ['signed out', desk([], { line: { state: 'unauthorized', label: 'x' } }), 'signed-out', 'CallDeck · Signed out'],
    ['starting', desk([], { line: { state: 'starting', label: 'x' } }), 'idle', 'CallDeck · Connecting…'],
  ] as const)('%s', (_name, model, icon, tooltip) => {
    expect(trayIcon(model)).toBe(icon);
    expect(trayToolTip(model, now)).toBe(tooltip);
  });

  it('counts an hour-long call in hours', () => {
    expect(trayToolTip(desk([talking('t', 'Ana Silva', 0)]), T0 + 3_723_000)).toBe('On a call with Ana Silva · 1:02:03');
  });

  it('says how many voicemails wait, as the window header does, and nothing when none do', () => {
    const waiting = (newMessages: number, newUrgentMessages = 0) => ({ newMessages, newUrgentMessages, oldMessages: 3 });
    expect(trayToolTip(desk([], { voicemail: waiting(2) }), T0)).toBe('CallDeck · No calls · 2 new voicemails');
    expect(trayToolTip(desk([], { voicemail: waiting(1, 1) }), T0)).toBe('CallDeck · No calls · 1 new voicemail (urgent)');
    expect(trayToolTip(desk([], { voicemail: waiting(0) }), T0)).toBe('CallDeck · No calls');
    expect(trayToolTip(desk([], { voicemail: null }), T0)).toBe('CallDeck · No calls');
  });

  it('keeps the tooltip within what Windows shows', () => {
    const long = desk([talking('t', 'N'.repeat(200), 10)]);
    expect(trayToolTip(long, Date.parse(at(20))).length).toBeLessThanOrEqual(127);
  });
});

describe('the tray controller', () => {
  function setup() {
    const clock = new FakeClock(T0 + 10_000);
    const seen = { tips: [] as string[], menus: 0, icons: 0 };
    const view = { setIcon: () => void seen.icons++, setToolTip: (text: string) => void seen.tips.push(text), setMenu: () => void seen.menus++ };
    return { clock, seen, tray: createTrayController({ view, clock, onClick: () => undefined }) };
  }

  it('sets nothing again that has not changed, and runs no timer while nothing counts up', () => {
    const { clock, seen, tray } = setup();
    tray.render(desk([]));
    tray.render(desk([]));
    expect(seen).toEqual({ tips: ['CallDeck · No calls'], menus: 1, icons: 1 });
    for (const model of [desk([ringing('r', 'Ana Silva', 0)]), desk([held('h', 'Chen Wei', 1)]), desk([dialling('d', 'Dana Levi')])]) {
      tray.render(model);
      expect(clock.pendingTimers()).toBe(0);
    }
  });

  it('counts a connected call each second, and stops when the call is held, feedback shows, or it stops', () => {
    const { clock, seen, tray } = setup();
    tray.render(desk([talking('t', 'Ana Silva', 10)]));
    clock.advance(2000);
    expect(seen.tips).toEqual(['On a call with Ana Silva · 00:00', 'On a call with Ana Silva · 00:01', 'On a call with Ana Silva · 00:02']);
    tray.render(desk([held('t', 'Ana Silva', 10)]));
    expect(clock.pendingTimers()).toBe(0);
    tray.render(desk([talking('t', 'Ana Silva', 10)]), 'No call is ringing.');
    expect(clock.pendingTimers()).toBe(0);
    tray.render(desk([talking('t', 'Ana Silva', 10)]));
    expect(clock.pendingTimers()).toBe(1);
    tray.stop();
    expect(clock.pendingTimers()).toBe(0);
  });
});
