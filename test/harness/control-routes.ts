import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../main/core/create-core.js';
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
 * hotkey, read and click the tray menu, open a link. Each goes through the same port the real
 * Electron adapter feeds, so the core cannot tell the difference.
 */
export async function handleControlRoute({ request, response, url, core, ports }: RouteContext): Promise<void> {
  const method = request.method ?? 'GET';
  const path = url.pathname.slice('/__harness'.length);

  if (method === 'GET' && path === '/state') {
    return sendJson(response, 200, {
      calls: core.snapshot(),
      settings: core.settings.get(),
      tray: { icon: ports.tray.icon, toolTip: ports.tray.toolTip },
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

  // Reserved for the desktop-integration issue: answered honestly until it lands.
  if ((method === 'GET' && path === '/popup') || (method === 'POST' && path === '/deeplink')) {
    if (method === 'POST') await readJsonBody(request).catch(() => undefined);
    return sendJson(response, 501, { error: 'not implemented yet: incoming-call popup and deep links come with desktop integration' });
  }
  return sendJson(response, 404, { error: `no harness route ${method} ${path}` });
}
