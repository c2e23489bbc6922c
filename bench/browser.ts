/**
 * Chromium for the bench, started the way the e2e tests start it, plus what timing across two
 * processes needs: the offset between the page's clock and Node's (both epoch ms from
 * performance.timeOrigin + performance.now()), estimated from the round trip with the least delay.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../test/e2e/chromium.js';
import { now } from './clock.js';

export type { Browser, Page };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** page clock − Node clock, in ms. Subtract it from a page timestamp to read it on Node's clock. */
export async function clockOffset(page: Page, rounds = 25): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rounds; i++) {
    const sent = now();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const received = now();
    const half = (received - sent) / 2;
    if (half < best.uncertainty) best = { offset: pageTime - (sent + half), uncertainty: half };
  }
  return best;
}

/**
 * Before any app script: records long tasks, the moment of every click and of every message the
 * page sends on a WebSocket (the harness's bridge), on the page's clock.
 */
export function pageProbes(): void {
  const w = window as unknown as { __benchLongTasks: number[]; __benchClickAt: number; __benchSentAt: number };
  w.__benchLongTasks = [];
  w.__benchClickAt = 0;
  w.__benchSentAt = 0;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    w.__benchSentAt = performance.timeOrigin + performance.now();
    send.call(this, data);
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task API: the figure reads 0 rather than failing the run.
  }
  addEventListener(
    'click',
    () => {
      w.__benchClickAt = performance.timeOrigin + performance.now();
    },
    { capture: true },
  );
}

/** The page's JS heap after a full GC, through the DevTools protocol (precise, unlike performance.memory). */
export async function pageHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
