/**
 * A whole CallDeck core wired to a built-in line with OAuth, for account tests: every call goes
 * through the real dispatch (contract parsing both ways), secrets are sealed exactly as the
 * renderer seals them, and the browser is the FakeBrowser whose URL the test follows over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { AccountsSnapshot, ArgsOf, Result, WebexAccount } from '../../../preload/contract.js';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store.js';
import { createCore, type Core, type CoreOptions, type CorePorts } from '../../../main/app/create-core.js';
import type { Line } from '../../../main/providers/line.js';
import type { SettingsStore } from '../../../main/core/ports.js';
import { createDispatch } from '../../../main/ipc/dispatch.js';
import { createHttpClient } from '../../../main/providers/http.js';
import { createWebexLineClients } from '../../../main/providers/webex/webex-line-clients.js';
import { startTestLine, type TestLine, type TestLineOptions } from '../../line-kit/index.js';
import { bridgeCalls, type BridgeCalls } from '../../fakes/bridge-calls.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakeKeychain } from '../../fakes/fake-keychain.js';
import { MemoryLogger, type FakeBrowser } from '../../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../../harness/harness-ports.js';
import { raw, testAgent } from '../sandbox/raw-http.js';

export const DEFAULT_LABEL = 'Default line';

export interface World extends BridgeCalls {
  clock: FakeClock;
  line: TestLine;
  keychain: FakeKeychain;
  log: MemoryLogger;
  dir: string;
  core: Core;
  browser: FakeBrowser;
  vaultStore: SettingsStore;
  accountsStore: SettingsStore;
  webex(): WebexAccount;
  /** Stops this core and starts a new one on the same files and keychain, as an app restart. */
  restart(options?: { keychain?: FakeKeychain }): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  sandbox?: TestLineOptions;
  keychain?: FakeKeychain;
  signInTimeoutMs?: number;
  patLifetimeMs?: number;
  environmentVideoSdk?: { baseUrl: string; apiKey: string; secret: string };
  /** Live updates, e.g. webhooks to a loopback address (CALLDECK_WEBHOOK_*). */
  events?: CoreOptions['events'];
}

export async function createWorld(opts: WorldOptions = {}): Promise<World> {
  const clock = new FakeClock();
  const line = await startTestLine({ clock, ...opts.sandbox });
  const dir = mkdtempSync(join(tmpdir(), 'calldeck-accounts-'));
  const log = new MemoryLogger();
  let keychain = opts.keychain ?? new FakeKeychain();
  const store = (name: string) =>
    createJsonDocumentStore({ cwd: dir, name }, ({ cwd, name: configName }) => new Conf({ cwd, configName }), clock);

  // The line CallDeck uses without an account; a plain line on the same sandbox, told apart by label.
  const openDefault = async (): Promise<Line> => {
    const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, service: 'Webex' });
    return { ...createWebexLineClients(http), mode: 'demo', label: DEFAULT_LABEL, close: () => http.close() };
  };

  const start = async () => {
    const ports: CorePorts = { ...createHarnessPorts({ clock, log, keychain }), vaultStore: store('vault'), accountsStore: store('accounts') };
    const core = await createCore(ports, {
      shell: 'harness',
      version: '0.0.0-test',
      platform: 'linux',
      openLine: openDefault,
      accounts: { loopbackPort: 'random', signInTimeoutMs: opts.signInTimeoutMs ?? 3 * 60_000, ...(opts.patLifetimeMs ? { patLifetimeMs: opts.patLifetimeMs } : {}), environmentVideoSdk: opts.environmentVideoSdk },
      ...(opts.events ? { events: opts.events } : {}),
    });
    return { core, ports, dispatch: createDispatch(core.handlers, log) };
  };
  let running = await start();

  const world: World = {
    clock,
    line,
    get keychain() {
      return keychain;
    },
    log,
    dir,
    get core() {
      return running.core;
    },
    get browser() {
      return running.ports.browser as FakeBrowser;
    },
    get vaultStore() {
      return running.ports.vaultStore;
    },
    get accountsStore() {
      return running.ports.accountsStore;
    },
    ...bridgeCalls(() => running.dispatch),
    webex() {
      const account = running.core.accounts.snapshot().accounts.find((a): a is WebexAccount => a.kind === 'webex');
      if (!account) throw new Error('no webex account');
      return account;
    },
    async restart(options = {}) {
      await running.core.stop();
      if (options.keychain) keychain = options.keychain;
      running = await start();
    },
    async close() {
      await running.core.stop();
      await line.close();
    },
  };
  return world;
}

/** Saves the sandbox's integration as the user would type it. */
export async function configureSandboxIntegration(world: World, overrides: Partial<ArgsOf<'accounts:configureWebex'>> = {}): Promise<AccountsSnapshot> {
  const existing = world.core.accounts.snapshot().accounts.find((a) => a.kind === 'webex');
  return world.ok('accounts:configureWebex', {
    ...(existing ? { id: existing.id } : {}),
    clientId: world.line.oauth.client.id,
    clientSecret: await world.seal('webex.clientSecret', world.line.oauth.client.secret),
    redirectUri: 'http://127.0.0.1:6001/callback',
    baseUrl: world.line.baseUrl,
    ...overrides,
  });
}

const agent = testAgent();

/** What the system browser does: GET a URL and report where it redirects and what page it shows. */
export async function browse(url: string): Promise<{ status: number; location?: string; text: string }> {
  const { status, headers, text } = await raw(agent, url);
  return { status, ...(typeof headers.location === 'string' ? { location: headers.location } : {}), text };
}

/**
 * Starts "Sign in with Webex" and plays the browser: reads the URL the app opened, follows the
 * authorize redirect back to the loopback listener, and returns the page shown plus the result.
 */
export async function signInThroughBrowser(
  world: World,
  tamper: (callback: URL) => void = () => undefined,
): Promise<{ authorizeUrl: URL; callbackPage: { status: number; text: string }; result: Result<AccountsSnapshot> }> {
  const id = world.webex().id;
  const opened = world.browser.nextUrl();
  const pending = world.call('accounts:signIn', { id });
  const authorizeUrl = new URL(await opened);
  const authorize = await browse(authorizeUrl.toString());
  if (authorize.status !== 302 || !authorize.location) throw new Error(`authorize answered ${authorize.status}: ${authorize.text}`);
  const callback = new URL(authorize.location);
  tamper(callback);
  const callbackPage = await browse(callback.toString());
  return { authorizeUrl, callbackPage, result: await pending };
}

export async function signedIn(world: World): Promise<void> {
  await configureSandboxIntegration(world);
  const { result } = await signInThroughBrowser(world);
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
}

/** Every secret the line handed out: its OAuth tokens and the integration's client secret. */
export function issuedSecrets(world: World): string[] {
  const { accessTokens, refreshTokens } = world.line.oauth.issued();
  return [...accessTokens, ...refreshTokens, world.line.oauth.client.secret];
}

/** Every string a secret could hide in: snapshot, documents on disk, log lines. */
export function everything(world: World): string {
  return JSON.stringify({
    snapshot: world.core.accounts.snapshot(),
    vault: world.vaultStore.read(),
    accounts: world.accountsStore.read(),
    logs: world.log.lines,
  });
}
