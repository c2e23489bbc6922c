/**
 * The browser harness: the real core with in-memory ports, the built renderer served on
 * 127.0.0.1, and `window.calldeck` over a loopback WebSocket guarded by a per-run secret.
 * Playwright drives it in Chromium; `npm run harness` serves it for a person.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { createCore, type Core, type CoreOptions } from '../../main/app/create-core.js';
import { createDispatch, createRendererDispatch } from '../../main/ipc/dispatch.js';
import { sameSecret } from '../../main/core/same-secret.js';
import { createHarnessPorts, type HarnessPorts } from './harness-ports.js';
import { handleControlRoute } from './control-routes.js';
import { sendJson } from './http-helpers.js';
import { serveStatic } from './static-files.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface HarnessOptions {
  port?: number;
  openLine: CoreOptions['openLine'];
  /** Sign-in tuning, e.g. a random loopback port and a short wait in tests. */
  accounts?: CoreOptions['accounts'];
  /** Live updates: the webhook environment and shorter timings. */
  events?: CoreOptions['events'];
  ports?: HarnessPorts;
  rendererDir?: string;
}

export interface Harness {
  /** Open this in a browser: it carries the per-run secret. */
  url: string;
  origin: string;
  secret: string;
  core: Core;
  ports: HarnessPorts;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const ports = options.ports ?? createHarnessPorts();
  const rendererDir = options.rendererDir ?? join(repoRoot, 'dist/renderer');
  const core = await createCore(ports, {
    shell: 'harness',
    version: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    openLine: options.openLine,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.events ? { events: options.events } : {}),
  });
  const dispatch = createRendererDispatch(createDispatch(core.handlers, ports.log), core.events);
  const secret = randomBytes(24).toString('base64url');
  const bridgeScript = await (bridgeBundle ??= bundleBridge());

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      ports.log.error('harness route failed', { error: String(error) });
      if (!response.headersSent) sendJson(response, 500, { error: 'harness error' });
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/__harness/bridge.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(bridgeScript);
      return;
    }
    if (url.pathname.startsWith('/__harness/')) {
      if (!hasSecret(request, url, secret)) return sendJson(response, 401, { error: 'missing or wrong harness secret' });
      return handleControlRoute({ request, response, url, core, ports });
    }
    return serveStatic(rendererDir, url.pathname, response, injectBridge);
  }

  const sockets = new WebSocketServer({ noServer: true });
  let nextTargetId = 1;
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    // A page on another origin can open a WebSocket to loopback; Origin plus the secret stop it.
    if (url.pathname !== '/__harness/bridge' || request.headers.origin !== origin || !hasSecret(request, url, secret)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => connect(ws, nextTargetId++));
  });

  function connect(ws: WebSocket, targetId: number): void {
    core.events.attach({
      id: targetId,
      isDestroyed: () => ws.readyState !== ws.OPEN,
      send: (channel, payload) => ws.send(JSON.stringify({ type: 'event', channel, payload })),
    });
    ws.on('message', async (raw) => {
      let message: { id?: unknown; channel?: unknown; args?: unknown };
      try {
        message = JSON.parse(String(raw)) as typeof message;
      } catch {
        return;
      }
      if (typeof message.id !== 'number' || typeof message.channel !== 'string') return;
      const result = await dispatch(targetId, message.channel, message.args);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: message.id, result }));
    });
    ws.on('close', () => core.events.detach(targetId));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/?secret=${secret}`,
    origin,
    secret,
    core,
    ports,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.stop();
    },
  };
}

function hasSecret(request: IncomingMessage, url: URL, secret: string): boolean {
  const given = url.searchParams.get('secret') ?? request.headers['x-harness-secret'];
  return typeof given === 'string' && sameSecret(given, secret);
}

/** A classic script runs before the deferred module script, so `window.calldeck` is ready first. */
function injectBridge(html: string): string {
  return html.replace('</head>', '    <script src="/__harness/bridge.js"></script>\n  </head>');
}

/** Built once per process: every harness in a test run serves the same bridge. */
let bridgeBundle: Promise<string> | undefined;

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'test/harness/browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}
