/**
 * 8. Live updates, per source: how soon an incoming call is on screen after the line rings, and
 * what the app asks of the provider per minute, idle and with one call.
 * - webhooks: the line delivers through a relay stand-in to CallDeck's receiver
 *   (CALLDECK_WEBHOOK_URL/PORT), and polling is only the safety net;
 * - poll: no push source, the app's own adaptive polling (the ring lands at a random moment of the
 *   idle cycle, so the figure includes the wait a person sees).
 * - xsi: the line offers XSI events (the app opens a channel and subscribes), webhooks and
 *   polling stay behind it.
 * - webhooks and XSI, own line only: the same, for a user whose devices carry no secondary line. Nothing
 *   says push carries a secondary line's calls, so those lines keep their poll; this row shows the
 *   idle cost of push itself.
 * Each per-minute figure comes with where the requests went (by path, from the line's exchange
 * log), so a figure above its target says which reads to look at.
 */
import type { Browser } from '../browser.js';
import { clockOffset } from '../browser.js';
import { armShown, idleThenOneCall, openAppSession, shownAt, type AppSession } from '../app-session.js';
import { freePort, startRelay, type Relay } from '../app-under-test.js';
import { now, sleep } from '../clock.js';
import { breakdownNote, recordBreakdown } from '../request-breakdown.js';
import { latencyRow, valueRow, type Row } from '../report.js';
import { summarize } from '../stats.js';

const QUIET_MS = 150;

export interface PushOptions {
  samples: number;
  /** Long enough to hold whole safety-net periods (30 s) in the full run. */
  windowSeconds: number;
}

async function measureLoad(session: AppSession, windowSeconds: number) {
  const { line, harness, tap } = session;
  const recorder = recordBreakdown(line);
  const perMinute = async () => {
    const before = tap.count();
    const start = now();
    const closeWindow = recorder.window();
    await sleep(windowSeconds * 1000);
    const rate = ((tap.count() - before) * 60_000) / (now() - start);
    return { rate, byPath: closeWindow() };
  };
  try {
    const { idle, oneCall } = await idleThenOneCall({ line, harness }, perMinute);
    return { idle: idle.rate, oneCall: oneCall.rate, idleByPath: idle.byPath, oneCallByPath: oneCall.byPath, live: harness.core.liveEvents.status() };
  } finally {
    recorder.close();
  }
}

async function measureSource(session: AppSession, samples: number, windowSeconds: number, randomPhaseMs: number) {
  const { line, harness, page } = session;
  const sync = await clockOffset(page);
  const screen: number[] = [];
  for (let i = 0; i <= samples; i += 1) {
    const name = `Pushed ${i}`;
    if (randomPhaseMs > 0) await sleep(Math.random() * randomPhaseMs);
    await armShown(page, { name });
    const start = now();
    const callId = line.control.incomingCall({ from: { name, number: '+12015550126' } });
    const ms = (await shownAt(page)) - sync.offset - start;
    if (i > 0) screen.push(ms); // the first is a warm-up
    await armShown(page, { name, gone: true });
    line.control.answeredElsewhere(callId);
    await harness.core.calls.refresh();
    await shownAt(page);
    await sleep(QUIET_MS);
  }
  return { screen, ...(await measureLoad(session, windowSeconds)) };
}

type Measured = Awaited<ReturnType<typeof measureSource>>;
type Load = Awaited<ReturnType<typeof measureLoad>>;

/** Polls until the live-updates status names `source` (the push source has finished starting). */
async function waitForSource(session: AppSession, source: string): Promise<void> {
  for (let i = 0; i < 100 && session.harness.core.liveEvents.status().source !== source; i += 1) await sleep(50);
}

export async function measurePushSources(browser: Browser, rendererDir: string, options: PushOptions): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const relay: Relay = await startRelay({ targetPort: await freePort() });
  let webhooks: Measured;
  const hooked = await openAppSession(browser, rendererDir, { events: { webhookEnvironment: { url: relay.url, port: relay.targetPort } } });
  try {
    // Wait for the webhooks to be made before the first ring.
    await waitForSource(hooked, 'webhooks');
    webhooks = await measureSource(hooked, options.samples, options.windowSeconds, 0);
  } finally {
    await hooked.close();
    await relay.stop();
  }
  let ownLineOnly: Load;
  const plainRelay: Relay = await startRelay({ targetPort: await freePort() });
  const plain = await openAppSession(browser, rendererDir, { secondaryLines: false, events: { webhookEnvironment: { url: plainRelay.url, port: plainRelay.targetPort } } });
  try {
    await waitForSource(plain, 'webhooks');
    ownLineOnly = await measureLoad(plain, options.windowSeconds);
  } finally {
    await plain.close();
    await plainRelay.stop();
  }
  let xsiOwnLineOnly: Load;
  const plainXsi = await openAppSession(browser, rendererDir, { secondaryLines: false, xsi: true });
  try {
    await waitForSource(plainXsi, 'xsi');
    xsiOwnLineOnly = await measureLoad(plainXsi, options.windowSeconds);
  } finally {
    await plainXsi.close();
  }
  let xsi: Measured;
  const channelled = await openAppSession(browser, rendererDir, { xsi: true });
  try {
    await waitForSource(channelled, 'xsi');
    xsi = await measureSource(channelled, options.samples, options.windowSeconds, 0);
  } finally {
    await channelled.close();
  }
  let poll: Measured;
  const polled = await openAppSession(browser, rendererDir);
  try {
    poll = await measureSource(polled, Math.max(3, Math.round(options.samples / 3)), Math.min(options.windowSeconds, 15), polled.harness.core.settings.get().pollIdleMs);
  } finally {
    await polled.close();
  }
  const hooksScreen = summarize(webhooks.screen);
  const xsiScreen = summarize(xsi.screen);
  const pollScreen = summarize(poll.screen);
  const where = (m: Load, which: 'idleByPath' | 'oneCallByPath') => `source ${m.live.source}; ${breakdownNote(m[which].rest)}`;
  return {
    rows: [
      latencyRow('push.webhooks.screen.ms', 'Incoming call → on screen, webhooks (line → relay → receiver → refresh)', 'ms', hooksScreen, { stat: 'p95', max: 300 }),
      valueRow('push.webhooks.idle.perMinute', 'API requests/min, idle, webhooks live (safety-net poll)', 'req/min', webhooks.idle, { target: { stat: 'value', max: 4 }, note: where(webhooks, 'idleByPath') }),
      valueRow('push.webhooks.oneCall.perMinute', 'API requests/min, one active call, webhooks live', 'req/min', webhooks.oneCall, { note: where(webhooks, 'oneCallByPath') }),
      valueRow('push.webhooks.ownLineOnly.idle.perMinute', 'API requests/min, idle, webhooks live, no secondary line on my devices', 'req/min', ownLineOnly.idle, {
        target: { stat: 'value', max: 4 },
        note: where(ownLineOnly, 'idleByPath'),
      }),
      valueRow('push.webhooks.ownLineOnly.oneCall.perMinute', 'API requests/min, one active call, webhooks live, no secondary line', 'req/min', ownLineOnly.oneCall, {
        note: where(ownLineOnly, 'oneCallByPath'),
      }),
      latencyRow('push.xsi.screen.ms', 'Incoming call → on screen, XSI events (line → channel → refresh)', 'ms', xsiScreen, { stat: 'p95', max: 300 }),
      valueRow('push.xsi.idle.perMinute', 'API requests/min, idle, XSI events live (REST only; safety-net poll)', 'req/min', xsi.idle, { target: { stat: 'value', max: 4 }, note: where(xsi, 'idleByPath') }),
      valueRow('push.xsi.ownLineOnly.idle.perMinute', 'API requests/min, idle, XSI events live, no secondary line on my devices (REST only)', 'req/min', xsiOwnLineOnly.idle, {
        target: { stat: 'value', max: 4 },
        note: where(xsiOwnLineOnly, 'idleByPath'),
      }),
      valueRow('push.xsi.oneCall.perMinute', 'API requests/min, one active call, XSI events live (REST only)', 'req/min', xsi.oneCall, { note: where(xsi, 'oneCallByPath') }),
      latencyRow('push.poll.screen.ms', 'Incoming call → on screen, polling only (random phase)', 'ms', pollScreen),
      valueRow('push.poll.idle.perMinute', 'API requests/min, idle, polling only', 'req/min', poll.idle, { note: where(poll, 'idleByPath') }),
      valueRow('push.poll.oneCall.perMinute', 'API requests/min, one active call, polling only', 'req/min', poll.oneCall, { note: where(poll, 'oneCallByPath') }),
      valueRow('push.screen.p50Ratio', 'Incoming call → on screen, polling ÷ webhooks (p50 ratio)', 'x', pollScreen.p50 / hooksScreen.p50),
    ],
    details: { webhooks, ownLineOnly, xsi, xsiOwnLineOnly, poll, windowSeconds: options.windowSeconds },
  };
}
