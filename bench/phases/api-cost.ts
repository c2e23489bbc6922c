/**
 * 7. API cost: what CallDeck asks of the provider per minute with the window open, counted where
 * the provider would count it (requests arriving at the line), in real time: idle, and with one
 * connected call. The "never two list requests in flight" check is the line tap's ledger, kept
 * over every line the whole bench opens.
 */
import type { Browser } from '../browser.js';
import { openAppSession } from '../app-session.js';
import { now, sleep } from '../clock.js';
import { isListRequest } from '../line-tap.js';
import { valueRow, type Row } from '../report.js';

export async function measureApiCost(browser: Browser, rendererDir: string, windowSeconds: number): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const session = await openAppSession(browser, rendererDir);
  try {
    const { line, tap, harness } = session;
    const perMinute = async () => {
      const all = tap.count();
      const lists = tap.count(isListRequest);
      const start = now();
      await sleep(windowSeconds * 1000);
      const minutes = (now() - start) / 60_000;
      return { all: (tap.count() - all) / minutes, lists: (tap.count(isListRequest) - lists) / minutes };
    };
    // Let start-up requests (first list, history) pass before counting.
    await sleep(1_500);
    const idle = await perMinute();
    const callId = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    await harness.core.calls.refresh();
    await harness.core.calls.commands.answer({ callId });
    await sleep(1_500);
    const oneCall = await perMinute();
    const settings = harness.core.settings.get();
    return {
      rows: [
        valueRow('api.idle.perMinute', 'API requests/min, idle', 'req/min', idle.all, { note: `ceiling ${60_000 / settings.pollIdleMs}/min` }),
        valueRow('api.oneCall.perMinute', 'API requests/min, one active call', 'req/min', oneCall.all, { note: `ceiling ${60_000 / settings.pollActiveMs}/min` }),
      ],
      details: { idle, oneCall, windowSeconds, pollIdleMs: settings.pollIdleMs, pollActiveMs: settings.pollActiveMs },
    };
  } finally {
    await session.close();
  }
}
