import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { resolveAppAsset } from '../../main/window/app-asset.js';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../main/window/app-origin.js';

/**
 * Serves the built renderer with the same path rules and CSP header as the app scheme in
 * Electron, so the harness shows exactly what the app shows.
 */
export async function serveStatic(
  rendererDir: string,
  pathname: string,
  response: ServerResponse,
  transformHtml: (html: string) => string,
): Promise<void> {
  const asset = resolveAppAsset(rendererDir, `${APP_ORIGIN}${pathname}`);
  if (!asset.ok) {
    response.writeHead(404).end('Not found');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(asset.file);
  } catch {
    response.writeHead(404).end(pathname === '/' ? 'Renderer not built: run `npm run build:renderer`.' : 'Not found');
    return;
  }
  const headers = {
    'content-type': asset.contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
  if (asset.contentType.startsWith('text/html')) {
    response.writeHead(200, headers).end(transformHtml(body.toString('utf8')));
  } else {
    response.writeHead(200, headers).end(body);
  }
}
