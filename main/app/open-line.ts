import { lineMeetings } from '../providers/webex/meetings-access.js';
import { createHttpClient } from '../providers/http.js';
import { createWebexLineClients } from '../providers/webex/webex-line-clients.js';
import { lineXsi } from '../providers/webex/xsi-access.js';
import { DEMO_MEETING_NUMBER, seedDemoMeeting, startDemoScenario, startManagerLineDemo, startSandbox } from '../sandbox/index.js';
import { readDevAccounts } from './dev-accounts.js';
import type { Line } from '../providers/line.js';
import type { Clock, Logger } from '../core/ports.js';

export const DEMO_LABEL = 'Demo line — no account connected';

/**
 * Opens the line the app drives when no account is signed in (Settings → Accounts wins over
 * this): the developer's environment account if one is configured; otherwise the built-in line
 * runs inside main with a demo scenario, so a newcomer sees calls arrive within seconds and every
 * control works. Signing out comes back here.
 */
export async function openLine(deps: { env: Record<string, string | undefined>; clock: Clock; log: Logger }): Promise<Line> {
  const accounts = readDevAccounts(deps.env);
  for (const problem of accounts.problems) deps.log.warn(problem);

  if (accounts.webex) {
    const { baseUrl, token } = accounts.webex;
    const http = createHttpClient({ baseUrl, getToken: async () => token, log: deps.log });
    return {
      ...createWebexLineClients(http),
      // A developer's token: its scopes are not known here, so Meetings is offered and Webex decides.
      meetings: lineMeetings(http, baseUrl),
      mode: 'account',
      label: `Webex · ${new URL(baseUrl).host}`,
      // A developer's token: its scopes are not known, so XSI is tried where the org has it.
      xsi: lineXsi(http, async () => token, () => undefined),
      close: async () => http.close(),
    };
  }

  const sandbox = await startSandbox({ clock: deps.clock });
  const scenario = startDemoScenario(sandbox, { clock: deps.clock });
  const managerLine = startManagerLineDemo(sandbox, { clock: deps.clock });
  seedDemoMeeting(sandbox.meetings);
  const http = createHttpClient({ baseUrl: sandbox.baseUrl, getToken: async () => sandbox.token, log: deps.log });
  deps.log.info('no account configured: running the built-in demo line', { baseUrl: sandbox.baseUrl });
  return {
    ...createWebexLineClients(http),
    meetings: { ...lineMeetings(http, sandbox.baseUrl), demoMeetingNumber: DEMO_MEETING_NUMBER },
    mode: 'demo',
    label: DEMO_LABEL,
    // The built-in line's own token has every scope; its two XSP hosts are its two ports.
    xsi: lineXsi(http, async () => sandbox.token, () => undefined, async () => [...sandbox.xsi.hosts]),
    videoSdk: {
      baseUrl: sandbox.videosdk.origin,
      ...sandbox.videosdk.project,
      demo: { trunkId: sandbox.videosdk.state.trunks[0]!.id, gatewayId: sandbox.videosdk.state.gateways[0]!.id, roomId: [...sandbox.videosdk.state.rooms][0]! },
    },
    async close() {
      scenario.stop();
      managerLine.stop();
      await http.close();
      await sandbox.close();
    },
  };
}
