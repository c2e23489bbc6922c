/**
 * The XSI source against the real built-in line on 127.0.0.1, both on one fake clock: timers move
 * only when a test says, while the HTTP between them is real.
 */
import { createHttpClient, type HttpClient } from '../../../main/providers/http.js';
import { createXsiSource, type XsiTimings } from '../../../main/events/xsi/index.js';
import { createWebexPeopleClient } from '../../../main/providers/webex/people-client.js';
import { lineXsi } from '../../../main/providers/webex/xsi-access.js';
import type { PushHealth, PushSignal, PushSource } from '../../../main/events/push-source.js';
import { startTestLine, type TestLine, type TestLineOptions } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

export interface XsiWorld {
  line: TestLine;
  clock: FakeClock;
  log: MemoryLogger;
  http: HttpClient;
  source: PushSource;
  signals: PushSignal[];
  health: PushHealth[];
  /** Moves fake time in steps, letting real I/O run between them. */
  run(ms: number, stepMs?: number): Promise<void>;
  /** Waits (real time, fake time still) until the condition holds; fails after `ms`. */
  until(condition: () => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function createXsiWorld(
  opts: { line?: TestLineOptions; scopes?: readonly string[]; timings?: Partial<XsiTimings>; hosts?: 'both' | 'own' } = {},
): Promise<XsiWorld> {
  const clock = new FakeClock();
  const line = await startTestLine({ clock, xsi: { enabled: true }, ...opts.line });
  const log = new MemoryLogger();
  const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, retryBackoffMs: 1 });
  const source = createXsiSource({
    people: createWebexPeopleClient(http),
    xsi: lineXsi(
      http,
      async () => line.token,
      () => opts.scopes,
      async () => (opts.hosts === 'own' ? [] : [...line.xsi.hosts]),
    ),
    clock,
    log,
    ...(opts.timings ? { timings: opts.timings } : {}),
  });
  const signals: PushSignal[] = [];
  const health: PushHealth[] = [];
  source.onSignal((s) => signals.push(s));
  source.onHealth((h) => health.push(h));

  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
  async function until(condition: () => boolean, what: string, ms = 3_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await settle();
    }
  }
  return {
    line,
    clock,
    log,
    http,
    source,
    signals,
    health,
    until,
    async run(ms, stepMs = 1_000) {
      for (let left = ms; left > 0; left -= stepMs) {
        await clock.advanceAsync(Math.min(stepMs, left));
        await settle();
      }
    },
    async close() {
      await source.stop();
      await http.close();
      await line.close();
    },
  };
}
