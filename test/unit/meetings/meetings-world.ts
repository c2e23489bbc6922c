/**
 * The meetings feature on the real built-in line over real HTTP, with a fake clock for both: the
 * feature's roster polling and the line's 30-second ringing move only when a test says so.
 */
import { Agent } from 'undici';
import { vi } from 'vitest';
import type { Line } from '../../../main/providers/line.js';
import { lineMeetings } from '../../../main/providers/webex/meetings-access.js';
import { createMeetingsFeature, type MeetingsFeature } from '../../../main/meetings/index.js';
import { createHttpClient, type HttpClient } from '../../../main/providers/http.js';
import { createWebexLineClients } from '../../../main/providers/webex/webex-line-clients.js';
import type { SandboxExchange } from '../../../main/sandbox/index.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import type { MeetingsSnapshot } from '../../../preload/contract.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

export interface MeetingsWorld {
  clock: FakeClock;
  line: TestLine;
  feature: MeetingsFeature;
  exchanges: SandboxExchange[];
  events: MeetingsSnapshot[];
  /** The account's "Use Webex Meetings" and granted scopes, as the line reads them on each use. */
  facts: { optedIn: boolean; granted?: string[] };
  /** Moves time in 1 s steps, letting every request each step starts finish before the next. */
  elapse(ms: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function meetingsWorld(opts: { optedIn?: boolean; granted?: string[]; httpTimeoutMs?: number } = {}): Promise<MeetingsWorld> {
  const clock = new FakeClock();
  const line = await startTestLine({ clock });
  const agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  const http = createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1, maxGetRetries: 0, ...(opts.httpTimeoutMs !== undefined ? { timeoutMs: opts.httpTimeoutMs } : {}) });
  let inFlight = 0;
  const counted: HttpClient = {
    async request(req) {
      inFlight += 1;
      try {
        return await http.request(req);
      } finally {
        inFlight -= 1;
      }
    },
    close: () => http.close(),
  };
  const facts: MeetingsWorld['facts'] = { optedIn: opts.optedIn ?? true, ...(opts.granted ? { granted: opts.granted } : {}) };
  const webexLine: Line = {
    ...createWebexLineClients(counted),
    meetings: lineMeetings(counted, line.baseUrl, () => facts),
    mode: 'account',
    label: 'Webex · test',
    close: async () => undefined,
  };
  const feature = createMeetingsFeature({ clock, log: new MemoryLogger(), line: () => webexLine, defaultCountry: () => 'US' });
  const exchanges: SandboxExchange[] = [];
  line.control.onExchange((x) => exchanges.push(x));
  const events: MeetingsSnapshot[] = [];
  feature.onChange((s) => events.push(s));

  async function settle(): Promise<void> {
    await flushAsync();
    await vi.waitFor(() => {
      if (inFlight > 0) throw new Error('requests still in flight');
    });
    await flushAsync();
  }

  return {
    clock,
    line,
    feature,
    exchanges,
    events,
    facts,
    settle,
    async elapse(ms) {
      for (let t = 0; t < ms; t += 1_000) {
        await clock.advanceAsync(Math.min(1_000, ms - t));
        await settle();
      }
    },
    async close() {
      feature.stop();
      await line.close();
      await agent.close();
    },
  };
}

export function seedAllHands(
  line: TestLine,
  opts: { role?: 'host' | 'cohost' | 'attendee'; crowd?: number; joined?: boolean; listedAfterMs?: number | null } = {},
) {
  return line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: '26345551234',
    ...(opts.role ? { role: opts.role } : {}),
    ...(opts.joined !== undefined ? { joined: opts.joined } : {}),
    ...(opts.listedAfterMs !== undefined ? { listedAfterMs: opts.listedAfterMs } : {}),
    participants: [
      { displayName: 'Reception', email: 'reception@example.com', host: true },
      { displayName: 'Sam Rivera', state: 'lobby' },
      { displayName: 'Lee Chen', state: 'end' },
      ...Array.from({ length: opts.crowd ?? 0 }, (_, i) => ({ displayName: `Guest ${i + 1}` })),
    ],
  });
}
