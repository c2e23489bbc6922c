/**
 * Webex accounts: configuring an integration, signing in (OAuth or a personal access token),
 * keeping the session alive, and signing out. A live session drives the phone line; when a session
 * ends, by the user's choice or because Webex refused to renew it, the line goes back to the
 * default one and the account keeps every non-secret setting.
 */
import { z } from 'zod';
import { integrationScopes } from '../../preload/common/accounts.js';
import { WEBEX_DEFAULT_BASE_URL, WEBEX_DEFAULT_REDIRECT_URI, type ConfigureWebexArgs, type SealedSecret } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { Line } from '../providers/line.js';
import type { Browser } from '../core/ports.js';
import { accountLabel, openAccountLine } from './account-line.js';
import { CANCELLED_MESSAGE } from './loopback-listener.js';
import { findAccount, newAccountId, secretKeys, type AccountsContext, type LineSwitch } from './accounts-context.js';
import type { WebexRecord } from './accounts-document.js';
import { createTokenSession, type SessionTokens, type TokenSession } from './token-session.js';
import { createWebexOAuthClient, fetchWebexUser, safeJson, type TokenGrant } from './webex-oauth-client.js';
import { MESSAGES, patHasExpired, webexAccountView, type Runtime } from './webex-account-view.js';
import { optInsOf } from './webex-scopes.js';
import { beginWebexSignIn } from './webex-sign-in.js';

export interface WebexAccountsOptions {
  signInTimeoutMs: number;
  /** 'random' binds any free loopback port instead of the redirect URI's (tests). */
  loopbackPort: 'configured' | 'random';
  patLifetimeMs: number;
}

export const PAT_LIFETIME_MS = 12 * 60 * 60_000;

const StoredTokens = z.object({
  accessToken: z.string().min(1),
  accessExpiresAt: z.number(),
  refreshToken: z.string().min(1).optional(),
  refreshExpiresAt: z.number().optional(),
});

export function createWebexAccounts(deps: { ctx: AccountsContext; browser: Browser; lines: LineSwitch; options: WebexAccountsOptions }) {
  const { ctx, browser, lines, options } = deps;
  const { vault, clock, log } = ctx;
  const runtimes = new Map<string, Runtime>();
  const runtime = (id: string) => {
    let rt = runtimes.get(id);
    if (!rt) runtimes.set(id, (rt = {}));
    return rt;
  };
  const records = () => ctx.doc.accounts.filter((a): a is WebexRecord => a.kind === 'webex');
  const find = (id: string) => findAccount(ctx.doc, 'webex', id);
  const sessionOf = (record: WebexRecord) => runtimes.get(record.id)?.session;

  function create(fields: Pick<WebexRecord, 'baseUrl' | 'clientId' | 'redirectUri'>): WebexRecord {
    const record: WebexRecord = { kind: 'webex', id: newAccountId('webex'), ...fields };
    ctx.doc.accounts.push(record);
    return record;
  }

  const patExpired = (record: WebexRecord) => patHasExpired(record, clock.now());
  const view = (record: WebexRecord) =>
    webexAccountView(record, {
      runtime: runtimes.get(record.id),
      hasClientSecret: vault.get(secretKeys.webexClientSecret(record.id)) !== undefined,
      inUse: ctx.doc.lineAccountId === record.id,
      now: clock.now(),
    });

  function startSession(record: WebexRecord, tokens: SessionTokens): TokenSession {
    const id = record.id;
    const oauth = record.session?.method === 'oauth';
    const session: TokenSession = createTokenSession({
      tokens,
      clock,
      log,
      ...(oauth
        ? {
            refresh: async (refreshToken: string) => {
              const clientSecret = vault.get(secretKeys.webexClientSecret(id));
              if (clientSecret === undefined) throw new AppError('unauthorized', 'The client secret is no longer stored.');
              const client = createWebexOAuthClient({ baseUrl: record.baseUrl, clientId: record.clientId, clientSecret, now: () => clock.now(), log });
              return sessionTokens(await client.refresh(refreshToken));
            },
          }
        : {}),
      save: (next) => vault.set(secretKeys.webexTokens(id), JSON.stringify(next)),
      onEnded: (reason) =>
        void ended(id, session, reason).catch((error: unknown) => log.error('could not finish signing out after the session ended', { error: String(error) })),
      messages: oauth
        ? { expired: MESSAGES.oauthExpired, rejected: MESSAGES.oauthRejected }
        : { expired: MESSAGES.patExpired, rejected: MESSAGES.patRejected },
    });
    return session;
  }

  function lineFor(record: WebexRecord, session: TokenSession): Line {
    // A personal access token carries all of its user's scopes; an integration only what sign-in asked for.
    // Read live: turning "Use Webex Meetings" on or off shows in the Meetings view at once.
    const meetings = () =>
      record.session?.method === 'pat'
        ? { optedIn: true }
        : { optedIn: record.useMeetings === true, granted: record.session?.grantedScopes };
    return openAccountLine({ baseUrl: record.baseUrl, session, label: accountLabel(record.session?.user), log, meetings });
  }

  /**
   * Moves the line off `id`: to another signed-in account if there is one, else the default line.
   * Updates the document at once (the caller saves it); resolves once the line has switched.
   */
  function leaveLine(id: string): Promise<void> {
    if (ctx.doc.lineAccountId !== id) return Promise.resolve();
    const next = records().find((r) => r.id !== id && sessionOf(r));
    const session = next && sessionOf(next);
    if (next && session) {
      ctx.doc.lineAccountId = next.id;
      return lines.use(lineFor(next, session));
    }
    delete ctx.doc.lineAccountId;
    return lines.useDefault();
  }

  async function ended(id: string, session: TokenSession, reason: AppError): Promise<void> {
    const rt = runtimes.get(id);
    if (!rt || rt.session !== session) return;
    rt.session = undefined;
    const record = find(id);
    log.warn('webex session ended', { account: id, method: record.session?.method, code: reason.code });
    // A dead token is worth nothing; the client secret stays so signing in again is one click.
    await vault.delete(secretKeys.webexTokens(id));
    if (record.session?.method === 'pat') {
      rt.problem = reason.message;
    } else {
      record.session = undefined;
      rt.problem = `You were signed out of Webex. ${reason.message} Sign in again; your integration settings are kept.`;
    }
    const switched = leaveLine(id);
    ctx.save();
    ctx.changed();
    await switched;
  }

  async function establish(record: WebexRecord, tokens: SessionTokens, session: NonNullable<WebexRecord['session']>): Promise<void> {
    const rt = runtime(record.id);
    rt.session?.close();
    await vault.set(secretKeys.webexTokens(record.id), JSON.stringify(tokens));
    record.session = session;
    const live = startSession(record, tokens);
    rt.session = live;
    delete rt.problem;
    ctx.doc.lineAccountId = record.id;
    ctx.save();
    await lines.use(lineFor(record, live));
    log.info('signed in to webex', { account: record.id, method: session.method });
  }

  function cancelAttempts(): void {
    for (const rt of runtimes.values()) {
      rt.attempt?.cancel();
      delete rt.attempt;
    }
  }

  return {
    views: () => records().map(view),

    /** At start-up: resumes the sessions on disk and returns the line to start on, if any. */
    restore(): Line | undefined {
      // Written back only when something changed: most starts change nothing.
      let changed = false;
      for (const record of records()) {
        if (!record.session) continue;
        const key = secretKeys.webexTokens(record.id);
        const stored = StoredTokens.safeParse(safeJson(vault.get(key)));
        if (!stored.success) {
          if (vault.couldNotRead(key)) runtime(record.id).problem = MESSAGES.unreadable;
          // A personal access token that ran out is still shown as expired; anything else is signed out.
          if (!patExpired(record)) {
            delete record.session;
            changed = true;
          }
          continue;
        }
        if (record.session.method === 'pat' && patExpired(record)) {
          vault.delete(key).catch((error: unknown) => log.warn('could not delete an expired token', { error: String(error) }));
          continue;
        }
        runtime(record.id).session = startSession(record, stored.data);
      }
      const chosen = records().find((r) => r.id === ctx.doc.lineAccountId && sessionOf(r)) ?? records().find(sessionOf);
      if (chosen?.id !== ctx.doc.lineAccountId) {
        if (chosen) ctx.doc.lineAccountId = chosen.id;
        else delete ctx.doc.lineAccountId;
        changed = true;
      }
      if (changed) ctx.save();
      const session = chosen && sessionOf(chosen);
      return chosen && session ? lineFor(chosen, session) : undefined;
    },

    async configure(args: ConfigureWebexArgs) {
      const secret = args.clientSecret ? await ctx.opener.open(args.clientSecret, 'webex.clientSecret') : undefined;
      const record = args.id ? find(args.id) : create({ baseUrl: args.baseUrl, clientId: args.clientId, redirectUri: args.redirectUri });
      if (runtimes.get(record.id)?.session && (record.clientId !== args.clientId || record.baseUrl !== args.baseUrl)) {
        throw new AppError('conflict', MESSAGES.signOutFirst);
      }
      record.clientId = args.clientId;
      record.redirectUri = args.redirectUri;
      record.baseUrl = args.baseUrl;
      if (args.useMeetings !== undefined) record.useMeetings = args.useMeetings;
      if (args.useXsi !== undefined) record.useXsi = args.useXsi;
      if (secret !== undefined) await vault.set(secretKeys.webexClientSecret(record.id), secret);
      ctx.save();
      ctx.changed();
    },

    async signIn(id: string) {
      const record = find(id);
      const clientSecret = vault.get(secretKeys.webexClientSecret(id));
      if (record.clientId === '') throw new AppError('invalid-input', MESSAGES.needClientId);
      if (clientSecret === undefined) throw new AppError('invalid-input', MESSAGES.needClientSecret);
      // One loopback listener at a time: a new sign-in replaces one still waiting.
      cancelAttempts();
      const rt = runtime(id);
      const asked = integrationScopes(optInsOf(record));
      const attempt = await beginWebexSignIn({
        baseUrl: record.baseUrl,
        clientId: record.clientId,
        clientSecret,
        redirectUri: record.redirectUri,
        scopes: asked,
        ...(options.loopbackPort === 'random' ? { port: 0 } : {}),
        timeoutMs: options.signInTimeoutMs,
        clock,
        log,
      });
      rt.attempt = attempt;
      delete rt.problem;
      ctx.changed();
      const stillWanted = () => {
        if (rt.attempt !== attempt) throw new AppError('not-signed-in', CANCELLED_MESSAGE);
      };
      try {
        await attempt.openBrowser(browser);
        const grant = await attempt.done;
        stillWanted();
        const user = await fetchWebexUser({ baseUrl: record.baseUrl, token: grant.accessToken, log });
        stillWanted();
        delete rt.attempt;
        await establish(record, sessionTokens(grant), {
          method: 'oauth',
          ...(user ? { user } : {}),
          // A token answer may leave `scope` out when it is what was asked for (RFC 6749 §5.1); what
          // was asked is then the most the token carries, so spark:xsi is never assumed unasked.
          grantedScopes: grant.scopes ?? asked,
        });
      } catch (error) {
        log.warn('webex sign-in did not finish', { account: id, code: error instanceof AppError ? error.code : 'internal' });
        throw error;
      } finally {
        if (rt.attempt === attempt) delete rt.attempt;
        ctx.changed();
      }
    },

    cancelSignIn(id: string) {
      find(id);
      const rt = runtimes.get(id);
      if (!rt?.attempt) return;
      rt.attempt.cancel();
      delete rt.attempt;
      ctx.changed();
    },

    async usePat(args: { id?: string | undefined; token: SealedSecret; baseUrl?: string | undefined }) {
      const token = await ctx.opener.open(args.token, 'webex.pat');
      const existing = args.id ? find(args.id) : records()[0];
      const baseUrl = args.baseUrl ?? existing?.baseUrl ?? WEBEX_DEFAULT_BASE_URL;
      if (existing && runtimes.get(existing.id)?.session && existing.baseUrl !== baseUrl) throw new AppError('conflict', MESSAGES.signOutFirst);
      let user;
      try {
        user = await fetchWebexUser({ baseUrl, token, log });
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthorized') {
          throw new AppError('unauthorized', MESSAGES.patRefused, error.trackingId ? { trackingId: error.trackingId } : {});
        }
        throw error;
      }
      const record = existing ?? create({ baseUrl, clientId: '', redirectUri: WEBEX_DEFAULT_REDIRECT_URI });
      record.baseUrl = baseUrl;
      cancelAttempts();
      const expiresAt = clock.now() + options.patLifetimeMs;
      await establish(
        record,
        { accessToken: token, accessExpiresAt: expiresAt },
        { method: 'pat', ...(user ? { user } : {}), expiresAt: new Date(expiresAt).toISOString() },
      );
      ctx.changed();
    },

    async signOut(id: string) {
      const record = find(id);
      const rt = runtime(id);
      rt.attempt?.cancel();
      delete rt.attempt;
      // The session ends only once the line has moved off the account: leaving it deletes the
      // account's webhooks at Webex, which needs its token (test/unit/auth/sign-out-webhooks.test.ts).
      const session = rt.session;
      delete rt.session;
      delete rt.problem;
      delete record.session;
      try {
        await vault.delete(secretKeys.webexTokens(id), secretKeys.webexClientSecret(id));
        const switched = leaveLine(id);
        ctx.save();
        ctx.changed();
        await switched;
      } finally {
        session?.close();
      }
      log.info('signed out of webex', { account: id });
    },

    stop() {
      cancelAttempts();
      for (const rt of runtimes.values()) rt.session?.close();
    },
  };
}

function sessionTokens(grant: TokenGrant): SessionTokens {
  return {
    accessToken: grant.accessToken,
    accessExpiresAt: grant.accessExpiresAt,
    ...(grant.refreshToken !== undefined ? { refreshToken: grant.refreshToken } : {}),
    ...(grant.refreshExpiresAt !== undefined ? { refreshExpiresAt: grant.refreshExpiresAt } : {}),
  };
}
