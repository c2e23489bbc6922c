import { MEETING_SCOPES } from './meetings.js';

/**
 * Accounts' runtime constants, without zod: the renderer shows them (defaults, the scopes to
 * register) and the contract builds its schemas from them. The renderer imports values from
 * preload/common only; from preload/contract it imports types.
 */

export const WEBEX_DEFAULT_BASE_URL = 'https://webexapis.com/v1';
export const WEBEX_DEFAULT_REDIRECT_URI = 'http://localhost:6001/callback';
/** VideoSDK's API origin; its paths begin with /v2/. */
export const VIDEOSDK_DEFAULT_BASE_URL = 'https://api.videosdk.live';

/**
 * The scopes CallDeck always asks for; DND needs the telephony config pair. The meeting scopes
 * (MEETING_SCOPES in ./meetings.ts) are added only with "Use Webex Meetings", and XSI_SCOPES only
 * with "Use XSI events", so an integration without them still signs in for calls.
 */
export const WEBEX_SCOPES = [
  'spark:calls_read',
  'spark:calls_write',
  'spark:people_read',
  'spark:telephony_config_read',
  'spark:telephony_config_write',
] as const;

/**
 * XSI-Events need it on the token (EVENTS.md §2). Opt-in: Webex refuses the whole authorization
 * when an integration asks for a scope it was not registered with, and most orgs have no XSI.
 */
export const XSI_SCOPES = ['spark:xsi'] as const;

/** The opt-ins that add scopes to sign-in: "Use Webex Meetings" and "Use XSI events". */
export interface ScopeOptIns {
  meetings?: boolean;
  xsi?: boolean;
}

/** What sign-in asks for, and so what the form tells the person to register: one list for both. */
export function integrationScopes(optIns: ScopeOptIns): string[] {
  return [...WEBEX_SCOPES, ...(optIns.meetings ? MEETING_SCOPES : []), ...(optIns.xsi ? XSI_SCOPES : [])];
}
