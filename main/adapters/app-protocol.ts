import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppAsset } from '../window/app-asset.js';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../window/app-origin.js';

/** Must run before `app.ready`: privileges can only be granted to a scheme at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk on `calldeck://app/`, with the CSP as a header too. */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset.ok) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: {
          'content-type': asset.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
