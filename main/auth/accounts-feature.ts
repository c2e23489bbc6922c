/**
 * The accounts feature: the vault, the accounts document, Webex and VideoSDK accounts, and the
 * handlers of every `accounts:*` channel. Every answer and event is an AccountsSnapshot, which by
 * construction holds no secret (the contract's schemas strip anything else).
 */
import type { AccountsSnapshot } from '../../preload/contract.js';
import type { Line } from '../providers/line.js';
import type { Browser, Clock, Keychain, Logger, SettingsStore } from '../core/ports.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { AccountsContext, LineSwitch } from './accounts-context.js';
import { readAccountsDocument } from './accounts-document.js';
import { createSecretOpener } from './sealed-input.js';
import { openVault } from './vault.js';
import type { VideoSdkAccess } from '../providers/videosdk/videosdk-access.js';
import { createVideoSdkAccounts, type VideoSdkEndpointKey } from './videosdk-accounts.js';
import { createWebexAccounts, PAT_LIFETIME_MS, type WebexAccountsOptions } from './webex-accounts.js';
import { SIGN_IN_TIMEOUT_MS } from './webex-sign-in.js';

export type AccountsOptions = Partial<WebexAccountsOptions> & {
  /** The CALLDECK_VIDEOSDK_* account from the environment (development and tests). */
  environmentVideoSdk?: VideoSdkEndpointKey | undefined;
};

export interface AccountsFeature {
  handlers: HandlersOf<ChannelsOf<'accounts'>>;
  snapshot(): AccountsSnapshot;
  onChange(listener: (snapshot: AccountsSnapshot) => void): () => void;
  /** The line of the account that was signed in when CallDeck last ran, if its sign-in could be read back. */
  restoredLine(): Line | undefined;
  /** A short-lived VideoSDK token, for main's own VideoSDK requests; never for the renderer. */
  mintVideoSdkToken(opts?: { accountId?: string; ttlSec?: number }): string;
  /**
   * The VideoSDK account requests go out with: the saved one, else the environment's, else
   * `fallback` (the demo line's). Undefined when there is none to use.
   */
  videoSdkAccess(fallback?: VideoSdkEndpointKey): VideoSdkAccess | undefined;
  /** The vault, for other features' secrets that live for this run only (live updates' webhook secrets). */
  sessionSecrets: { get(key: string): string | undefined; set(key: string, value: string): Promise<void>; delete(...keys: string[]): Promise<void> };
  stop(): void;
}

interface Deps {
  clock: Clock;
  log: Logger;
  browser: Browser;
  keychain: Keychain;
  vaultStore: SettingsStore;
  accountsStore: SettingsStore;
  lines: LineSwitch;
  options?: AccountsOptions;
}

export async function createAccountsFeature(deps: Deps): Promise<AccountsFeature> {
  const { clock, log } = deps;
  const vault = await openVault({ keychain: deps.keychain, store: deps.vaultStore, log });
  const listeners = new Set<(snapshot: AccountsSnapshot) => void>();

  // Line switches queue behind each other: two at once would interleave inside the calls feature.
  let lineQueue: Promise<unknown> = Promise.resolve();
  const queued = (op: () => Promise<void>) => {
    const next = lineQueue.then(op);
    lineQueue = next.catch((error: unknown) => log.error('switching lines failed', { error: String(error) }));
    return next;
  };
  const lines: LineSwitch = {
    use: (line) => queued(() => deps.lines.use(line)),
    useDefault: () => queued(() => deps.lines.useDefault()),
  };

  const ctx: AccountsContext = {
    doc: readAccountsDocument(deps.accountsStore, log),
    vault,
    opener: createSecretOpener(),
    clock,
    log,
    save: () => deps.accountsStore.write(ctx.doc),
    changed: () => {
      const snapshot = ctx.snapshot();
      for (const listener of listeners) listener(snapshot);
    },
    snapshot: () => ({ accounts: [...webex.views(), ...videoSdk.views()], storage: vault.status() }),
  };
  const webex = createWebexAccounts({
    ctx,
    browser: deps.browser,
    lines,
    options: {
      signInTimeoutMs: deps.options?.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
      loopbackPort: deps.options?.loopbackPort ?? 'configured',
      patLifetimeMs: deps.options?.patLifetimeMs ?? PAT_LIFETIME_MS,
    },
  });
  const videoSdk = createVideoSdkAccounts(ctx, deps.options?.environmentVideoSdk);
  const restored = webex.restore();

  const handlers: AccountsFeature['handlers'] = {
    'accounts:list': async () => ctx.snapshot(),
    'accounts:sealingKey': () => ctx.opener.publicKey(),
    'accounts:configureWebex': async (args) => {
      await webex.configure(args);
      return ctx.snapshot();
    },
    'accounts:signIn': async ({ id }) => {
      await webex.signIn(id);
      return ctx.snapshot();
    },
    'accounts:cancelSignIn': async ({ id }) => {
      webex.cancelSignIn(id);
      return null;
    },
    'accounts:usePat': async (args) => {
      await webex.usePat(args);
      return ctx.snapshot();
    },
    'accounts:signOut': async ({ id }) => {
      await webex.signOut(id);
      return ctx.snapshot();
    },
    'accounts:configureVideoSdk': async (args) => {
      await videoSdk.configure(args);
      return ctx.snapshot();
    },
    'accounts:removeVideoSdk': async ({ id }) => {
      await videoSdk.remove(id);
      return ctx.snapshot();
    },
    'accounts:setPersistence': async ({ persist }) => {
      await vault.setPersistence(persist);
      ctx.changed();
      return ctx.snapshot();
    },
  };

  return {
    handlers,
    snapshot: () => ctx.snapshot(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restoredLine: () => restored,
    mintVideoSdkToken: (opts) => videoSdk.mint(opts),
    videoSdkAccess: (fallback) => videoSdk.access(fallback),
    sessionSecrets: { get: (key) => vault.get(key), set: (key, value) => vault.setForSession(key, value), delete: (...keys) => vault.delete(...keys) },
    stop: () => webex.stop(),
  };
}
