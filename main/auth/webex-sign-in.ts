/**
 * One Webex sign-in, RFC 8252 style: a one-shot loopback listener, the system browser (never an
 * embedded window) on /authorize with PKCE S256 and a random state, then the code is exchanged at
 * /access_token. The caller owns what happens with the tokens, and opens the browser once it has
 * recorded the attempt, so a cancel can never arrive for an attempt it does not know yet.
 */
import { WEBEX_SCOPES } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { Browser, Clock, Logger } from '../core/ports.js';
import { startLoopbackListener } from './loopback-listener.js';
import { createPkcePair, randomState } from './pkce.js';
import { createWebexOAuthClient, type TokenGrant } from './webex-oauth-client.js';

export const SIGN_IN_TIMEOUT_MS = 3 * 60_000;

export interface SignInRequest {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** What to ask for; the calling scopes unless told otherwise. */
  scopes?: readonly string[];
  /** Overrides the redirect URI's port; 0 is any free port (tests). */
  port?: number;
  timeoutMs: number;
  clock: Clock;
  log: Logger;
}

export interface SignInAttempt {
  /** Epoch ms at which the wait for the browser gives up. */
  readonly deadline: number;
  /** Hands /authorize to the system browser; the listener is already waiting. */
  openBrowser(browser: Browser): Promise<void>;
  /** The tokens, or an AppError that says in words what went wrong. */
  readonly done: Promise<TokenGrant>;
  cancel(): void;
}

export function authorizeUrl(args: {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scopes?: readonly string[];
}): string {
  // Spaces as %20 rather than URLSearchParams' "+": what Webex documents for scope lists.
  const params: [string, string][] = [
    ['client_id', args.clientId],
    ['response_type', 'code'],
    ['redirect_uri', args.redirectUri],
    ['scope', (args.scopes ?? WEBEX_SCOPES).join(' ')],
    ['state', args.state],
    ['code_challenge', args.challenge],
    ['code_challenge_method', 'S256'],
  ];
  return `${args.baseUrl}/authorize?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export async function beginWebexSignIn(req: SignInRequest): Promise<SignInAttempt> {
  const pkce = createPkcePair();
  const state = randomState();
  const listener = await startLoopbackListener({
    redirectUri: req.redirectUri,
    ...(req.port !== undefined ? { port: req.port } : {}),
    state,
    timeoutMs: req.timeoutMs,
    clock: req.clock,
  });
  const deadline = req.clock.now() + req.timeoutMs;
  const url = authorizeUrl({
    baseUrl: req.baseUrl,
    clientId: req.clientId,
    redirectUri: listener.redirectUri,
    state,
    challenge: pkce.challenge,
    ...(req.scopes ? { scopes: req.scopes } : {}),
  });
  async function openBrowser(browser: Browser): Promise<void> {
    try {
      await browser.openExternal(url);
    } catch (error) {
      listener.cancel();
      req.log.warn('could not open the system browser for sign-in', { error: error instanceof Error ? error.message : String(error) });
      throw new AppError('internal', 'CallDeck could not open your web browser to sign in. Check that a default browser is set, then try again.');
    }
    req.log.info('waiting for the browser to finish webex sign-in', { redirectUri: listener.redirectUri });
  }

  const client = createWebexOAuthClient({
    baseUrl: req.baseUrl,
    clientId: req.clientId,
    clientSecret: req.clientSecret,
    now: () => req.clock.now(),
    log: req.log,
  });
  const done = listener.result.then(({ code }) =>
    client.exchangeCode({ code, redirectUri: listener.redirectUri, verifier: pkce.verifier }),
  );
  done.catch(() => undefined);
  return { deadline, openBrowser, done, cancel: () => listener.cancel() };
}
