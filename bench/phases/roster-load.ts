/**
 * 4b. A meeting roster under load, measured like the calls (renderer-load.ts): the Meetings view
 * open on a meeting of 500 participants, ten changes a second (one participant muted or unmuted
 * through the same bridge channel the Mute button uses), into the profiling build of React.
 */
import { type Browser, type Page } from '../browser.js';
import { openAppSession } from '../app-session.js';
import { now, sleep } from '../clock.js';
import { latencyRow, valueRow, type Row } from '../report.js';
import { summarize } from '../stats.js';
import type { BenchCommit } from '../renderer/profiled-client.js';

const UPDATES_PER_SECOND = 10;
export const BENCH_MEETING_NUMBER = '26345551234';

export async function openMeetingView(page: Page, participants: number): Promise<void> {
  const region = page.getByRole('region', { name: 'Meeting' });
  await page.getByRole('button', { name: 'Meetings' }).click();
  await region.getByRole('textbox', { name: 'Meeting ID or number' }).fill(BENCH_MEETING_NUMBER);
  await region.getByRole('button', { name: 'Open meeting' }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[aria-label="Participants"] > li').length === n,
    participants,
    { timeout: 60_000 },
  );
}

export function benchMeeting(participants: number) {
  return {
    title: 'Bench all hands',
    meetingNumber: BENCH_MEETING_NUMBER,
    role: 'host' as const,
    participants: Array.from({ length: participants }, (_, i) =>
      i === 0 ? { displayName: 'Reception', host: true } : { displayName: `Guest ${String(i).padStart(3, '0')}` },
    ),
  };
}

export async function measureRosterLoad(browser: Browser, profilingDir: string, options: { participants: number; seconds: number }): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const session = await openAppSession(browser, profilingDir);
  const { line, harness, page } = session;
  try {
    const meeting = line.meetings.addMeeting(benchMeeting(options.participants));
    await openMeetingView(page, options.participants);
    await sleep(300);
    await page.evaluate(() => {
      window.__benchCommits = [];
      (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks = [];
    });
    const ids = meeting.participants.slice(1).map((p) => p.id);
    const muted = new Set<string>();
    const start = now();
    const ticks = options.seconds * UPDATES_PER_SECOND;
    for (let tick = 0; tick < ticks; tick++) {
      const participantId = ids[tick % ids.length] as string;
      const channel = muted.has(participantId) ? 'meetings:unmute' : 'meetings:mute';
      if (muted.has(participantId)) muted.delete(participantId);
      else muted.add(participantId);
      void harness.core.handlers[channel]({ participantId });
      await sleep(Math.max(0, start + ((tick + 1) * 1000) / UPDATES_PER_SECOND - now()));
    }
    await sleep(500);
    const { commits, longTasks } = await page.evaluate(() => ({
      commits: window.__benchCommits ?? [],
      longTasks: (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks,
    }));
    const summary = summarize((commits as BenchCommit[]).map((c) => c.actualDuration));
    const longTaskMs = longTasks.reduce((a, b) => a + b, 0);
    return {
      rows: [
        latencyRow('render.roster500.commitMs', `React commit, meeting roster of ${options.participants} at ${UPDATES_PER_SECOND} updates/s`, 'ms', summary),
        valueRow('render.roster500.longTasks', `Long tasks, roster of ${options.participants} (total ${longTaskMs.toFixed(0)} ms)`, 'count', longTasks.length, { note: `over ${options.seconds} s` }),
      ],
      details: { commits: summary, longTasks: longTasks.length, longTaskMs },
    };
  } finally {
    await session.close();
  }
}
