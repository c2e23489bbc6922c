/**
 * Webex's refusals in words. On every 403 Webex's own message is shown, with its trackingId; what
 * CallDeck adds says only what the refusal can mean for that operation:
 * - the roster: "must either have an Administrator role … or be the meeting host" (a cohost too
 *   is refused), so the view keeps what a cohost can still do;
 * - mute, admit, expel: "needs to be the meeting host or co-host";
 * - call-out and cancel: the host or a cohost, who "must join the meeting before invoking the API".
 * A timed-out or reset call-out may have reached Webex: the phone may be ringing already.
 */
import { AppError } from '../core/app-error.js';

export const ROSTER_HOST_ONLY =
  "Webex shows the participant list only to the meeting's host (or an admin). As a cohost you can still call people in and cancel your call-outs here.";
export const MUST_HOST_OR_COHOST = 'You must be the host or a cohost of this meeting to do that.';
export const JOIN_FIRST = 'Join the meeting in Webex first, then call out.';
export const CALLOUT_MAY_RING = 'The phone may already be ringing: look at the meeting before calling again.';

function withWebexWords(error: AppError, explanation: string): AppError {
  const said = error.message.trim();
  return new AppError(error.code, said === '' ? explanation : `${explanation} Webex said: “${said}”`, {
    status: error.status ?? 403,
    ...(error.trackingId !== undefined ? { trackingId: error.trackingId } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
  });
}

export function rosterRefusal(error: AppError): AppError {
  return error.status === 403 ? withWebexWords(error, ROSTER_HOST_ONLY) : error;
}

export function actionRefusal(error: AppError): AppError {
  return error.status === 403 ? withWebexWords(error, MUST_HOST_OR_COHOST) : error;
}

/** Call-out and cancel: the message picks which requirement was missed; unsure, both are named. */
export function calloutRefusal(error: AppError, op: 'callout' | 'cancel' = 'callout'): AppError {
  if (error.code === 'timeout' || error.code === 'network') {
    const words = op === 'callout' ? CALLOUT_MAY_RING : 'The call-out may not be cancelled: the phone may still be ringing.';
    return new AppError(error.code, `${error.message} ${words}`, error.status !== undefined ? { status: error.status } : {});
  }
  if (error.status !== 403) return error;
  const said = error.message;
  if (/\bjoin/i.test(said)) return withWebexWords(error, JOIN_FIRST);
  if (/host/i.test(said)) return withWebexWords(error, 'You must be the host or a cohost of this meeting to call out.');
  return withWebexWords(error, `${JOIN_FIRST} Only the host or a cohost can call out.`);
}
