import { AppError } from '../core/app-error.js';

export const HOST_ONLY_MESSAGE =
  'You must be the host or a cohost of this meeting to see or change its participants. Ask the host to make you a cohost, or sign in to CallDeck as the host.';

/**
 * Webex answers 403 when the signed-in user neither hosts nor cohosts the meeting. Says so in
 * words, and keeps Webex's own message and trackingId for support.
 */
export function hostOnly(error: AppError): AppError {
  if (error.status !== 403) return error;
  return new AppError('forbidden', HOST_ONLY_MESSAGE, {
    status: 403,
    ...(error.trackingId !== undefined ? { trackingId: error.trackingId } : {}),
    details: [error.message, ...(error.details ?? [])],
  });
}
