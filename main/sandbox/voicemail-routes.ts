/**
 * The user's voicemail summary as the built-in line serves it under /v1. Cisco's contracts folder
 * has no voice-messaging file, so this follows Webex's documented response for
 * GET /telephony/voiceMessages/summary: four counts, urgent ones included in the totals.
 */
import type { Route } from './routes.js';
import { voicemailSummary } from './voicemail-state.js';

export const VOICEMAIL_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/telephony/voiceMessages/summary',
    operationId: 'getMessageSummary',
    run: ({ line }) => ({ status: 200, body: voicemailSummary(line.state()) }),
  },
];
