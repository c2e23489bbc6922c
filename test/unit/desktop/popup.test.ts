import { describe, expect, it } from 'vitest';
import { isWaylandSession } from '../../../main/desktop/app-identity.js';
import { popupWindowOptions } from '../../../main/desktop/popup-window-options.js';
import { mainWindowOptions } from '../../../main/window/window-options.js';
import { MAX_POPUP_CARDS, popupState } from '../../../main/desktop/popup-model.js';
import { popupSize } from '../../../preload/common/popup-size.js';
import { popupBounds, trayCorner, type DisplayArea } from '../../../main/desktop/popup-placement.js';
import { desk, DND_ON, offline, ringing, talking } from './desk-fixtures.js';

describe('the popup model', () => {
  it('one card per ringing call, oldest first, with name, number and why it rings', () => {
    const queue = { reason: 'callQueue' as const, redirectingParty: { name: 'Support', privacyEnabled: false, callType: 'location' as const } };
    const state = popupState(desk([ringing('b', 'Ben Okafor', 20), ringing('a', 'Ana Silva', 5, { redirections: [queue] }), talking('t', 'Chen Wei', 1)]), new Set());
    expect(state.more).toBe(0);
    expect(state.cards).toEqual([
      { callId: 'a', name: 'Ana Silva', number: '+1 201 555 0123', via: 'via Support call queue', ringingSince: expect.any(String), actions: ['answer', 'decline', 'voicemail'] },
      { callId: 'b', name: 'Ben Okafor', number: '+1 201 555 0123', ringingSince: expect.any(String), actions: ['answer', 'decline', 'voicemail'] },
    ]);
  });

  it('stays quiet under Do Not Disturb', () => {
    expect(popupState(desk([ringing('a', 'Ana Silva', 5)], { dnd: DND_ON }), new Set())).toEqual({ cards: [], more: 0 });
  });

  it('leaves out dismissed calls, and counts calls beyond the cards it shows', () => {
    const calls = Array.from({ length: 6 }, (_, i) => ringing(`r${i}`, `Caller ${i}`, i));
    const state = popupState(desk(calls), new Set(['r0']));
    expect(state.cards.map((c) => c.callId)).toEqual(['r1', 'r2', 'r3'].slice(0, MAX_POPUP_CARDS));
    expect(state.more).toBe(2);
  });

  it('offers no buttons while the line cannot act on the call', () => {
    expect(popupState(desk([offline(ringing('a', 'Ana Silva', 5))]), new Set()).cards[0]?.actions).toEqual([]);
  });
});

const screen = (workArea: DisplayArea['workArea']): DisplayArea => ({ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea });

describe('where the popup goes', () => {
  it.each([
    ['Windows taskbar at the bottom', screen({ x: 0, y: 0, width: 1920, height: 1040 }), 'win32', 'bottom-right'],
    ['GNOME top bar', screen({ x: 0, y: 27, width: 1920, height: 1053 }), 'linux', 'top-right'],
    ['KDE panel at the bottom', screen({ x: 0, y: 0, width: 1920, height: 1036 }), 'linux', 'bottom-right'],
    ['taskbar on the left', screen({ x: 62, y: 0, width: 1858, height: 1080 }), 'win32', 'bottom-left'],
    ['taskbar on the right', screen({ x: 0, y: 0, width: 1858, height: 1080 }), 'win32', 'bottom-right'],
    ['auto-hidden taskbar on Windows', screen({ x: 0, y: 0, width: 1920, height: 1080 }), 'win32', 'bottom-right'],
    ['macOS with a hidden menu bar', screen({ x: 0, y: 0, width: 1920, height: 1080 }), 'darwin', 'top-right'],
  ] as const)('%s → %s', (_name, display, platform, corner) => {
    expect(trayCorner(display, platform)).toBe(corner);
  });

  it('follows the tray icon where the OS reports it', () => {
    const display = screen({ x: 0, y: 25, width: 1920, height: 1055 });
    expect(trayCorner(display, 'darwin', { x: 1500, y: 0, width: 22, height: 22 })).toBe('top-right');
    expect(trayCorner(display, 'win32', { x: 40, y: 1050, width: 24, height: 24 })).toBe('bottom-left');
    // A zero rectangle (Linux) says nothing.
    expect(trayCorner(display, 'linux', { x: 0, y: 0, width: 0, height: 0 })).toBe('top-right');
  });

  it('sits inside the work area, in that corner, growing with the number of cards', () => {
    const display = screen({ x: 0, y: 0, width: 1920, height: 1040 });
    const one = popupBounds(display, 'bottom-right', popupSize(1, 0));
    const two = popupBounds(display, 'bottom-right', popupSize(2, 0));
    expect(one.x + one.width).toBeLessThanOrEqual(1920);
    expect(one.y + one.height).toBeLessThanOrEqual(1040);
    expect(two.height).toBeGreaterThan(one.height);
    expect(two.y + two.height).toBe(one.y + one.height);
    const top = popupBounds(screen({ x: 0, y: 27, width: 1920, height: 1053 }), 'top-right', popupSize(1, 0));
    expect(top.y).toBeGreaterThanOrEqual(27);
  });

  it('never exceeds a small work area', () => {
    const tiny = popupBounds(screen({ x: 0, y: 0, width: 300, height: 200 }), 'bottom-right', popupSize(3, 2));
    expect(tiny.width).toBeLessThanOrEqual(300);
    expect(tiny.height).toBeLessThanOrEqual(200);
    expect(tiny.x).toBeGreaterThanOrEqual(0);
    expect(tiny.y).toBeGreaterThanOrEqual(0);
  });
});

describe('the popup window', () => {
  it('is frameless, always on top, out of the taskbar, and exactly as locked down as the main window', () => {
    const options = popupWindowOptions('/app/preload.cjs');
    expect(options).toMatchObject({ show: false, frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false, focusable: true });
    expect(options.webPreferences).toEqual(mainWindowOptions('/app/preload.cjs').webPreferences);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('knows a Wayland session, where shortcuts go through the portal', () => {
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession('linux', { XDG_SESSION_TYPE: 'x11' })).toBe(false);
    expect(isWaylandSession('win32', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
  });
});
