/**
 * `npm run bench:videosdk`: the load the VideoSDK region puts on VideoSDK, in real time against the
 * built-in line: GET /v2/sip/call per minute while the list is shown (idle, then with a live call)
 * and while it is hidden. `--quick` shortens each phase from 30 s to 6 s.
 */
import { openLine } from '../../main/app/open-line.js';
import { createCore } from '../../main/app/create-core.js';
import { systemClock } from '../../main/core/system-clock.js';
import { startTestLine } from '../line-kit/index.js';
import { POLL_IDLE_MS, POLL_LIVE_MS } from '../../main/videosdk/index.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';

const phaseSeconds = process.argv.includes('--quick') ? 6 : 30;
const log = new MemoryLogger();
const line = await startTestLine();
line.videosdk.state.addRoom('bench-room');
const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
const core = await createCore(createHarnessPorts({ log }), {
  shell: 'harness',
  version: 'bench',
  platform: process.platform,
  openLine: () => openLine({ env, clock: systemClock, log }),
  accounts: { environmentVideoSdk: { baseUrl: line.videosdk.origin, ...line.videosdk.project } },
});

let lists = 0;
line.control.onExchange((x) => {
  if (x.method === 'GET' && x.path === '/v2/sip/call') lists += 1;
});
const perMinute = async () => {
  const before = lists;
  await new Promise((resolve) => setTimeout(resolve, phaseSeconds * 1000));
  return ((lists - before) * 60) / phaseSeconds;
};

const watch = core.handlers['videosdk:watch'];
await watch({ open: true });
const idle = await perMinute();
await core.handlers['videosdk:start']({ route: 'gateway', roomId: 'bench-room', to: '+14155550123', gatewayId: 'gw_sandbox_1' });
await watch({ open: true });
const live = await perMinute();
await watch({ open: false });
const hidden = await perMinute();

process.stdout.write(`\nVideoSDK list polling (GET /v2/sip/call, ${phaseSeconds} s per phase, real time)\n`);
console.table([
  { 'list shown': 'yes, no live call', 'requests/min': idle.toFixed(1), ceiling: 60_000 / POLL_IDLE_MS },
  { 'list shown': 'yes, a live call', 'requests/min': live.toFixed(1), ceiling: 60_000 / POLL_LIVE_MS },
  { 'list shown': 'no', 'requests/min': hidden.toFixed(1), ceiling: 0 },
]);
await core.stop();
await line.close();
