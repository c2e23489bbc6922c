/** The calls feature's public entry: what the app and other features may use. */
export { createCallsFeature, type CallsFeature } from './calls-feature.js';
export type { CallCommands } from './call-commands.js';
export { activeCall, isDialling, isRinging, resolveIntent, ringingOldestFirst, type Intent, type IntentTarget } from './hotkey-target.js';
export { normalizeDestination, type NormalizedDestination } from './phone-number.js';
