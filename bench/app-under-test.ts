/**
 * The pieces of CallDeck the bench drives, assembled the way the browser harness and e2e tests
 * assemble them: a fresh built-in line, and the real core connected to it as a configured Webex
 * account connects (CALLDECK_WEBEX_*). Every import of the app's assembly lives here, so the
 * rest of the bench does not care where it sits.
 */
import { createCore, type Core } from '../main/app/create-core.js';
import type { EventsOptions } from '../main/events/index.js';
import { openLine } from '../main/app/open-line.js';
import { systemClock } from '../main/core/system-clock.js';
import type { Logger } from '../main/core/ports.js';
import { createDispatch, type Dispatch } from '../main/ipc/dispatch.js';
import { startTestLine, type SandboxExchange, type TestLine, type TestLineOptions } from '../test/line-kit/index.js';
import { createHarnessPorts, type HarnessPorts } from '../test/harness/harness-ports.js';
import { startHarness, type Harness } from '../test/harness/harness-server.js';
import { tapLine, type LineTap } from './line-tap.js';

export type { Core, Dispatch, Harness, HarnessPorts, SandboxExchange, TestLine };

/**
 * The bench runs for minutes and hundreds of thousands of log calls; a logger that keeps every
 * line (the tests' MemoryLogger) would itself look like a leak. This one only counts.
 */
export class CountingLogger implements Logger {
  counts = { info: 0, warn: 0, error: 0 };
  lastError: string | undefined;
  info(): void {
    this.counts.info += 1;
  }
  warn(): void {
    this.counts.warn += 1;
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.counts.error += 1;
    this.lastError = `${message} ${JSON.stringify(fields ?? {})}`;
  }
}

export interface LineAndTap {
  line: TestLine;
  tap: LineTap;
}

export async function startLine(options: TestLineOptions = {}): Promise<LineAndTap> {
  const line = await startTestLine(options);
  return { line, tap: tapLine(line.baseUrl) };
}

export function lineEnv(line: { baseUrl: string; token: string }): Record<string, string> {
  return { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
}

export function openLineFromEnv(env: Record<string, string | undefined>, log: Logger) {
  return () => openLine({ env, clock: systemClock, log });
}

/** The core alone (no harness server): what an invoke from the window reaches. */
export async function startCore(line: TestLine, log: Logger = new CountingLogger()): Promise<{ core: Core; dispatch: Dispatch; ports: HarnessPorts }> {
  const ports = createHarnessPorts({ log });
  const core = await createCore(ports, { shell: 'harness', version: 'bench', platform: process.platform, openLine: openLineFromEnv(lineEnv(line), log) });
  return { core, dispatch: createDispatch(core.handlers, log), ports };
}

/** The browser harness serving `rendererDir`, its core on `line` (with live updates when `events` says). */
export async function startAppHarness(line: TestLine, rendererDir: string, log: Logger = new CountingLogger(), events?: EventsOptions): Promise<Harness> {
  return startHarness({ ports: createHarnessPorts({ log }), openLine: openLineFromEnv(lineEnv(line), log), rendererDir, ...(events ? { events } : {}) });
}

export { freePort, startRelay, type Relay } from '../test/line-kit/index.js';
