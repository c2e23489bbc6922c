/**
 * 4. Renderer under load: N concurrent calls on the line (a third ringing, the rest answered and
 * mostly held), ten state updates a second (one call's recording changes, then an immediate poll),
 * through the real core, bridge and store, into the profiling build of the renderer.
 * Reports React commit durations (Profiler actualDuration, every commit in the window, including
 * the once-a-second duration ticks) and long tasks (> 50 ms on the main thread).
 */
import { pageHeapMB, type Browser, type Page } from '../browser.js';
import { openAppSession } from '../app-session.js';
import { now, sleep } from '../clock.js';
import { latencyRow, valueRow, type Row } from '../report.js';
import { summarize, type Summary } from '../stats.js';
import type { BenchCommit } from '../renderer/profiled-client.js';

export interface RendererLoadOptions {
  callCounts: number[];
  seconds: number;
}

export interface LoadLevel {
  calls: number;
  commits: Summary;
  updatesSent: number;
  longTasks: number;
  longTaskMs: number;
  heapMB: number;
}

const UPDATES_PER_SECOND = 10;

async function itemsShown(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Active calls"] > li').length === n, count, { timeout: 60_000 });
}

export async function measureRendererLoad(browser: Browser, profilingDir: string, options: RendererLoadOptions): Promise<{ rows: Row[]; levels: LoadLevel[]; idleHeapMB: number }> {
  const session = await openAppSession(browser, profilingDir);
  const { line, harness, page } = session;
  const core = harness.core;
  const provider = () => core.calls.line().provider;
  const levels: LoadLevel[] = [];
  try {
    const idleHeapMB = await pageHeapMB(page);
    for (const count of options.callCounts) {
      line.control.reset();
      const answered: string[] = [];
      for (let i = 0; i < count; i++) {
        const callId = line.control.incomingCall({ from: { name: `Load ${i}`, number: `+1201555${String(1000 + i).padStart(4, '0')}` } });
        // Answering puts the previous call on hold, so this leaves one connected and many held.
        if (i % 3 !== 0) {
          await provider().answer(callId);
          answered.push(callId);
        }
      }
      await core.calls.refresh();
      await itemsShown(page, count);
      await sleep(300);
      await page.evaluate(() => {
        window.__benchCommits = [];
        (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks = [];
      });

      // One call changes per update (muted, then unmuted, in turn): its badge is a visible change,
      // so every update is a snapshot the window must render. Mute acts at once on the line, where
      // a recording first sits in `pending` and refuses pause until it has started.
      const muted = new Set<string>();
      let cursor = 0;
      let updatesSent = 0;
      const start = now();
      const ticks = options.seconds * UPDATES_PER_SECOND;
      for (let tick = 0; tick < ticks; tick++) {
        const callId = answered[cursor++ % answered.length] as string;
        if (muted.has(callId)) {
          await provider().unmute(callId);
          muted.delete(callId);
        } else {
          await provider().mute(callId);
          muted.add(callId);
        }
        void core.calls.refresh();
        updatesSent += 1;
        // Drift-free cadence: the next tick is due at a fixed time, however long this one took.
        await sleep(Math.max(0, start + ((tick + 1) * 1000) / UPDATES_PER_SECOND - now()));
      }
      await core.calls.refresh();
      await sleep(200);
      const { commits, longTasks } = await page.evaluate(() => ({
        commits: window.__benchCommits ?? [],
        longTasks: (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks,
      }));
      levels.push({
        calls: count,
        commits: summarize((commits as BenchCommit[]).map((c) => c.actualDuration)),
        updatesSent,
        longTasks: longTasks.length,
        longTaskMs: longTasks.reduce((a, b) => a + b, 0),
        heapMB: await pageHeapMB(page),
      });
    }
    line.control.reset();
    await core.calls.refresh();

    const rows: Row[] = [];
    for (const level of levels) {
      const target = level.calls === 100 ? ({ stat: 'p95', max: 8 } as const) : undefined;
      rows.push(latencyRow(`render.calls${level.calls}.commitMs`, `React commit, ${level.calls} calls at ${UPDATES_PER_SECOND} updates/s`, 'ms', level.commits, target));
      rows.push(valueRow(`render.calls${level.calls}.longTasks`, `Long tasks, ${level.calls} calls (total ${level.longTaskMs.toFixed(0)} ms)`, 'count', level.longTasks, { note: `over ${options.seconds} s` }));
    }
    return { rows, levels, idleHeapMB };
  } finally {
    await session.close();
  }
}
