/** The accounts feature's public entry: what the app and other features may use. */
export { createAccountsFeature, type AccountsFeature, type AccountsOptions } from './accounts-feature.js';
export type { LineSwitch } from './accounts-context.js';
