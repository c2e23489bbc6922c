/** The built-in line's public surface; everything else in this folder is its inside. */
export { startSandbox, DEFAULT_PARK_RECALL_MS, type SandboxLine, type SandboxOptions, type SandboxVideoSdk } from './start-sandbox.js';
export type { VideoSdkProject, SipAnswerBehaviour, SandboxSipCall, VideoSdkTimings } from './videosdk-state.js';
export type {
  SandboxControl,
  SandboxState,
  SandboxRequestSummary,
  IncomingCallInput,
  GroupCallInput,
  SandboxPartyInput,
} from './control.js';
export type { DialBehavior } from './line.js';
export type { WireCall, WireHistoryRecord } from './line-model.js';
export type { FaultSpec } from './faults.js';
export type { SandboxExchange } from './http-io.js';
export { startDemoScenario, DEMO_CAST, type DemoScenario, type DemoScenarioOptions } from './demo-scenario.js';
