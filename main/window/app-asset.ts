import { extname, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export type AssetLookup = { ok: true; file: string; contentType: string } | { ok: false; status: 404 };

/**
 * Maps an app-scheme URL to a file inside the built renderer folder. Anything that would escape
 * the folder (`..`, encoded or not) or that names another host is refused.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 404 };
  }
  if (url.host !== APP_HOST) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 404 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 404 };
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (file !== root && !file.startsWith(root + sep)) return { ok: false, status: 404 };
  return { ok: true, file, contentType: MIME[extname(file)] ?? 'application/octet-stream' };
}
