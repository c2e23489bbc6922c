import type { z } from 'zod';
import { AppError } from '../../core/app-error.js';
import type { HttpResponse } from '../http.js';

/** A response that does not fit its schema is a `provider` error naming the first misfit, not a crash later. */
export function parsed<T extends z.ZodType>(schema: T, res: HttpResponse, what: string): z.infer<T> {
  const result = schema.safeParse(res.body);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'unexpected shape';
    throw new AppError('provider', `Webex sent an unexpected ${what} (${where}).`, {
      status: res.status,
      ...(res.trackingId !== undefined ? { trackingId: res.trackingId } : {}),
    });
  }
  return result.data as z.infer<T>;
}
