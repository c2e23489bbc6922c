import { isAppError } from '../core/app-error.js';

/** What a person is told about a failure: the provider's words, never a stack or internal detail. */
export function userMessage(error: unknown): string {
  if (isAppError(error)) return error.trackingId ? `${error.message} (Tracking ID: ${error.trackingId})` : error.message;
  return 'Something went wrong inside CallDeck.';
}

/** What the log gets: the message of anything thrown. */
export function logMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
