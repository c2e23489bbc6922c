/**
 * How a provider's HTTP failure becomes an AppError: the status picks the code, and Webex's error
 * body (`message`, `errors[].description`, `trackingId`) is kept so a user can quote the trackingId
 * to support.
 */
import type { ErrorCode } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';

export const DEFAULT_RETRY_AFTER_MS = 5_000;
export const MAX_RETRY_AFTER_MS = 60_000;

interface ErrorBody {
  message?: string;
  descriptions: string[];
  /** `errors[].errorCode`, distinct and in order; at most 16 (an error body is not a data set). */
  errorCodes: number[];
  trackingId?: string;
}

/** Lenient on purpose: an error body is evidence, never a reason to fail differently. */
export function readErrorBody(text: string): ErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { descriptions: [], errorCodes: [] };
  }
  if (json === null || typeof json !== 'object') return { descriptions: [], errorCodes: [] };
  const body = json as { message?: unknown; errors?: unknown; trackingId?: unknown };
  const out: ErrorBody = { descriptions: [], errorCodes: [] };
  if (typeof body.message === 'string' && body.message.trim() !== '') out.message = body.message;
  if (typeof body.trackingId === 'string' && body.trackingId !== '') out.trackingId = body.trackingId;
  if (Array.isArray(body.errors)) {
    for (const entry of body.errors as unknown[]) {
      const description = (entry as { description?: unknown } | null)?.description;
      if (typeof description === 'string' && description.trim() !== '') out.descriptions.push(description);
      const errorCode = (entry as { errorCode?: unknown } | null)?.errorCode;
      if (Number.isSafeInteger(errorCode) && !out.errorCodes.includes(errorCode as number) && out.errorCodes.length < 16) {
        out.errorCodes.push(errorCode as number);
      }
    }
  }
  return out;
}

/** Retry-After is seconds or an HTTP-date; absent or unreadable means 5 s; never more than 60 s. */
export function retryAfterMs(header: string | undefined, now: number): number {
  if (header === undefined || header.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_MS;
    ms = at - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid-input';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    // Webex answers 423 Locked with a Retry-After when a resource is briefly busy: the same
    // wait-and-try-again as a 429, so every poll loop and action already treats it right.
    case 423:
    case 429:
      return 'rate-limited';
    default:
      return 'provider';
  }
}

const DEFAULT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  'invalid-input': 'The request was not accepted.',
  unauthorized: 'The access token is missing, invalid or expired.',
  forbidden: 'This account is not allowed to do that.',
  'not-found': 'Not found.',
  conflict: 'The request conflicts with the current state.',
  'rate-limited': 'Too many requests; waiting before trying again.',
};

export function statusError(args: {
  status: number;
  bodyText: string;
  headerTrackingId: string | undefined;
  retryAfterHeader: string | undefined;
  now: number;
  service: string;
}): AppError {
  const code = codeForStatus(args.status);
  const body = readErrorBody(args.bodyText);
  const message = body.message ?? DEFAULT_MESSAGES[code] ?? `${args.service} answered HTTP ${args.status}.`;
  const trackingId = body.trackingId ?? args.headerTrackingId;
  return new AppError(code, message, {
    status: args.status,
    ...(trackingId !== undefined ? { trackingId } : {}),
    ...(code === 'rate-limited' ? { retryAfterMs: retryAfterMs(args.retryAfterHeader, args.now) } : {}),
    // Only lines that add to the message; Webex often repeats it as the single description.
    details: body.descriptions.filter((d) => d !== message),
    errorCodes: body.errorCodes,
  });
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
/** Programming errors, not the network's fault: let them surface as bugs. */
const BUG_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_INVALID_RETURN_VALUE', 'UND_ERR_NOT_SUPPORTED']);

function errorCodeOf(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | null)?.code;
  if (typeof direct === 'string') return direct;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

/**
 * A request that produced no HTTP response. The caller's own abort is not a failure and is passed
 * through as the caller's abort reason; our timeout and undici's timeouts are `timeout`; anything
 * else on the way (refused, reset, DNS, TLS, dropped) is `network`.
 */
export function transportError(
  error: unknown,
  ctx: { callerSignal: AbortSignal | undefined; timedOut: boolean; timeoutMs: number; service: string },
): unknown {
  if (ctx.callerSignal?.aborted) return ctx.callerSignal.reason;
  if (error instanceof AppError) return error;
  const code = errorCodeOf(error);
  if (ctx.timedOut || (code !== undefined && TIMEOUT_CODES.has(code)) || (error as Error | null)?.name === 'TimeoutError') {
    return new AppError('timeout', `${ctx.service} did not answer within ${ctx.timeoutMs / 1000} s.`);
  }
  if (code !== undefined && BUG_CODES.has(code)) return error;
  return new AppError('network', `Could not reach ${ctx.service}${code ? ` (${code})` : ''}.`);
}
