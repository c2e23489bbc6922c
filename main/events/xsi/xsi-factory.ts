/**
 * The XSI source as the events feature's orchestrator asks for it: one factory per app, called
 * for the line in use each time the orchestrator (re)starts. Answers undefined where XSI cannot be
 * used (the line has no XSI access, or its token was granted scopes without spark:xsi), so the
 * orchestrator moves on to webhooks without a request.
 *
 * An org without XSI (or a refused scope) stays that way for a while: the orchestrator retries
 * every minute while nothing is live, and asking people/me and the org each time would cost two
 * REST requests a minute for nothing. So such a line is not asked again for RECHECK_MS.
 */
import { isAppError } from '../../core/app-error.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { Line } from '../../providers/line.js';
import type { PushSource } from '../push-source.js';
import { XSI_SCOPE, createXsiSource, type XsiTimings } from './xsi-source.js';

export const XSI_RECHECK_MS = 15 * 60_000;

export function xsiSourceFactory(ctx: { line: () => Line; clock: Clock; log: Logger }, timings?: Partial<XsiTimings>): () => PushSource | undefined {
  const unusableUntil = new WeakMap<Line, number>();
  return () => {
    const line = ctx.line();
    if (!line.xsi) return undefined;
    const scopes = line.xsi.grantedScopes();
    if (scopes !== undefined && !scopes.includes(XSI_SCOPE)) return undefined;
    if ((unusableUntil.get(line) ?? Number.NEGATIVE_INFINITY) > ctx.clock.now()) return undefined;
    const source = createXsiSource({ people: line.people, xsi: line.xsi, clock: ctx.clock, log: ctx.log, ...(timings ? { timings } : {}) });
    return {
      ...source,
      async start() {
        try {
          await source.start();
        } catch (error) {
          // Not on here (no XSI, or the scope refused): a network failure may pass, these do not soon.
          if (isAppError(error) && (error.code === 'not-found' || error.code === 'forbidden')) {
            unusableUntil.set(line, ctx.clock.now() + XSI_RECHECK_MS);
          }
          throw error;
        }
      },
    };
  };
}
