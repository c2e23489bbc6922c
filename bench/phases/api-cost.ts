/**
 * 7. API cost: what CallDeck asks of the provider per minute with the window open, counted where
 * the provider would count it (requests arriving at the line), in real time: idle, and with one
 * connected call, and with the Meetings view open on a two-page roster (whose reads come every
 * ROSTER_POLL_MS, so the window should be a whole number of those). The "never two list requests in flight" check is the line tap's ledger, kept
 * over every line the whole bench opens.
 */
import type { Browser } from '../browser.js';
import { idleThenOneCall, openAppSession } from '../app-session.js';
import { now, sleep } from '../clock.js';
import { isListRequest, type Arrival } from '../line-tap.js';
import { benchMeeting, openMeetingView } from './roster-load.js';
import { valueRow, type Row } from '../report.js';

/** Two pages of roster at Webex's 100 per page. */
const MEETING_SIZE = 150;
const isRosterRead = (a: Arrival) => a.method === 'GET' && a.path.split('?')[0] === '/v1/meetingParticipants';

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
    const { idle, oneCall } = await idleThenOneCall({ line, harness }, perMinute);
    const settings = harness.core.settings.get();

    // The Meetings view open on a running meeting whose roster spans two pages, the call ended.
    line.control.reset();
    await harness.core.calls.refresh();
    line.meetings.addMeeting(benchMeeting(MEETING_SIZE));
    await openMeetingView(session.page, MEETING_SIZE);
    await sleep(1_500);
    const rosterReads = tap.count(isRosterRead);
    const rosterStart = now();
    const meetingsOpen = await perMinute();
    const rosterPerMinute = ((tap.count(isRosterRead) - rosterReads) * 60_000) / (now() - rosterStart);
    return {
      rows: [
        valueRow('api.idle.perMinute', 'API requests/min, idle', 'req/min', idle.all, { note: `ceiling ${60_000 / settings.pollIdleMs}/min` }),
        valueRow('api.oneCall.perMinute', 'API requests/min, one active call', 'req/min', oneCall.all, { note: `ceiling ${60_000 / settings.pollActiveMs}/min` }),
        valueRow('api.meetings.perMinute', `API requests/min, Meetings view open (${MEETING_SIZE} people, idle line)`, 'req/min', meetingsOpen.all, {
          note: `of which roster reads ${rosterPerMinute.toFixed(1)}/min`,
        }),
      ],
      details: { idle, oneCall, meetingsOpen, rosterPerMinute, windowSeconds, pollIdleMs: settings.pollIdleMs, pollActiveMs: settings.pollActiveMs },
    };
  } finally {
    await session.close();
  }
}
