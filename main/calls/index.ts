/** The calls feature's public entry: what other features and the app assembly may use. */
export { createCallsFeature, type CallsFeature } from './calls-feature.js';
export { normalizeDestination, formatForDisplay, type NormalizedDestination } from './phone-number.js';
