import { isVideoSDKError, TimeoutError } from '@videosdk.live/server-sdk';
import type { ErrorCode } from '../../../preload/contract.js';
import { AppError } from '../../core/app-error.js';

const CODES: Record<number, ErrorCode> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  429: 'rate-limited',
};

export function codeForVideoSdkStatus(status: number): ErrorCode {
  return CODES[status] ?? 'provider';
}

const UNDICI_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The SDK wraps fetch's TypeError, which wraps undici's error: look down the cause chain. */
function undiciTimedOut(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNDICI_TIMEOUTS.has(code)) return true;
  }
  return false;
}

/** What our own guarded fetch refused (too large, not JSON) is already worded; the SDK wraps it as a cause. */
function ownError(error: unknown): AppError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    if (e instanceof AppError) return e;
  }
  return undefined;
}

/**
 * The SDK's errors as CallDeck's: the HTTP status picks the code and VideoSDK's own message is
 * kept (the SDK reads it from `message`, `error` or `msg`). No response at all is `network`, or
 * `timeout` when our deadline struck. The SDK never puts the token in an error. `retryAfterMs` is
 * what the 429's Retry-After asked for (the SDK's error does not carry headers).
 */
export function toAppError(error: unknown, retryAfterMs: number): unknown {
  if (error instanceof AppError || !isVideoSDKError(error)) return error;
  const own = ownError(error);
  if (own) return own;
  if (error instanceof TimeoutError || undiciTimedOut(error)) return new AppError('timeout', 'VideoSDK did not answer in time. Check your connection and try again.');
  const status = error.httpStatus;
  if (status === undefined) return new AppError('network', 'CallDeck could not reach VideoSDK. Check your connection and try again.');
  const code = CODES[status] ?? 'provider';
  const message = error.message.trim() !== '' && !/^Request failed with status \d+$/.test(error.message) ? error.message : `VideoSDK answered HTTP ${status}.`;
  return new AppError(code, message, {
    status,
    ...(error.requestId !== undefined ? { trackingId: error.requestId } : {}),
    ...(code === 'rate-limited' ? { retryAfterMs } : {}),
  });
}
