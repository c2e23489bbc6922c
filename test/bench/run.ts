/**
 * `npm run bench`: what CallDeck's hot paths cost, as ratios against a baseline measured in the
 * same run, and how much polling load the live-calls sync puts on a line (requests per minute,
 * idle and with a call, measured against the built-in line in real time).
 */
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { createCore } from '../../main/app/create-core.js';
import { createDispatch } from '../../main/ipc/dispatch.js';
import { toCall } from '../../main/calls/to-call.js';
import { startTestLine } from '../line-kit/index.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { webexCall } from '../fakes/webex-call-fixtures.js';
import { benchMeetingsLoad } from './meetings-load.js';
import { measure, printRatios } from './measure.js';

const quick = process.argv.includes('--quick');
const pollSeconds = quick ? 4 : 12;

// A busy receptionist's line: 8 calls, some ringing via a hunt group, some held.
const rawCalls = Array.from({ length: 8 }, (_, i) =>
  webexCall({
    id: `call-${i}`,
    state: (['alerting', 'connected', 'held'] as const)[i % 3],
    personality: i % 3 === 0 ? 'terminator' : 'originator',
    ...(i % 3 === 0 ? { redirections: [{ reason: 'huntGroup', redirectingParty: { name: 'Sales', privacyEnabled: false, callType: 'location' } }] } : {}),
  }),
);

/** The real core, connected to a fresh built-in line the way a configured account connects. */
async function startCoreOnBuiltInLine() {
  const log = new MemoryLogger();
  const line = await startTestLine();
  const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
  const core = await createCore(createHarnessPorts({ log }), {
    shell: 'harness',
    version: 'bench',
    platform: process.platform,
    openLine: () => openLine({ env, clock: systemClock, log }),
  });
  return { line, core, log };
}

async function benchBridgePath(): Promise<void> {
  const { line, core, log } = await startCoreOnBuiltInLine();
  for (let i = 0; i < 8; i++) line.control.incomingCall({ from: { name: `Caller ${i}`, number: `+1201555010${i}` } });
  await core.calls.refresh();
  const dispatch = createDispatch(core.handlers, log);
  const baseline = await measure('calls:list handler, called directly', () => core.handlers['calls:list'](undefined));
  const bridged = await measure('calls:list through dispatch (zod in + out)', () => dispatch('calls:list', undefined));
  const rejected = await measure('invalid args rejected by dispatch', () => dispatch('calls:answer', { callId: 42 }));
  printRatios('IPC dispatch: what validating every message costs (8 live calls)', baseline, [bridged, rejected]);
  await core.stop();
  await line.close();
}

async function benchSnapshotMapping(): Promise<void> {
  const baseline = await measure('JSON round trip of the raw list', () => JSON.parse(JSON.stringify(rawCalls)));
  const mapped = await measure('toCall for the raw list (labels + actions)', () => rawCalls.map(toCall));
  printRatios('Per-poll mapping of 8 calls, against copying them', baseline, [mapped]);
}

async function benchPollingLoad(): Promise<void> {
  const { line, core } = await startCoreOnBuiltInLine();
  const listPolls = () => line.control.state().requests.filter((r) => r.method === 'GET' && /\/telephony\/calls$/.test(r.path)).length;
  const perMinute = async () => {
    const before = listPolls();
    await new Promise((resolve) => setTimeout(resolve, pollSeconds * 1000));
    return ((listPolls() - before) * 60) / pollSeconds;
  };
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = await perMinute();
  line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
  await core.calls.refresh();
  const active = await perMinute();
  const settings = core.settings.get();
  process.stdout.write(`\nPolling load on the line (GET /telephony/calls, ${pollSeconds} s each, real time)\n`);
  console.table([
    { state: 'idle', 'requests/min': idle.toFixed(1), ceiling: 60_000 / settings.pollIdleMs, 'of ceiling': `${((idle * settings.pollIdleMs) / 60_000).toFixed(2)}×` },
    { state: 'with a call', 'requests/min': active.toFixed(1), ceiling: 60_000 / settings.pollActiveMs, 'of ceiling': `${((active * settings.pollActiveMs) / 60_000).toFixed(2)}×` },
  ]);
  await core.stop();
  await line.close();
}

await benchBridgePath();
await benchSnapshotMapping();
await benchPollingLoad();
await benchMeetingsLoad(pollSeconds);
