import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../main/app/create-core.js';
import type { HarnessPorts } from './harness-ports.js';
import { readJsonBody, sendJson } from './http-helpers.js';

interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  core: Core;
  ports: HarnessPorts;
}

/**
 * Control endpoints a test uses to do what a person does outside the window: press a global
 * hotkey, read and click the tray menu, read the incoming-call popup, open a link, copy text.
 * Each goes through the same port the real Electron adapter feeds, so the core cannot tell the
 * difference.
 */
export async function handleControlRoute({ request, response, url, core, ports }: RouteContext): Promise<void> {
  const method = request.method ?? 'GET';
  const path = url.pathname.slice('/__harness'.length);

  if (method === 'GET' && path === '/state') {
    return sendJson(response, 200, {
      calls: core.snapshot(),
      settings: core.settings.get(),
      tray: { icon: ports.tray.icon, toolTip: ports.tray.toolTip },
      window: { visible: ports.window.visible, focused: ports.window.focused },
      desktop: core.desktop.state(),
      hotkeys: [...ports.shortcuts.registered.keys()],
      notifications: ports.notifier.shown,
      opened: ports.browser.opened,
    });
  }
  if (method === 'GET' && path === '/tray') return sendJson(response, 200, ports.tray.menu);

  const trayClick = /^\/tray\/([^/]+)$/.exec(path);
  if (method === 'POST' && trayClick?.[1]) {
    const clicked = ports.tray.click(decodeURIComponent(trayClick[1]));
    return sendJson(response, clicked ? 200 : 404, clicked ? { clicked: true } : { error: 'no such enabled tray item' });
  }

  const hotkey = /^\/hotkey\/([^/]+)$/.exec(path);
  if (method === 'POST' && hotkey?.[1]) {
    const action = decodeURIComponent(hotkey[1]);
    const accelerator = (core.settings.get().hotkeys as Record<string, string>)[action];
    if (accelerator === undefined) return sendJson(response, 404, { error: `unknown hotkey action "${action}"` });
    const pressed = ports.shortcuts.press(accelerator);
    return sendJson(response, pressed ? 200 : 409, pressed ? { pressed: accelerator } : { error: `${accelerator} is not registered` });
  }

  // What the popup window would show right now, through the same PopupView port Electron's uses.
  if (method === 'GET' && path === '/popup') {
    return sendJson(response, 200, { visible: ports.popup.visible, shows: ports.popup.shows, ...ports.popup.state });
  }

  // A link as the OS hands it over: `{ url }` as open-url does, or `{ argv }` as a second instance.
  if (method === 'POST' && path === '/deeplink') {
    const body = (await readJsonBody(request).catch(() => undefined)) as { url?: unknown; argv?: unknown } | undefined;
    if (typeof body?.url === 'string') return sendJson(response, 200, core.desktop.openLink(body.url));
    if (Array.isArray(body?.argv) && body.argv.every((arg) => typeof arg === 'string')) {
      const outcome = core.desktop.openArgv(body.argv as string[]);
      return sendJson(response, outcome ? 200 : 422, outcome ?? { error: 'no tel:, sip:, sips: or callto: link on that command line' });
    }
    return sendJson(response, 400, { error: 'send { "url": "tel:…" } or { "argv": [...] }' });
  }

  // What the OS clipboard holds, for Dial clipboard.
  if (method === 'PUT' && path === '/clipboard') {
    const body = (await readJsonBody(request).catch(() => undefined)) as { text?: unknown } | undefined;
    if (typeof body?.text !== 'string') return sendJson(response, 400, { error: 'send { "text": "…" }' });
    ports.clipboard.text = body.text;
    return sendJson(response, 200, { text: body.text });
  }

  // Another application grabs (or releases) a global shortcut, so registering it fails.
  const taken = /^\/shortcuts\/taken\/([^/]+)$/.exec(path);
  if (taken?.[1] && (method === 'PUT' || method === 'DELETE')) {
    const accelerator = decodeURIComponent(taken[1]);
    if (method === 'PUT') ports.shortcuts.taken.add(accelerator);
    else ports.shortcuts.taken.delete(accelerator);
    return sendJson(response, 200, { taken: [...ports.shortcuts.taken] });
  }
  return sendJson(response, 404, { error: `no harness route ${method} ${path}` });
}
