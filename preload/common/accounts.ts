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
 * (MEETING_SCOPES in ./meetings.ts) are added only with "Use Webex Meetings", so an integration
 * without them still signs in for calls.
 */
export const WEBEX_SCOPES = [
  'spark:calls_read',
  'spark:calls_write',
  'spark:people_read',
  'spark:telephony_config_read',
  'spark:telephony_config_write',
] as const;
