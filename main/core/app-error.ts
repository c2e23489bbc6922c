import type { ErrorCode, ErrorValue } from '../../preload/contract.js';

/**
 * The one exception type services throw for an expected failure. The IPC boundary turns it into
 * an `{ ok: false, error }` value; anything else that is thrown is a bug and crosses as `internal`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly trackingId?: string;
  readonly retryAfterMs?: number;
  readonly details?: string[];
  readonly errorCodes?: number[];

  constructor(code: ErrorCode, message: string, extra: Omit<ErrorValue, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.trackingId !== undefined) this.trackingId = extra.trackingId;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.details !== undefined && extra.details.length > 0) this.details = extra.details;
    if (extra.errorCodes !== undefined && extra.errorCodes.length > 0) this.errorCodes = extra.errorCodes;
  }

  toValue(): ErrorValue {
    const value: ErrorValue = { code: this.code, message: this.message };
    if (this.status !== undefined) value.status = this.status;
    if (this.trackingId !== undefined) value.trackingId = this.trackingId;
    if (this.retryAfterMs !== undefined) value.retryAfterMs = this.retryAfterMs;
    if (this.details !== undefined) value.details = this.details;
    if (this.errorCodes !== undefined) value.errorCodes = this.errorCodes;
    return value;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
