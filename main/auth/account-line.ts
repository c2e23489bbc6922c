import type { Line } from '../providers/line.js';
import type { Logger } from '../core/ports.js';
import { lineMeetings } from '../providers/webex/meetings-access.js';
import { createHttpClient } from '../providers/http.js';
import { createWebexLineClients } from '../providers/webex/webex-line-clients.js';
import { lineXsi } from '../providers/webex/xsi-access.js';
import { withTokenRenewal } from './refreshing-http.js';
import type { TokenSession } from './token-session.js';

export function accountLabel(user: { displayName: string; email?: string } | undefined): string {
  if (!user) return 'Webex account';
  return `Webex · ${user.displayName}${user.email && user.email !== user.displayName ? ` (${user.email})` : ''}`;
}

/** A signed-in account's phone line: the Webex client on a token that renews itself. */
export function openAccountLine(deps: {
  baseUrl: string;
  session: TokenSession;
  label: string;
  log: Logger;
  /** "Use Webex Meetings" and the scopes the token was granted (absent: unknown). */
  meetings: () => { optedIn: boolean; granted?: readonly string[] | undefined };
}): Line {
  const http = withTokenRenewal(
    createHttpClient({ baseUrl: deps.baseUrl, getToken: () => deps.session.accessToken(), log: deps.log, service: 'Webex' }),
    deps.session,
  );
  return {
    ...createWebexLineClients(http),
    meetings: lineMeetings(http, deps.baseUrl, deps.meetings),
    mode: 'account',
    label: deps.label,
    // The granted scopes tell whether the token has spark:xsi (unknown for a personal access token).
    xsi: lineXsi(http, () => deps.session.accessToken(), () => deps.meetings().granted),
    close: () => http.close(),
  };
}
