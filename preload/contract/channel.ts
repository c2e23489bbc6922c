import { z } from 'zod';

/** Each row reads `channel(args, result)`; keeps the literal schema types for inference. */
export function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

/** For channels that take no arguments. */
export const None = z.undefined();
/** For commands that answer nothing but success. */
export const Done = z.null();
