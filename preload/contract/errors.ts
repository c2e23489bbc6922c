import { z } from 'zod';

// ─── Errors cross the bridge as values ──────────────────────────────────────────────────────────

export const ErrorCode = z.enum([
  'invalid-input',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'provider',
  'network',
  'timeout',
  'not-signed-in',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorValue = z.object({
  code: ErrorCode,
  message: z.string(),
  /** HTTP status from the provider, when there was one. */
  status: z.number().int().optional(),
  /** Webex's trackingId, so a user can quote it to support. */
  trackingId: z.string().optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Provider's `errors[].description` lines, when they add to `message`. */
  details: z.array(z.string()).optional(),
  /** Webex's `errors[].errorCode` values, which its support and documentation refer to. */
  errorCodes: z.array(z.number().int()).max(16).optional(),
});
export type ErrorValue = z.infer<typeof ErrorValue>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };
