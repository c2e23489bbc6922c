/**
 * Webex adds enum values over time (a new call `state`, `personality`, redirection `reason`,
 * `recordingState`). One unknown value in one call must not fail the whole call list: the value
 * reads as 'unknown' and the original is kept in `unrecognized`, so the engine can log it once
 * and show the call with what is known.
 */
import { z } from 'zod';

export interface Unrecognized {
  readonly field: string;
  readonly value: string;
}

/** A string that is one of `known`, or 'unknown'. */
export function tolerantEnum<T extends string>(known: { readonly options: readonly T[] }) {
  const values = new Set<string>(known.options);
  return z.string().transform((value): T | 'unknown' => (values.has(value) ? (value as T) : 'unknown'));
}

/** Where a raw call carries enum values outside `known`; paths like "state", "redirections.0.reason". */
export function unrecognizedValues(raw: unknown, fields: Readonly<Record<string, ReadonlySet<string>>>): Unrecognized[] {
  if (raw === null || typeof raw !== 'object') return [];
  const found: Unrecognized[] = [];
  const record = raw as Record<string, unknown>;
  for (const [field, known] of Object.entries(fields)) {
    const [head, , tail] = field.split('.');
    if (head === undefined) continue;
    const value = record[head];
    if (tail === undefined) {
      if (typeof value === 'string' && !known.has(value)) found.push({ field, value });
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        const inner = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[tail] : undefined;
        if (typeof inner === 'string' && !known.has(inner)) found.push({ field: `${head}.${i}.${tail}`, value: inner });
      });
    }
  }
  return found;
}
