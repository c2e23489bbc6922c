/** The XSI-Events push source; the events feature's orchestrator prefers it over webhooks where it works. */
export { createXsiSource, DEFAULT_XSI_TIMINGS, XSI_SCOPE, ADVANCED_CALL, type XsiSourceDeps, type XsiTimings } from './xsi-source.js';
export { xsiSourceFactory, XSI_RECHECK_MS } from './xsi-factory.js';
