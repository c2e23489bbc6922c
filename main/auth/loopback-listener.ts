/**
 * The one-shot loopback listener of an RFC 8252 sign-in: it binds 127.0.0.1 only, takes exactly one
 * callback (right or wrong), then closes; it also closes on timeout and on cancel. The code never
 * leaves this module except through `result`, and is never logged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../core/app-error.js';
import type { Clock, TimerHandle } from '../core/ports.js';

export interface LoopbackOptions {
  /** The redirect URI registered with the integration; its path is the callback path. */
  redirectUri: string;
  /** Port to bind; defaults to the redirect URI's. 0 binds a random free port (tests). */
  port?: number;
  state: string;
  timeoutMs: number;
  clock: Clock;
}

export interface LoopbackListener {
  /** What to send as redirect_uri: the configured URI with the port actually bound. */
  readonly redirectUri: string;
  /** The authorization code, or an AppError saying in words why there is none. */
  readonly result: Promise<{ code: string }>;
  cancel(): void;
}

export const CANCELLED_MESSAGE = 'Sign-in cancelled. Nothing was changed.';

function timeoutMessage(timeoutMs: number): string {
  const minutes = Math.round(timeoutMs / 60_000);
  const span = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(timeoutMs / 1000)} seconds`;
  return `Sign-in timed out: CallDeck waited ${span} and your browser never came back. Try again and finish signing in within ${span}.`;
}

const STATE_MISMATCH_MESSAGE =
  'Sign-in stopped: the answer that reached CallDeck did not belong to this sign-in (its state did not match), so CallDeck ignored it. Try again.';

export async function startLoopbackListener(opts: LoopbackOptions): Promise<LoopbackListener> {
  const configured = new URL(opts.redirectUri);
  const callbackPath = configured.pathname;
  const port = opts.port ?? Number(configured.port);
  let settle: { resolve(value: { code: string }): void; reject(error: AppError): void } | undefined;
  const result = new Promise<{ code: string }>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may give up (e.g. the browser would not open) before awaiting; that is not a crash.
  result.catch(() => undefined);

  const server = createServer((req, res) => handle(req, res));
  const timeout: { handle?: TimerHandle } = {};

  function finish(outcome: { code: string } | AppError): void {
    if (!settle) return;
    const { resolve, reject } = settle;
    settle = undefined;
    if (timeout.handle !== undefined) opts.clock.clearTimeout(timeout.handle);
    server.close();
    if (outcome instanceof AppError) reject(outcome);
    else resolve(outcome);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== callbackPath || !settle) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Not found');
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', connection: 'close' }).end();
      return;
    }
    const outcome = readCallback(url.searchParams, opts.state);
    const page = outcome instanceof AppError ? failurePage(outcome.message) : SUCCESS_PAGE;
    res.writeHead(outcome instanceof AppError ? 400 : 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'referrer-policy': 'no-referrer',
      connection: 'close',
    });
    res.end(page, () => server.closeAllConnections());
    finish(outcome);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(bindError(error, port)));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve());
  });
  server.on('error', () => undefined);
  const bound = (server.address() as AddressInfo).port;
  timeout.handle = opts.clock.setTimeout(() => {
    finish(new AppError('timeout', timeoutMessage(opts.timeoutMs)));
    server.closeAllConnections();
  }, opts.timeoutMs);

  const actual = new URL(configured.toString());
  actual.port = String(bound);
  return {
    redirectUri: actual.toString(),
    result,
    cancel() {
      finish(new AppError('not-signed-in', CANCELLED_MESSAGE));
      server.closeAllConnections();
    },
  };
}

function readCallback(query: URLSearchParams, expectedState: string): { code: string } | AppError {
  // State first: an answer to someone else's request says nothing trustworthy, not even its error.
  if (query.get('state') !== expectedState) return new AppError('forbidden', STATE_MISMATCH_MESSAGE);
  const error = query.get('error');
  if (error !== null) {
    const description = query.get('error_description');
    return new AppError('forbidden', `Webex did not sign you in: ${description ?? error} (${error}).`);
  }
  const code = query.get('code');
  if (code === null || code === '') return new AppError('provider', 'Webex came back without a sign-in code. Try again.');
  return { code };
}

function bindError(error: NodeJS.ErrnoException, port: number): AppError {
  if (error.code === 'EADDRINUSE') {
    return new AppError(
      'conflict',
      `Port ${port} is in use by another program, so CallDeck cannot receive the sign-in. Choose another port in the redirect URI (and register the same URI with your Webex integration).`,
    );
  }
  if (error.code === 'EACCES') {
    return new AppError('invalid-input', `CallDeck may not listen on port ${port}. Use a port above 1024 in the redirect URI.`);
  }
  return new AppError('network', `CallDeck could not listen for the sign-in on port ${port} (${error.code ?? error.message}).`);
}

const PAGE_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f7f9;color:#1d2330}main{max-width:28rem;padding:2rem;text-align:center}';

const SUCCESS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CallDeck: signed in</title><style>${PAGE_STYLE}</style></head><body><main><h1>You're signed in</h1><p>You can close this tab and go back to CallDeck.</p></main></body></html>`;

function failurePage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CallDeck: sign-in failed</title><style>${PAGE_STYLE}</style></head><body><main><h1>Sign-in did not finish</h1><p>${escapeHtml(message)}</p><p>You can close this tab; CallDeck shows the details.</p></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
