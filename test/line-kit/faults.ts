/**
 * Injected faults: the failures a real network and a real Webex produce (rate limits, 5xx, slow
 * or dropped connections, broken JSON), queued and consumed by matching requests.
 */
import { z } from 'zod';
import type { Responder } from '../../main/sandbox/index.js';

const Times = z.union([z.number().int().positive(), z.literal('always')]).optional();
const PathMatch = z.string().min(1).optional();
/** Only requests with this method (e.g. the PUT of a read-then-write); absent: any method. */
const MethodMatch = z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional();

export const FaultSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    /** Typically 429, 500, 502, 503 or 504; any 4xx/5xx is accepted (e.g. a 400 to test error display). */
    status: z.number().int().min(400).max(599),
    retryAfterSec: z.number().int().nonnegative().optional(),
    times: Times,
    path: PathMatch,
    method: MethodMatch,
  }),
  z.object({ kind: z.literal('slow'), delayMs: z.number().int().nonnegative(), times: Times, path: PathMatch, method: MethodMatch }),
  z.object({ kind: z.literal('drop'), times: Times, path: PathMatch, method: MethodMatch }),
  z.object({ kind: z.literal('bad-json'), times: Times, path: PathMatch, method: MethodMatch }),
  /** Headers and half a body, then a TCP reset. */
  z.object({ kind: z.literal('reset-mid-body'), times: Times, path: PathMatch, method: MethodMatch }),
  /** 200 with an HTML page, as a captive portal or a login proxy answers. */
  z.object({ kind: z.literal('wrong-content-type'), times: Times, path: PathMatch, method: MethodMatch }),
  /** 200 JSON that never seems to end: `bytes` of it (default 8 MiB), chunked, no Content-Length. */
  z.object({ kind: z.literal('oversized'), bytes: z.number().int().positive().max(64 * 1024 * 1024).optional(), times: Times, path: PathMatch, method: MethodMatch }),
]);
/** `times` defaults to 1; 'always' keeps the fault until clearFaults(). `path` is a substring match. */
export type FaultSpec = z.infer<typeof FaultSpec>;

/**
 * One of each fault kind the line can play, for suites that sweep them all (the leak test, the
 * soak). `slowMs` is how long "slow" stalls: long enough to hit the caller's deadline, short enough
 * for the suite. 429 without Retry-After takes the same path after a longer wait, so it is left out.
 */
export function everyFault({ slowMs }: { slowMs: number }): FaultSpec[] {
  return [
    { kind: 'status', status: 429, retryAfterSec: 1 },
    ...[500, 502, 503, 504, 401].map((status): FaultSpec => ({ kind: 'status', status })),
    { kind: 'slow', delayMs: slowMs },
    { kind: 'reset-mid-body' },
    { kind: 'drop' },
    { kind: 'bad-json' },
    { kind: 'wrong-content-type' },
    { kind: 'oversized', bytes: 5 * 1024 * 1024 },
  ];
}

interface Armed {
  spec: FaultSpec;
  remaining: number;
}

export class FaultQueue {
  private armed: Armed[] = [];

  add(spec: FaultSpec): void {
    const parsed = FaultSpec.parse(spec);
    const times = parsed.times ?? 1;
    this.armed.push({ spec: parsed, remaining: times === 'always' ? Number.POSITIVE_INFINITY : times });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): FaultSpec[] {
    return this.armed.map((a) => a.spec);
  }

  /** The first armed fault whose path (and method, if it names one) matches, consuming one of its uses. */
  take(path: string, method?: string): FaultSpec | undefined {
    const hit = this.armed.find(
      (a) => (a.spec.path === undefined || path.includes(a.spec.path)) && (a.spec.method === undefined || a.spec.method === method),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.spec;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  429: 'Too many requests have been sent in a given amount of time and the request has been rate limited.',
  500: 'Something went wrong on the server.',
  502: 'The server received an invalid response from an upstream server while processing the request.',
  503: 'Server is overloaded with requests. Try again later.',
  504: 'An upstream server failed to respond on time.',
};

/**
 * Plays a fault. Resolves true when the fault produced the response (or dropped the connection),
 * false when the request should carry on normally (after a delay, for a slow fault).
 */
export async function playFault(fault: FaultSpec, respond: Responder): Promise<boolean> {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> =
        fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : {};
      respond.error(fault.status, STATUS_MESSAGES[fault.status] ?? `Injected failure (HTTP ${fault.status}).`, { headers });
      return true;
    }
    case 'slow':
      // Real time on purpose: slowness is a property of the network, not of the line's clock.
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return false;
    case 'drop':
      respond.drop();
      return true;
    case 'bad-json':
      respond.raw(200, 'application/json;charset=UTF-8', '{"items":[{"id":"Y2lzY29zcGFyazovL3VzL0NBTEwv');
      return true;
    case 'reset-mid-body':
      respond.cutOff(200, 'application/json;charset=UTF-8', '{"items":[{"id":"Y2lzY29zcGFyazovL3VzL0NBTEwv');
      return true;
    case 'wrong-content-type':
      respond.raw(200, 'text/html;charset=UTF-8', '<!doctype html><html><body><h1>Sign in to the guest network</h1></body></html>');
      return true;
    case 'oversized':
      respond.flood(200, 'application/json;charset=UTF-8', `{"items":[${'{"id":"padding"},'.repeat(4096)}`, fault.bytes ?? 8 * 1024 * 1024);
      return true;
  }
}
