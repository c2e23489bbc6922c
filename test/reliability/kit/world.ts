/**
 * One CallDeck core on a fake clock, driving the built-in line over real HTTP through a gate, with
 * every stored document on real files. Each fault row gets a fresh world. Everything the suite
 * checks is read from where a person or the window would see it: the dispatch results, the core's
 * snapshots and events, the files, and the requests that reached the line.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { Agent, request } from 'undici';
import type { EventChannel, WebexAccount } from '../../../preload/contract.js';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store.js';
import { createCore, type Core, type CorePorts } from '../../../main/app/create-core.js';
import type { EventsOptions } from '../../../main/events/index.js';
import type { Line } from '../../../main/providers/line.js';
import type { SettingsStore } from '../../../main/core/ports.js';
import { createDispatch } from '../../../main/ipc/dispatch.js';
import { createHttpClient } from '../../../main/providers/http.js';
import { lineMeetings } from '../../../main/providers/webex/meetings-access.js';
import { createWebexLineClients } from '../../../main/providers/webex/webex-line-clients.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../../line-kit/index.js';
import { bridgeCalls, type BridgeCalls } from '../../fakes/bridge-calls.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakeKeychain } from '../../fakes/fake-keychain.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../../harness/harness-ports.js';
import { openGate, type Gate } from './gate.js';
import { settle, trackHttp } from './in-flight.js';

export const DEFAULT_LABEL = 'Default line';
/** The default line's client deadline; the line's "slow" fault waits longer than this. */
export const CLIENT_TIMEOUT_MS = 400;

export interface TimedExchange extends SandboxExchange {
  /** Fake-clock time the line answered (or dropped) it. */
  at: number;
}

export interface World extends BridgeCalls {
  clock: FakeClock;
  line: TestLine;
  gate: Gate;
  log: MemoryLogger;
  core: Core;
  dir: string;
  exchanges: TimedExchange[];
  events: { channel: EventChannel; payload: unknown; at: number }[];
  /** Every request CallDeck started towards the gate (reached the line or not), by fake time. */
  attempts: { method: string; path: string; at: number }[];
  /** Unhandled rejections and uncaught exceptions seen while this world lived. */
  crashes: unknown[];
  settingsStore: SettingsStore;
  accountsStore: SettingsStore;
  /** Moves fake time forward by `ms`, firing timers in order and letting the real I/O each starts finish. */
  run(ms: number): Promise<void>;
  /** Runs until `done()` holds; resolves with the fake ms it took, or undefined after `limitMs`. */
  runUntil(done: () => boolean, limitMs: number): Promise<number | undefined>;
  /** Requests that reached the line for `path` (under /v1), optionally one method. */
  seen(path: string, method?: string): TimedExchange[];
  webex(): WebexAccount | undefined;
  signInWithOAuth(): Promise<void>;
  /** Drops the test's own bookkeeping (exchanges, events, attempts, log lines), so a long run measures the app, not the test. */
  forget(): void;
  /** Stops this core and starts another on the same files and keychain, as an app restart; `damage` edits the files in between. */
  restart(damage?: (dir: string) => void): Promise<void>;
  close(): Promise<void>;
}

const agent = new Agent({ connect: { timeout: 2_000 } });

export interface WorldOptions {
  /** Live updates: a webhook relay's address, shorter timings. */
  events?: EventsOptions;
}

export async function createWorld(opts: WorldOptions = {}): Promise<World> {
  // Now, not a fixed date: VideoSDK's SDK stamps its tokens with the real time, and the line checks them against this clock.
  const clock = new FakeClock(Date.now());
  const line = await startTestLine({ clock });
  const gate = await openGate(line.baseUrl);
  const log = new MemoryLogger();
  const dir = mkdtempSync(join(tmpdir(), 'calldeck-reliability-'));
  const store = (name: string) =>
    createJsonDocumentStore({ cwd: dir, name }, ({ cwd, name: configName }) => new Conf({ cwd, configName }), clock);
  const exchanges: TimedExchange[] = [];
  line.control.onExchange((x) => exchanges.push({ ...x, at: clock.now() }));

  const attempts: World['attempts'] = [];
  const onCreate = (message: unknown) => {
    const req = (message as { request: { method: string; path: string; origin: string } }).request;
    if (gate.baseUrl.startsWith(String(req.origin))) attempts.push({ method: req.method, path: req.path, at: clock.now() });
  };
  subscribe('undici:request:create', onCreate);

  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);

  const openDefault = async (): Promise<Line> => {
    const http = trackHttp(createHttpClient({
      baseUrl: gate.baseUrl,
      getToken: async () => line.token,
      service: 'Webex',
      timeoutMs: CLIENT_TIMEOUT_MS,
      retryBackoffMs: 0,
      log,
    }));
    return {
      ...createWebexLineClients(http),
      meetings: lineMeetings(http, gate.baseUrl),
      // The line's VideoSDK side, through the same gate (the origin: VideoSDK paths start at /v2).
      videoSdk: {
        baseUrl: new URL(gate.baseUrl).origin,
        ...line.videosdk.project,
        demo: { trunkId: line.videosdk.state.trunks[0]?.id ?? '', gatewayId: line.videosdk.state.gateways[0]?.id ?? '' },
      },
      mode: 'demo',
      label: DEFAULT_LABEL,
      close: () => http.close(),
    };
  };

  const keychain = new FakeKeychain();
  const events: World['events'] = [];
  const start = async () => {
    const harness = createHarnessPorts({ clock, log, keychain });
    const ports: CorePorts = {
      ...harness,
      settingsStore: store('settings'),
      callLogStore: store('call-log'),
      vaultStore: store('vault'),
      accountsStore: store('accounts'),
    };
    const core = await createCore(ports, {
      shell: 'harness',
      version: '0.0.0-test',
      platform: 'linux',
      openLine: openDefault,
      accounts: { loopbackPort: 'random', signInTimeoutMs: 60_000 },
      ...(opts.events ? { events: opts.events } : {}),
    });
    core.events.attach({ id: 1, isDestroyed: () => false, send: (channel, payload) => events.push({ channel, payload, at: clock.now() }) });
    core.events.markReady(1);
    return { harness, ports, core, dispatch: createDispatch(core.handlers, log) };
  };
  let running = await start();

  const world: World = {
    clock,
    line,
    gate,
    log,
    get core() {
      return running.core;
    },
    dir,
    exchanges,
    events,
    attempts,
    crashes,
    get settingsStore() {
      return running.ports.settingsStore;
    },
    get accountsStore() {
      return running.ports.accountsStore;
    },
    ...bridgeCalls(() => running.dispatch),
    async run(ms) {
      const until = clock.now() + ms;
      await settle();
      for (let next = clock.nextTimerAt(); next !== undefined && next <= until; next = clock.nextTimerAt()) {
        await clock.advanceAsync(next - clock.now());
        await settle();
      }
      await clock.advanceAsync(until - clock.now());
      await settle();
    },
    async runUntil(done, limitMs) {
      const start = clock.now();
      await settle();
      while (!done()) {
        const next = clock.nextTimerAt();
        if (next === undefined || next - start > limitMs) return undefined;
        await clock.advanceAsync(next - clock.now());
        await settle();
      }
      return clock.now() - start;
    },
    seen: (path, method) => exchanges.filter((x) => x.path === `/v1${path}` && (method === undefined || x.method === method)),
    webex: () => running.core.accounts.snapshot().accounts.find((a): a is WebexAccount => a.kind === 'webex'),
    async signInWithOAuth() {
      await world.ok('accounts:configureWebex', {
        clientId: line.oauth.client.id,
        clientSecret: await world.seal('webex.clientSecret', line.oauth.client.secret),
        redirectUri: 'http://127.0.0.1:6001/callback',
        baseUrl: gate.baseUrl,
      });
      const id = world.webex()?.id ?? '';
      const opened = running.harness.browser.nextUrl();
      const pending = world.call('accounts:signIn', { id });
      const authorize = await request(await opened, { dispatcher: agent });
      await authorize.body.text();
      const location = authorize.headers.location;
      if (typeof location !== 'string') throw new Error(`authorize answered ${authorize.statusCode}`);
      await (await request(location, { dispatcher: agent })).body.text();
      const result = await pending;
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
      await settle();
    },
    forget() {
      exchanges.length = 0;
      events.length = 0;
      attempts.length = 0;
      log.lines.length = 0;
    },
    async restart(damage) {
      await running.core.stop();
      await settle();
      damage?.(dir);
      running = await start();
      await settle();
    },
    async close() {
      await running.core.stop();
      await gate.close();
      await line.close();
      await settle();
      unsubscribe('undici:request:create', onCreate);
      process.off('unhandledRejection', onCrash);
      process.off('uncaughtException', onCrash);
    },
  };
  return world;
}
