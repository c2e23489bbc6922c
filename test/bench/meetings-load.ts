/**
 * The Meetings view's load on a line, in real time against the built-in line through the real
 * core: roster reads per minute with the view open (one- and two-page rosters) and closed.
 */
import { createCore } from '../../main/app/create-core.js';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { ROSTER_POLL_MS } from '../../main/meetings/index.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startTestLine } from '../line-kit/index.js';

export async function benchMeetingsLoad(seconds: number): Promise<void> {
  // Whole refresh periods, so the window does not catch one read more or less by where it starts.
  const period = ROSTER_POLL_MS / 1000;
  const windowSeconds = Math.max(period, Math.round(seconds / period) * period);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const log = new MemoryLogger();
  const line = await startTestLine();
  const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
  const core = await createCore(createHarnessPorts({ log }), {
    shell: 'harness',
    version: 'bench',
    platform: process.platform,
    openLine: () => openLine({ env, clock: systemClock, log }),
  });
  const reads = () => line.control.state().requests.filter((r) => r.method === 'GET' && r.path.endsWith('/meetingParticipants')).length;
  const perMinute = async () => {
    const before = reads();
    await pause(windowSeconds * 1000);
    return ((reads() - before) * 60) / windowSeconds;
  };
  const meetings = core.meetings.handlers;
  const rows: Array<Record<string, string>> = [];
  for (const size of [40, 150]) {
    const number = size === 40 ? '11112222333' : '44445555666';
    line.meetings.addMeeting({
      title: `${size} people`,
      meetingNumber: number,
      participants: Array.from({ length: size }, (_, i) => ({ displayName: `Guest ${i + 1}`, host: i === 0 })),
    });
    await meetings['meetings:open']({ meeting: number });
    await meetings['meetings:watch'](undefined);
    // Past the read the view makes on opening: measure the steady refresh.
    await pause(1_000);
    rows.push({ roster: `${size} people (${Math.ceil(size / 100)} page${size > 100 ? 's' : ''})`, view: 'open', 'requests/min': (await perMinute()).toFixed(1) });
    await meetings['meetings:unwatch'](undefined);
    rows.push({ roster: `${size} people`, view: 'closed', 'requests/min': (await perMinute()).toFixed(1) });
  }
  process.stdout.write(`\nMeetings roster load on the line (GET /meetingParticipants, ${windowSeconds} s each, real time)\n`);
  console.table(rows);
  await core.stop();
  await line.close();
}
