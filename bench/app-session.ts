/**
 * CallDeck as a person sees it: a fresh line, the harness (real core) serving a renderer build,
 * and the window open in Chromium. Plus the one DOM probe the screen measurements need.
 */
import type { Browser, Page } from './browser.js';
import { pageProbes } from './browser.js';
import { startAppHarness, startLine, type Harness, type TestLine } from './app-under-test.js';
import { sleep } from './clock.js';
import type { LineTap } from './line-tap.js';
import type { EventsOptions } from '../main/events/index.js';

export interface AppSession {
  line: TestLine;
  tap: LineTap;
  harness: Harness;
  page: Page;
  close(): Promise<void>;
}

/**
 * `reachOut`: lift the page's CSP so it may open a socket to a bench probe on another port.
 * `xsi`: the line offers XSI events (as an organisation with XSI does) before the app connects.
 * `secondaryLines: false`: the user's devices carry only their own line (no manager's line).
 */
export async function openAppSession(
  browser: Browser,
  rendererDir: string,
  options: { reachOut?: boolean; events?: EventsOptions; xsi?: boolean; secondaryLines?: boolean } = {},
): Promise<AppSession> {
  const { line, tap } = await startLine(options.secondaryLines === undefined ? {} : { secondaryLines: options.secondaryLines });
  if (options.xsi) line.xsi.setEnabled(true);
  const harness = await startAppHarness(line, rendererDir, undefined, options.events);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: options.reachOut ?? false });
  const page = await context.newPage();
  // tsx compiles the bench with esbuild's keepNames, which wraps named functions in a __name()
  // helper; functions handed to page.evaluate carry those calls into the page.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addInitScript(pageProbes);
  await page.goto(harness.url);
  await page.getByRole('list', { name: 'Active calls' }).waitFor();
  return {
    line,
    tap,
    harness,
    page,
    async close() {
      await context.close();
      await harness.close();
      tap.close();
      await line.close();
    },
  };
}

export interface CallShown {
  /** The caller's name as the line sends it; the window labels the item "Call with <name>". */
  name: string;
  /** A state class the item must have (e.g. call-remoteHeld), or must not have with `without`. */
  stateClass?: string;
  without?: boolean;
  /** Wait for the item to be gone instead. */
  gone?: boolean;
}

/**
 * Arms a MutationObserver in the page that notes (on the page's clock) the first moment the DOM
 * matches `want`; `shownAt` reads that moment. Arm first, then cause the change.
 */
export async function armShown(page: Page, want: CallShown): Promise<void> {
  await page.evaluate((w) => {
    const matches = () => {
      const item = document.querySelector(`li[aria-label="Call with ${CSS.escape(w.name)}"]`);
      if (w.gone) return item === null;
      if (!item) return false;
      if (w.stateClass === undefined) return true;
      return item.classList.contains(w.stateClass) !== (w.without ?? false);
    };
    (window as unknown as { __benchShown: Promise<number> }).__benchShown = new Promise<number>((resolve) => {
      const done = () => {
        observer.disconnect();
        resolve(performance.timeOrigin + performance.now());
      };
      const observer = new MutationObserver(() => {
        if (matches()) done();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      if (matches()) done();
    });
  }, want);
}

/** The page-clock time `armShown`'s condition became true; waits for it up to `timeoutMs`. */
export async function shownAt(page: Page, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(
    (ms) =>
      Promise.race([
        (window as unknown as { __benchShown: Promise<number> }).__benchShown,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error('the window never showed the change')), ms)),
      ]),
    timeoutMs,
  );
}

/**
 * The provider's load in two states, each counted by `perMinute` over its own window: idle once
 * start-up requests have passed, then with one answered call.
 */
export async function idleThenOneCall<T>(session: Pick<AppSession, 'line' | 'harness'>, perMinute: () => Promise<T>): Promise<{ idle: T; oneCall: T }> {
  await sleep(1_500);
  const idle = await perMinute();
  const callId = session.line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
  await session.harness.core.calls.refresh();
  await session.harness.core.calls.commands.answer({ callId });
  await sleep(1_500);
  return { idle, oneCall: await perMinute() };
}
