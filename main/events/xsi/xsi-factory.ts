/**
 * The XSI source as the events feature's orchestrator asks for it: one factory per app, called
 * for the line in use each time the orchestrator (re)starts. Answers undefined where XSI cannot be
 * used (the line has no XSI access, or its token was granted scopes without spark:xsi), so the
 * orchestrator moves on to webhooks without a request.
 */
import type { Clock, Logger } from '../../core/ports.js';
import type { Line } from '../../providers/line.js';
import type { PushSource } from '../push-source.js';
import { XSI_SCOPE, createXsiSource, type XsiTimings } from './xsi-source.js';

export function xsiSourceFactory(ctx: { line: () => Line; clock: Clock; log: Logger }, timings?: Partial<XsiTimings>): () => PushSource | undefined {
  return () => {
    const line = ctx.line();
    if (!line.xsi) return undefined;
    const scopes = line.xsi.grantedScopes();
    if (scopes !== undefined && !scopes.includes(XSI_SCOPE)) return undefined;
    return createXsiSource({ people: line.people, xsi: line.xsi, clock: ctx.clock, log: ctx.log, ...(timings ? { timings } : {}) });
  };
}
