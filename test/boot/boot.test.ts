/**
 * `npm run test:boot`: the built main process (dist/main/index.js, as `npm run build` made it)
 * runs on the demo line with a temporary userData folder, Electron played by the stand-in
 * (test/electron-standin). The built preload runs in a vm, so every call below goes
 * window.calldeck → ipcRenderer → ipcMain → dispatch → core and back, as in the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, invokeChannels, type CallsSnapshot, type DesktopState, type Result } from '../../preload/contract.js';
import type { DriverMessage } from './driver-protocol.js';
import { removeUserData, startBoot, type Boot } from './boot-process.js';
import { SECURE_WEB_PREFERENCES, appInfoRoundTrip, mainWindowOf, waitForMainWindow } from './boot-check.js';

type EventOf<T> = Extract<DriverMessage, { type: 'event' }> & { payload: T };
const isEvent =
  <T>(path: string, check: (payload: T) => boolean) =>
  (message: DriverMessage): message is EventOf<T> =>
    message.type === 'event' && message.path.join('.') === path && check(message.payload as T);

let boot: Boot;
let mainId: number;
/** The demo call answered below, hung up just before quitting. */
let answeredCall: { id: string; number?: string } | undefined;

beforeAll(async () => {
  boot = await startBoot();
  mainId = mainWindowOf(await waitForMainWindow(boot)).id;
});

afterAll(() => {
  boot.kill();
  removeUserData(boot);
});

describe('the built main process under the Electron stand-in', () => {
  it('registers the app scheme as privileged before ready and serves the UI from it', async () => {
    const snapshot = await boot.snapshot();
    expect(snapshot.privilegedSchemes).toEqual({ calldeck: { standard: true, secure: true, supportFetchAPI: true } });
    expect(snapshot.handledSchemes).toEqual(['calldeck']);
  });

  it('opens the main window with the secure webPreferences on the app scheme, with the real preload', async () => {
    const main = mainWindowOf(await boot.snapshot());
    expect(main.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(main.webPreferences.preload).toMatch(/dist\/preload\/index\.cjs$/);
    expect(main.loads).toEqual([expect.objectContaining({ url: 'calldeck://app/index.html', status: 200, contentType: 'text/html; charset=utf-8' })]);
    expect(main.loads[0]?.csp).toContain("default-src 'none'");
    expect(main.exposed).toEqual(['calldeck']);
    expect(main.visible).toBe(true);
    // The navigation guard holds: no popups, no navigating away.
    expect(main.opensPopups).toBe('deny');
    expect(main.navigatesAway).toBe(false);
  });

  it('has exactly one ipcMain handler for every invoke channel of the contract', async () => {
    const { invokeChannels: handled } = await boot.snapshot();
    expect([...handled].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('round-trips app:info from the preload through ipcMain and dispatch', async () => {
    expect(await appInfoRoundTrip(boot, mainId)).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'CallDeck', shell: 'electron', mode: 'demo', platform: process.platform }),
    });
  });

  it('shows the idle tray icon with its menu', async () => {
    const { trays } = await boot.until((snapshot) => snapshot.trays.length > 0, 'the tray');
    expect(trays).toHaveLength(1);
    const [tray] = trays;
    expect(tray?.image).toMatch(/assets\/tray\/(linux\/)?idle\.png$/);
    expect(tray?.imageEmpty).toBe(false);
    expect(tray?.menu?.map((item) => (item as { label: string }).label)).toEqual(
      expect.arrayContaining(['Dial from clipboard…', 'Do Not Disturb', 'Show CallDeck', 'Settings…', 'Quit CallDeck']),
    );
  });

  it('registers the five hotkeys', async () => {
    const { shortcuts } = await boot.snapshot();
    expect(shortcuts).toEqual(Object.values(DEFAULT_SETTINGS.hotkeys));
  });

  it('delivers a demo call to the preload as calls:changed, and Answer through the preload answers it on the demo line', async () => {
    await boot.request({ op: 'subscribe', window: mainId, path: ['calldeck', 'calls', 'onChanged'] });
    await boot.request({ op: 'subscribe', window: mainId, path: ['calldeck', 'desktop', 'onChanged'] });
    expect(await boot.request({ op: 'call', window: mainId, path: ['calldeck', 'app', 'ready'], args: [] })).toEqual({ ok: true, value: null });

    const ringing = await boot.waitFor(
      isEvent<CallsSnapshot>('calldeck.calls.onChanged', (snapshot) => snapshot.calls.some((call) => call.state === 'alerting')),
      'a ringing demo call',
    );
    const call = ringing.payload.calls.find((candidate) => candidate.state === 'alerting');
    expect(call).toBeDefined();

    if (call) answeredCall = { id: call.id, ...(call.remote.number !== undefined ? { number: call.remote.number } : {}) };
    const answered = await boot.request<Result<null>>({ op: 'call', window: mainId, path: ['calldeck', 'calls', 'answer'], args: [{ callId: call?.id }] });
    expect(answered).toEqual({ ok: true, value: null });
    await boot.waitFor(
      isEvent<CallsSnapshot>('calldeck.calls.onChanged', (snapshot) => snapshot.calls.some((c) => c.id === call?.id && c.state === 'connected')),
      'the answered call connected',
    );
  });

  it('showed the incoming-call popup in its own secure window on the app scheme', async () => {
    // Waits for its load to finish: with live updates the call rings (and the popup opens) sooner, maybe only just.
    const snapshot = await boot.until(
      (s) => s.windows.some((w) => w.url === 'calldeck://app/popup.html' && w.loads.at(-1)?.status !== undefined),
      'the popup window, loaded',
    );
    const popup = snapshot.windows.find((w) => w.url === 'calldeck://app/popup.html');
    expect(popup?.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(popup?.loads.at(-1)).toMatchObject({ status: 200 });
    expect(popup?.exposed).toEqual(['calldeck']);
    expect(popup?.opensPopups).toBe('deny');
  });

  it('a second instance with a tel: link brings the window back and asks to dial', async () => {
    // Closing the window hides it to the tray (the default), so "shows the window" is observable.
    expect(await boot.request({ op: 'closeWindow', window: mainId })).toBe(false);
    expect(mainWindowOf(await boot.snapshot()).visible).toBe(false);

    const second = await startBoot({ userData: boot.userData, argv: ['tel:+14155550123'] });
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.messages.some((m) => m.type === 'ready')).toBe(false);

    const asked = await boot.waitFor(
      isEvent<DesktopState>('calldeck.desktop.onChanged', (state) => state.link?.kind === 'confirm'),
      'the link prompt',
    );
    expect(asked.payload.link).toMatchObject({ kind: 'confirm', link: 'tel:+14155550123' });
    const main = mainWindowOf(await boot.snapshot());
    expect(main.visible).toBe(true);
    expect(main.focused).toBe(true);
  });

  it('broke no Electron rule silently along the way', async () => {
    expect((await boot.snapshot()).problems).toEqual([]);
  });

  it('hangs up the answered call', async () => {
    const id = answeredCall?.id;
    expect(answeredCall?.number).toBeDefined();
    // Only snapshots from now on: earlier ones (before it rang) lack the call too.
    const earlier = new Set(boot.messages);
    const gone = isEvent<CallsSnapshot>('calldeck.calls.onChanged', (snapshot) => !snapshot.calls.some((c) => c.id === id));
    expect(await boot.request({ op: 'call', window: mainId, path: ['calldeck', 'calls', 'hangup'], args: [{ callId: id }] })).toEqual({ ok: true, value: null });
    await boot.waitFor((m) => !earlier.has(m) && gone(m), 'the hung-up call to leave the list');
  });

  it('quits by itself within 5 s, with the demo line, HTTP agent and timers closed', async () => {
    // Quitting at once after the call ended: its log entry is saved by the quit, not by the
    // coalesced write that was still waiting.
    await boot.request({ op: 'quit' });
    const quit = await boot.waitFor((m): m is Extract<DriverMessage, { type: 'quit' }> => m.type === 'quit', "Electron's quit event");
    // What is still open when Electron would end the process (stdio and the test's channel aside).
    expect(quit.openResources.filter((resource) => resource !== 'PipeWrap' && resource !== 'TTYWrap')).toEqual([]);
    const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5000).unref());
    const outcome = await Promise.race([boot.exited, timeout]);
    const stillRunning = boot.messages.find((m) => m.type === 'still-running');
    expect(outcome, `open: ${JSON.stringify(stillRunning)}`).toEqual({ code: 0, signal: null });
    const callLog = JSON.parse(readFileSync(join(boot.userData, 'call-log.json'), 'utf8')) as { entries: { number?: string; outcome?: string }[] };
    expect(callLog.entries).toContainEqual(expect.objectContaining({ number: answeredCall?.number, outcome: 'ended' }));
  });

  it('raised no uncaught exception or unhandled rejection during the run', () => {
    expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
  });
});

describe('links that arrive while CallDeck is starting', () => {
  it('keeps a second instance started before ready, and asks to dial once the window is there', async () => {
    const first = await startBoot({ holdReady: true });
    try {
      await first.waitFor((m) => m.type === 'loaded', 'the main script to run');
      const second = await startBoot({ userData: first.userData, argv: ['sip:alice@example.com'] });
      expect(await second.exited).toEqual({ code: 0, signal: null });
      await first.until((snapshot) => snapshot.secondInstances === 1, 'the first instance to hear from the second');

      await first.request({ op: 'ready' });
      const started = await waitForMainWindow(first);
      // Electron emits the held second-instance right after ready; unheard, the link is gone.
      expect(started.problems).toEqual([]);
      const mainId = mainWindowOf(started).id;
      await first.request({ op: 'subscribe', window: mainId, path: ['calldeck', 'desktop', 'onChanged'] });
      await first.request({ op: 'call', window: mainId, path: ['calldeck', 'app', 'ready'], args: [] });
      const asked = await first.waitFor(
        isEvent<DesktopState>('calldeck.desktop.onChanged', (state) => state.link !== null),
        'the link prompt',
      );
      expect(asked.payload.link).toMatchObject({ kind: 'confirm', link: 'sip:alice@example.com' });
    } finally {
      first.kill();
      removeUserData(first);
    }
  });

  it('keeps a macOS open-url that arrives before ready, and asks to dial once the window is there', async () => {
    const boot = await startBoot({ holdReady: true });
    try {
      await boot.waitFor((m) => m.type === 'loaded', 'the main script to run');
      await boot.request({ op: 'openUrl', url: 'tel:+14155550123' });
      await boot.request({ op: 'ready' });
      const mainId = mainWindowOf(await waitForMainWindow(boot)).id;
      await boot.request({ op: 'subscribe', window: mainId, path: ['calldeck', 'desktop', 'onChanged'] });
      await boot.request({ op: 'call', window: mainId, path: ['calldeck', 'app', 'ready'], args: [] });
      const asked = await boot.waitFor(isEvent<DesktopState>('calldeck.desktop.onChanged', (state) => state.link !== null), 'the link prompt');
      expect(asked.payload.link).toMatchObject({ kind: 'confirm', link: 'tel:+14155550123' });
      expect((await boot.snapshot()).problems).toEqual([]);
    } finally {
      boot.kill();
      removeUserData(boot);
    }
  });
});

describe('closing the window with close-to-tray off', () => {
  it('quits the app, hidden windows and all, and the process ends by itself', async () => {
    const boot = await startBoot();
    try {
      const mainId = mainWindowOf(await waitForMainWindow(boot)).id;
      const saved = await boot.request<Result<{ closeToTray: boolean }>>({
        op: 'call',
        window: mainId,
        path: ['calldeck', 'settings', 'set'],
        args: [{ closeToTray: false }],
      });
      expect(saved).toMatchObject({ ok: true, value: { closeToTray: false } });
      expect(await boot.request({ op: 'closeWindow', window: mainId })).toBe(true);
      await boot.waitFor((m) => m.type === 'quit', "Electron's quit event");
      expect(await boot.exited).toEqual({ code: 0, signal: null });
      expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
    } finally {
      boot.kill();
      removeUserData(boot);
    }
  });
});
