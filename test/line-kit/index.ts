/**
 * The test kit for the built-in line: the product's line (main/sandbox) extended with fault
 * injection, the /__sandbox control API and an OAuth server. None of it ships in the app.
 */
export { startTestLine, type TestLine, type TestLineOptions } from './start-test-line.js';
export type { SandboxControl, SandboxState, SandboxRequestSummary } from './test-control.js';
export { everyFault, type FaultSpec } from './faults.js';
export type { SandboxOAuth, SandboxOAuthOptions, SandboxOAuthStats } from './oauth-book.js';
export { CONTROL_PREFIX } from './control-routes.js';
export { startRelay, freePort, type Relay, type RelayMode } from './relay.js';
export {
  DEFAULT_NO_ANSWER_MS,
  DEFAULT_PARK_RECALL_MS,
  DEMO_CAST,
  DEMO_VOICEMAILS,
  startDemoScenario,
  type DemoScenario,
  type DialBehavior,
  type GroupCallInput,
  type IncomingCallInput,
  type SandboxExchange,
  type SandboxPartyInput,
  type VoicemailInput,
  type WireCall,
  type WireHistoryRecord,
} from '../../main/sandbox/index.js';
