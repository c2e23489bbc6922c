/** The events feature's public entry: push sources (XSI events, webhooks) feeding the syncs. */
export { createEventsFeature, type EventsFeature, type EventsOptions, type PushSourceContext } from './events-feature.js';
export type { PushSourceFactory, LiveUpdates, LiveUpdatesTimings } from './live-updates.js';
export type { PushSource, PushSignal, PushHealth, PushTopic, PushSourceKind } from './push-source.js';
export type { WebhookEnvironment } from './webhook-config.js';
export { xsiSourceFactory } from './xsi/index.js';
