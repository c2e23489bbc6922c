/**
 * What main/providers/http.ts reads of a response: at most MAX_RESPONSE_BYTES, and JSON only.
 * A raw server here (not the line) so the exact headers are under the test's control.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error.js';
import { MAX_RESPONSE_BYTES, createHttpClient } from '../../main/providers/http.js';

let server: Server;
let baseUrl: string;
let bytesWritten = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_RESPONSE_BYTES + 1) });
        res.write('{"items":[');
        // Never finishes: a client that waited for the whole body would hang here.
        return;
      case '/endless': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && bytesWritten < 64 * MAX_RESPONSE_BYTES) {
            bytesWritten += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        return pump();
      }
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body>Log in to the hotel Wi-Fi</body></html>');
      case '/vendor-json':
        res.writeHead(200, { 'content-type': 'application/vnd.webex+json; charset=utf-8' });
        return res.end('{"ok":true}');
      case '/html-502':
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<html>Bad gateway</html>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const http = () => createHttpClient({ baseUrl, service: 'Webex', maxGetRetries: 0, timeoutMs: 5_000 });
async function failure(path: string): Promise<AppError> {
  const error = await http().request({ method: 'GET', path }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the response cap', () => {
  it('refuses a body whose Content-Length is over the cap without reading it, and says so', async () => {
    const error = await failure('/declared-huge');
    expect(error.code).toBe('provider');
    expect(error.message).toBe('Webex sent a response larger than 4 MB; CallDeck stopped reading it.');
  });

  it('stops reading a body with no length once it passes the cap', async () => {
    const error = await failure('/endless');
    expect(error.message).toMatch(/larger than 4 MB/);
    // The server was cut off near the cap, not allowed to send its 256 MB.
    expect(bytesWritten).toBeLessThan(4 * MAX_RESPONSE_BYTES);
  });
});

describe('the content type', () => {
  it('a 200 HTML page (captive portal, login proxy) is a provider error naming what came instead', async () => {
    const error = await failure('/html');
    expect(error.code).toBe('provider');
    expect(error.message).toMatch(/answered with text\/html instead of JSON/);
  });

  it('accepts JSON with a vendor subtype', async () => {
    expect(await http().request({ method: 'GET', path: '/vendor-json' })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('an error status keeps its meaning whatever its body is', async () => {
    const error = await failure('/html-502');
    expect(error).toMatchObject({ code: 'provider', status: 502 });
  });
});
