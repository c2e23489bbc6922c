import { WebSocket } from 'ws';
import { expect, test } from './fixtures.js';
import { CONTENT_SECURITY_POLICY } from '../../main/window/app-origin.js';
import { eventChannels, invokeChannels } from '../../preload/contract.js';

test.describe('foundation: the window, the bridge and the harness', () => {
  test('the UI loads and app:info round-trips through window.calldeck', async ({ app }) => {
    const info = await app.evaluate(() => window.calldeck.app.info());
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'CallDeck', shell: 'harness', mode: 'account' }),
    });
  });

  test('an invalid call comes back as an invalid-input value, not an exception', async ({ app }) => {
    const result = await app.evaluate(() =>
      (window.calldeck.calls.answer as (args: unknown) => Promise<unknown>)({ callId: 42 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('callId') } });
  });

  test('the page has no Node or Electron and only the typed API', async ({ app }) => {
    const globals = await app.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys(window.calldeck).sort(),
    }));
    const domains = [...new Set([...Object.keys(invokeChannels), ...Object.keys(eventChannels)].map((c) => c.split(':')[0]))].sort();
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: domains });
  });

  test('the page is served with the strict CSP, and inline script is blocked', async ({ app, harness }) => {
    const response = await app.request.get(harness.url);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const ranInline = await app.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ranInline).toBe(false);
  });

  test('settings round-trip and reach every window as an event', async ({ app }) => {
    const result = await app.evaluate(async () => {
      const changed = new Promise((resolve) => {
        const off = window.calldeck.settings.onChanged((settings) => {
          off();
          resolve(settings.deepLinkAction);
        });
      });
      const set = await window.calldeck.settings.set({ deepLinkAction: 'dial' });
      return { set: set.ok, event: await changed };
    });
    expect(result).toEqual({ set: true, event: 'dial' });
  });

  test('the harness refuses control routes and sockets without its secret', async ({ harness, request }) => {
    expect((await request.get(`${harness.origin}/__harness/state`)).status()).toBe(401);
    const withSecret = await request.get(`${harness.origin}/__harness/state`, { headers: { 'x-harness-secret': harness.secret } });
    expect(withSecret.status()).toBe(200);
    expect(await withSecret.json()).toHaveProperty('calls.line');

    const refused = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(`${harness.origin.replace('http', 'ws')}/__harness/bridge?secret=wrong`, { headers: { origin: harness.origin } });
      socket.on('open', () => resolve(false));
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  test('desktop routes answer, and refuse what they cannot do', async ({ harness, request }) => {
    const headers = { 'x-harness-secret': harness.secret };
    expect((await request.get(`${harness.origin}/__harness/tray`, { headers })).status()).toBe(200);
    expect((await request.post(`${harness.origin}/__harness/tray/nope`, { headers })).status()).toBe(404);
    expect(await (await request.get(`${harness.origin}/__harness/popup`, { headers })).json()).toMatchObject({ visible: false, cards: [] });
    expect((await request.post(`${harness.origin}/__harness/deeplink`, { headers, data: { link: 'tel:1' } })).status()).toBe(400);
    expect((await request.post(`${harness.origin}/__harness/deeplink`, { headers, data: { argv: ['calldeck'] } })).status()).toBe(422);
  });
});

test('the Settings dialog saves a change through the bridge, and Escape closes it', async ({ app }) => {
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: 'Dial immediately' }).check();
  await dialog.getByRole('combobox', { name: /Country for numbers/ }).selectOption('GB');
  await expect
    .poll(async () => app.evaluate(async () => (await window.calldeck.settings.get()).ok && (await window.calldeck.settings.get())))
    .toMatchObject({ value: { deepLinkAction: 'dial', defaultCountry: 'GB' } });
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Settings' })).toBeFocused();
});
